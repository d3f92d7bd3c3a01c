-- Several nodes on one database (issue 8): each node's heartbeat, and the node that runs a
-- run, so that another node can take over the runs of a node that died.
-- Written in the SQL common to H2 2.x and PostgreSQL 15.

create table dl_node (
    node_id          varchar(200)  primary key,
    host             varchar(200)  not null,
    host_key         varchar(400)  not null,
    pid              bigint        not null,
    started_at       timestamp     not null,
    heartbeat_millis bigint        not null
);

-- null for runs started before this migration (one node only)
alter table dl_run add column node_id varchar(200);
create index dl_run_status on dl_run (status);
