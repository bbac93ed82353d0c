-- Keeps ls_item_tally (V114) in step with ls_item in the same transaction as every change (H2; PostgreSQL's
-- trigger is db/vendor/postgresql/V115): a row trigger in Java, org.luoshi.item.ItemTallyTrigger.
create trigger ls_item_tally after insert, update, delete on ls_item for each row call 'org.luoshi.item.ItemTallyTrigger';
