-- Fills ls_item_open_tally (V117) from the items (H2). The Java trigger of V115 (org.luoshi.item.ItemTallyTrigger)
-- keeps it in step: it writes the table from the first change after V117, so the fill starts afresh.
delete from ls_item_open_tally;
insert into ls_item_open_tally (issued_year, deadline_month, unit_code, items, shard)
select cast(extract(year from issued_on) as integer), cast(date_trunc('MONTH', deadline) as date), unit_code, count(*), 0
  from ls_item
 where status in ('ISSUED', 'RETURNED', 'IN_PROGRESS')
 group by cast(extract(year from issued_on) as integer), cast(date_trunc('MONTH', deadline) as date), unit_code;
