-- The ledger at 1,000,000 items (bench/run): each ledger page also counts its filter's matches, and
-- Hibernate counts count(id). With id at the end of the filter indexes PostgreSQL counts a unit's,
-- a leader's, a person's or a status's items from the index alone (an index-only scan, no visit to
-- scattered table rows: a unit's count went from 2.1 s to 0.07 s on a busy machine), and pages a unit's
-- or a leader's items in the ledger's order (issued_on desc, id desc) straight from the index.
drop index ls_item_unit;
create index ls_item_unit on ls_item (unit_code, issued_on, id);
drop index ls_item_leader;
create index ls_item_leader on ls_item (lead_leader, issued_on, id);
drop index ls_item_person;
create index ls_item_person on ls_item (responsible_person, issued_on, id);
drop index ls_item_status;
create index ls_item_status on ls_item (status, deadline, id);
