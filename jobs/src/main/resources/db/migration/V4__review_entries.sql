-- Double-entry review (job definition: review: { doubleEntry: true }): each reviewer's
-- independent entry of a record's doubtful fields. Round 1 and 2 are the blind entries of
-- two different people; round 3 is the decision of a third person when they disagree.
-- Written in the SQL common to H2 2.x and PostgreSQL 15.
create table dl_review_entry (
    record_key    varchar(120)     not null,
    round         int              not null,
    username      varchar(100)     not null,
    values_json   varchar(100000)  not null,
    seconds       int              not null default 0,
    entered_at    timestamp        not null,
    primary key (record_key, round)
);
create unique index dl_review_entry_user on dl_review_entry (record_key, username);
