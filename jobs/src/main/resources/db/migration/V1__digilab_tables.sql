-- Digi-Lab's own tables. Spring Batch and Quartz keep their own schemas.
-- Written in the SQL common to H2 2.x and PostgreSQL 15.

create table dl_run (
    run_id                  varchar(64)   primary key,
    job_id                  varchar(100)  not null,
    department              varchar(200)  not null,
    job_execution_id        bigint,
    status                  varchar(20)   not null,
    started_at              timestamp     not null,
    ended_at                timestamp,
    manual_minutes_per_item decimal(10,2) not null
);

create table dl_file (
    run_id        varchar(64)    not null,
    seq           int            not null,
    name          varchar(1000)  not null,
    source_path   varchar(4000)  not null,
    work_path     varchar(4000)  not null,
    sha256        char(64)       not null,
    status        varchar(20)    not null,
    final_path    varchar(4000),
    error         varchar(4000),
    pages         int            not null default 0,
    machine_ms    bigint         not null default 0,
    primary key (run_id, seq)
);
create index dl_file_sha on dl_file (sha256);

create table dl_record (
    record_key      varchar(120)   primary key,
    run_id          varchar(64)    not null,
    file_seq        int            not null,
    doc_index       int            not null,
    source_file     varchar(1000)  not null,
    pages           varchar(200)   not null,
    template_id     varchar(100),
    status          varchar(20)    not null,
    fields_json     varchar(1000000) not null,
    review_seconds  int            not null default 0,
    entry_status    varchar(20),
    entry_message   varchar(4000),
    entry_values    varchar(100000),
    entry_ms        bigint         not null default 0
);
create index dl_record_run on dl_record (run_id);

create table dl_ledger (
    run_id                  varchar(64)   primary key,
    job_id                  varchar(100)  not null,
    department              varchar(200)  not null,
    started_at              timestamp     not null,
    ended_at                timestamp     not null,
    fiscal_year             int           not null,
    records_total           int           not null,
    records_succeeded       int           not null,
    records_failed          int           not null,
    records_reviewed        int           not null,
    review_seconds          bigint        not null,
    machine_seconds         decimal(14,3) not null,
    manual_minutes_per_item decimal(10,2) not null,
    saved_minutes           decimal(14,2) not null
);
create index dl_ledger_fy on dl_ledger (fiscal_year);

create table dl_output (
    run_id    varchar(64)   not null,
    path      varchar(4000) not null,
    format    varchar(20)   not null,
    rows_written bigint     not null,
    sha256    char(64)      not null,
    primary key (run_id, path)
);
