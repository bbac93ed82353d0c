-- Issue 19: the office's spreadsheet of items, previewed before anything is issued. A preview is kept
-- here (not in one node's memory: several nodes may share the database) until it is confirmed or expires;
-- its rows are the checked items as JSON. Confirming sets confirmed_at once (a second confirm is refused).
create table ls_import_preview (
  token         varchar(36)       not null primary key,
  created_by    varchar(64)       not null,
  created_at    timestamp with time zone not null,
  expires_at    timestamp with time zone not null,
  row_count     integer           not null,
  ok_count      integer           not null,
  file_name     varchar(200),
  rows_json     varchar(10000000) not null,
  confirmed_at  timestamp with time zone,
  created_codes varchar(1000000)
);

create index ls_import_preview_expiry on ls_import_preview (expires_at);
