-- Issue 19, part 3: co-responsible units (协办单位) of an item. The lead unit (ls_item.unit_code)
-- answers for the item; each co-unit sees it, hears of it and reports its part of the progress.
create table ls_item_co_unit (
  item_id    bigint      not null references ls_item (id),
  unit_code  varchar(64) not null,
  primary key (item_id, unit_code)
);
-- a unit's co-items (ledger visibility, the stats column 协办事项)
create index ls_item_co_unit_unit on ls_item_co_unit (unit_code, item_id);

-- a progress report by a co-unit names it; null: the lead unit's (every report written before)
alter table ls_progress_report add column unit_code varchar(64);
