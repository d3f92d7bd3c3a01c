-- Who reviewed a record, when, and in which follow-up export it went out.
alter table dl_record add column reviewed_by varchar(100);
alter table dl_record add column reviewed_at timestamp;
alter table dl_record add column review_note varchar(1000);
alter table dl_record add column exported_in varchar(80);
