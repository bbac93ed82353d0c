-- Issue 20: formal documents (督办通知单, 督办函, 整改通知书) of items, numbered per kind and year
-- (督办〔2026〕3号); an item keeps the number of a kind once it is issued.
create sequence ls_document_seq start with 1 increment by 50;

create table ls_document (
  id          bigint       not null primary key,
  item_code   varchar(20)  not null,
  kind        varchar(20)  not null,
  doc_year    integer      not null,
  doc_number  integer      not null,
  issued_by   varchar(64)  not null,
  issued_at   timestamp with time zone not null,
  constraint ls_document_once unique (item_code, kind),
  constraint ls_document_number unique (kind, doc_year, doc_number)
);

create table ls_document_counter (
  counter_key  varchar(40) not null primary key,
  last_number  integer     not null
);
