-- GET /api/stats?year= at 1,000,000 items (bench/README.md): after V114 the biggest part left was "overdue now",
-- counted from every open item of the year past its deadline (19,455 at 1,000,000 synthetic items; it grows with
-- them). ls_item_open_tally holds, per year of issue, month of the deadline (its first day) and unit, how many OPEN
-- items there are (ItemStatus.OPEN: ISSUED, RETURNED, IN_PROGRESS). The items of the months before the current one
-- are all past their deadline: their rows are read as they are; only the current month's items with a deadline
-- before today are counted from the items, from ls_item_status below (at most one month of deadlines, however many
-- items are overdue). Kept by the same triggers as ls_item_tally in the same transaction (PostgreSQL's
-- db/vendor/postgresql/V118, H2's org.luoshi.item.ItemTallyTrigger), filled there (V118), sharded like it (V114).
-- By unit only, not also by status and source as ls_item_tally: the figures count overdue items per unit and in
-- total; and once every key has its 16 shards, a year's rows before this month by unit, status, source and month
-- would be 29,168 at 1,000,000 synthetic items (22–46 ms to add up, no better than counting the items), by unit
-- and month 2,560 (1–2 ms). A change between open statuses (accepting, returning) writes nothing here. The key
-- starts with (year, month) so the months before the current one are one range.
create table ls_item_open_tally (
  issued_year     integer     not null,
  deadline_month  date        not null,
  unit_code       varchar(64) not null,
  items           bigint      not null,
  shard           smallint    not null,
  primary key (issued_year, deadline_month, unit_code, shard)
);

-- the open items with a deadline in [first of this month, today), of a year of issue, with their unit, from the
-- index alone: V114's status index (status, deadline, yellow_from, id) with issued_on and unit_code after it, so the
-- ledger's light filters and counts keep their prefix (and a year's light counts, /api/stats/lights, now come from
-- it alone: at 1,000,000 items YELLOW 130 → 7 ms, GREEN 74–171 → 11–15 ms, RED 49–72 → 18–26 ms). ls_item_open_stats
-- (status, issued_on, deadline, …) stays: the ledger's status+overdue page reads it in issue order.
drop index ls_item_status;
create index ls_item_status on ls_item (status, deadline, yellow_from, id, issued_on, unit_code);
