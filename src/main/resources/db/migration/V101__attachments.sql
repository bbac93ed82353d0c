-- Issue 19: evidence files (附件) on items. Kept in the database, not a directory: several nodes may share
-- one PostgreSQL database (DESIGN.md §6) and no shared disk; the record and its bytes are written in one
-- transaction (no file without a record, no record without its file) and backed up together. The bytes
-- live in a table of their own, so listing an item's attachments never reads them.
create sequence ls_attachment_seq start with 1 increment by 50;

create table ls_attachment (
  id            bigint        not null primary key,
  item_code     varchar(40)   not null,
  name          varchar(255)  not null,
  size_bytes    bigint        not null,
  -- what the content is (sniffed, never the client's word): PDF, PNG, JPEG, DOCX, XLSX, DOC, XLS
  kind          varchar(10)   not null,
  purpose       varchar(20)   not null,
  sha256        varchar(64)   not null,
  uploaded_by   varchar(64)   not null,
  uploaded_at   timestamp with time zone not null
);

create index ls_attachment_item on ls_attachment (item_code, uploaded_at);

create table ls_attachment_content (
  attachment_id bigint not null primary key,
  content       bytea  not null,
  constraint ls_attachment_content_of foreign key (attachment_id) references ls_attachment (id)
);
