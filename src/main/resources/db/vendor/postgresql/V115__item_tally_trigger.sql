-- Keeps ls_item_tally (V114) in step with ls_item in the same transaction as every change (PostgreSQL;
-- H2's trigger is db/vendor/h2/V115). Statement-level triggers with transition tables: one upsert per
-- statement, grouped, so a bulk insert (the benchmark's 100,000 rows a statement) adds a few hundred tally
-- rows' worth, and an update that changes none of the counted columns (progress, scores) writes nothing.
-- Tally rows are upserted in key order, so two transactions lock them in the same order, and into the
-- writing connection's shard (pg_backend_pid() % 16), so concurrent writers seldom share a row (V114).
create function ls_item_tally_insert() returns trigger language plpgsql as $$
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
  return null;
end $$;

create function ls_item_tally_delete() returns trigger language plpgsql as $$
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
  return null;
end $$;

create function ls_item_tally_update() returns trigger language plpgsql as $$
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
  return null;
end $$;

create trigger ls_item_tally_insert after insert on ls_item referencing new table as new_rows
  for each statement execute function ls_item_tally_insert();
create trigger ls_item_tally_delete after delete on ls_item referencing old table as old_rows
  for each statement execute function ls_item_tally_delete();
create trigger ls_item_tally_update after update on ls_item referencing old table as old_rows new table as new_rows
  for each statement execute function ls_item_tally_update();
