-- GET /api/stats at 1,000,000 items (bench/README.md): the year's figures were a grouped scan of every item
-- issued that year (93,000 items, 173 ms). ls_item_tally holds, per year of issue, unit, status and source,
-- how many items there are and how many of them replied (on time) to an instruction; the stats read these
-- few rows. A trigger on ls_item keeps it in the same transaction as every insert, update and delete of an
-- item, however it is written (JPA, SQL, the benchmark's fill): PostgreSQL's in
-- db/vendor/postgresql/V115, H2's (org.luoshi.item.ItemTallyTrigger) in db/vendor/h2/V115. What depends
-- on today (overdue now, instruction replies due by today) is counted from the items themselves, with the
-- indexes below. Each key has up to 16 rows (shard, the writing connection's number modulo 16), so two
-- transactions that change items of the same unit, status and source at once (issuing in bulk) seldom
-- wait for each other's row lock until commit; the stats add a key's shards up.
create table ls_item_tally (
  issued_year     integer     not null,
  unit_code       varchar(64) not null,
  status          varchar(20) not null,
  source          varchar(20) not null,
  items           bigint      not null,
  replied         bigint      not null,
  replied_on_time bigint      not null,
  shard           smallint    not null,
  primary key (issued_year, unit_code, status, source, shard)
);

insert into ls_item_tally (issued_year, unit_code, status, source, items, replied, replied_on_time, shard)
select cast(extract(year from issued_on) as integer), unit_code, status, source, count(*),
       sum(case when replied_on is not null then 1 else 0 end),
       sum(case when replied_on is not null and replied_on <= reply_due then 1 else 0 end), 0
  from ls_item
 group by cast(extract(year from issued_on) as integer), unit_code, status, source;

-- the open items of a year with their deadline, unit and source (overdue now), from the index alone
create index ls_item_open_stats on ls_item (status, issued_on, deadline, unit_code, source);
-- the instruction items of a year not yet replied, with their reply due date (replies due by today)
create index ls_item_reply_stats on ls_item (source, replied_on, issued_on, reply_due, unit_code, status);
-- the ledger's light=YELLOW (open, deadline not past, yellow from today or earlier) counted from the index
-- alone: V91's status index with yellow_from before id (a count of 22,000 open items that read each row for
-- its yellow_from took 20–120 ms at 1,000,000 items; from the index 5–10 ms)
drop index ls_item_status;
create index ls_item_status on ls_item (status, deadline, yellow_from, id);
