-- Issue 20: leaders' instructions (领导批示) on items, by the item's leader in charge or a principal leader.
create sequence ls_instruction_seq start with 1 increment by 50;

create table ls_instruction (
  id          bigint        not null primary key,
  item_code   varchar(20)   not null,
  author      varchar(64)   not null,
  body        varchar(2000) not null,
  created_at  timestamp with time zone not null
);
create index ls_instruction_item on ls_instruction (item_code, created_at);
create index ls_instruction_time on ls_instruction (created_at);
