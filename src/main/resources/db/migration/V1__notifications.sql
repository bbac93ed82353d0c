-- In-app inbox: one row per notice and recipient; dedup_key makes a retried delivery a no-op.
create sequence ls_notification_seq start with 1 increment by 50;

create table ls_notification (
  id          bigint        not null primary key,
  recipient   varchar(64)   not null,
  type        varchar(40)   not null,
  title       varchar(200)  not null,
  body        varchar(4000),
  link        varchar(500),
  created_at  timestamp with time zone not null,
  read_at     timestamp with time zone,
  dedup_key   varchar(200)  not null,
  constraint ls_notification_dedup unique (dedup_key)
);

create index ls_notification_inbox on ls_notification (recipient, created_at);
