-- Issue 20: where a unit's officials read their messages: a WeChat Work or DingTalk group robot, or a
-- generic HTTPS webhook, per unit and platform; the secret signs what is sent and is never shown in full.
create sequence ls_unit_webhook_seq start with 1 increment by 50;

create table ls_unit_webhook (
  id          bigint        not null primary key,
  unit_code   varchar(64)   not null,
  platform    varchar(20)   not null,
  url         varchar(1000) not null,
  secret      varchar(200),
  updated_by  varchar(64)   not null,
  updated_at  timestamp with time zone not null,
  constraint ls_unit_webhook_once unique (unit_code, platform)
);
