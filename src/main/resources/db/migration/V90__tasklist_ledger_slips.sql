-- Issue 15, ledger slips in data written before: a closed item is 100% done; an item is overdue
-- from the day after its deadline (not from the day the notice happened to run); notices link to
-- pages a person can read, not to raw JSON.
update ls_item set progress_percent = 100 where status = 'CLOSED' and progress_percent <> 100;

update ls_item set overdue_since = cast(deadline + interval '1' day as date)
 where overdue_since > cast(deadline + interval '1' day as date);

update ls_notification set link = replace(link, '/api/interviews/', '/ledger/interviews/')
 where link like '/api/interviews/%';
update ls_notification set link = replace(link, '/api/supervisions/', '/ledger/supervisions/')
 where link like '/api/supervisions/%';
update ls_notification set link = '/ledger/' where link = '/ledger/items';
