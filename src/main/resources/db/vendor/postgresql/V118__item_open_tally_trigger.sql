-- Keeps ls_item_open_tally (V117) in step with ls_item in the same transaction as every change (PostgreSQL; H2's
-- is org.luoshi.item.ItemTallyTrigger): V115's statement triggers, whose functions are replaced here, upsert the
-- open items' rows after ls_item_tally's (so every writer locks the two tables' rows in the same order), grouped,
-- in key order, into the writing connection's shard, as V115 does. The statuses are ItemStatus.OPEN
-- (LedgerAtScaleIT compares the table with a group by of the items).
-- ls_item is locked against writes until commit, so no change falls between the fill and the new functions.
lock table ls_item in share row exclusive mode;

create or replace function ls_item_tally_insert() returns trigger language plpgsql as $$
begin
  insert into ls_item_tally (issued_year, unit_code, status, source, items, replied, replied_on_time, shard)
  select extract(year from issued_on)::int, unit_code, status, source, count(*),
         count(*) filter (where replied_on is not null), count(*) filter (where replied_on <= reply_due),
         (pg_backend_pid() % 16)::smallint
    from new_rows
   group by 1, 2, 3, 4
   order by 1, 2, 3, 4
  on conflict (issued_year, unit_code, status, source, shard) do update
     set items = ls_item_tally.items + excluded.items, replied = ls_item_tally.replied + excluded.replied,
         replied_on_time = ls_item_tally.replied_on_time + excluded.replied_on_time;
  insert into ls_item_open_tally (issued_year, deadline_month, unit_code, items, shard)
  select extract(year from issued_on)::int, date_trunc('month', deadline::timestamp)::date, unit_code, count(*),
         (pg_backend_pid() % 16)::smallint
    from new_rows
   where status in ('ISSUED', 'RETURNED', 'IN_PROGRESS')
   group by 1, 2, 3
   order by 1, 2, 3
  on conflict (issued_year, deadline_month, unit_code, shard) do update
     set items = ls_item_open_tally.items + excluded.items;
  return null;
end $$;

create or replace function ls_item_tally_delete() returns trigger language plpgsql as $$
begin
  insert into ls_item_tally (issued_year, unit_code, status, source, items, replied, replied_on_time, shard)
  select extract(year from issued_on)::int, unit_code, status, source, -count(*),
         -count(*) filter (where replied_on is not null), -count(*) filter (where replied_on <= reply_due),
         (pg_backend_pid() % 16)::smallint
    from old_rows
   group by 1, 2, 3, 4
   order by 1, 2, 3, 4
  on conflict (issued_year, unit_code, status, source, shard) do update
     set items = ls_item_tally.items + excluded.items, replied = ls_item_tally.replied + excluded.replied,
         replied_on_time = ls_item_tally.replied_on_time + excluded.replied_on_time;
  insert into ls_item_open_tally (issued_year, deadline_month, unit_code, items, shard)
  select extract(year from issued_on)::int, date_trunc('month', deadline::timestamp)::date, unit_code, -count(*),
         (pg_backend_pid() % 16)::smallint
    from old_rows
   where status in ('ISSUED', 'RETURNED', 'IN_PROGRESS')
   group by 1, 2, 3
   order by 1, 2, 3
  on conflict (issued_year, deadline_month, unit_code, shard) do update
     set items = ls_item_open_tally.items + excluded.items;
  return null;
end $$;

-- an update that changes none of the counted columns writes nothing to a table: the old and new rows of each key
-- cancel out (progress, scores; in ls_item_open_tally also a change between open statuses or of a deadline within
-- its month)
create or replace function ls_item_tally_update() returns trigger language plpgsql as $$
begin
  insert into ls_item_tally (issued_year, unit_code, status, source, items, replied, replied_on_time, shard)
  select issued_year, unit_code, status, source, sum(items), sum(replied), sum(replied_on_time),
         (pg_backend_pid() % 16)::smallint
    from (select extract(year from issued_on)::int as issued_year, unit_code, status, source, 1 as items,
                 case when replied_on is not null then 1 else 0 end as replied,
                 case when replied_on <= reply_due then 1 else 0 end as replied_on_time
            from new_rows
          union all
          select extract(year from issued_on)::int, unit_code, status, source, -1,
                 case when replied_on is not null then -1 else 0 end,
                 case when replied_on <= reply_due then -1 else 0 end
            from old_rows) d
   group by 1, 2, 3, 4
  having sum(items) <> 0 or sum(replied) <> 0 or sum(replied_on_time) <> 0
   order by 1, 2, 3, 4
  on conflict (issued_year, unit_code, status, source, shard) do update
     set items = ls_item_tally.items + excluded.items, replied = ls_item_tally.replied + excluded.replied,
         replied_on_time = ls_item_tally.replied_on_time + excluded.replied_on_time;
  insert into ls_item_open_tally (issued_year, deadline_month, unit_code, items, shard)
  select issued_year, deadline_month, unit_code, sum(items), (pg_backend_pid() % 16)::smallint
    from (select extract(year from issued_on)::int as issued_year,
                 date_trunc('month', deadline::timestamp)::date as deadline_month, unit_code, 1 as items
            from new_rows
           where status in ('ISSUED', 'RETURNED', 'IN_PROGRESS')
          union all
          select extract(year from issued_on)::int, date_trunc('month', deadline::timestamp)::date, unit_code, -1
            from old_rows
           where status in ('ISSUED', 'RETURNED', 'IN_PROGRESS')) d
   group by 1, 2, 3
  having sum(items) <> 0
   order by 1, 2, 3
  on conflict (issued_year, deadline_month, unit_code, shard) do update
     set items = ls_item_open_tally.items + excluded.items;
  return null;
end $$;

delete from ls_item_open_tally;
insert into ls_item_open_tally (issued_year, deadline_month, unit_code, items, shard)
select extract(year from issued_on)::int, date_trunc('month', deadline::timestamp)::date, unit_code, count(*), 0
  from ls_item
 where status in ('ISSUED', 'RETURNED', 'IN_PROGRESS')
 group by 1, 2, 3;
