-- Notification channels beyond the in-app inbox (e-mail, the SMS/WeChat Work stand-in).

-- One row per notice, recipient and channel: what was sent, when, how often it was tried and why it
-- failed. (dedup_key, channel) is unique, so a retried job finds what it already sent and sends
-- nothing twice. not_before is set for mail held over quiet hours (sent by the morning run).
create sequence ls_notification_delivery_seq start with 1 increment by 50;

create table ls_notification_delivery (
  id          bigint        not null primary key,
  notice_key  varchar(200)  not null,
  dedup_key   varchar(200)  not null,
  channel     varchar(20)   not null,
  recipient   varchar(64)   not null,
  address     varchar(320)  not null,
  status      varchar(20)   not null,
  attempts    integer       not null,
  last_error  varchar(1000),
  created_at  timestamp with time zone not null,
  not_before  timestamp with time zone,
  sent_at     timestamp with time zone,
  constraint ls_notification_delivery_once unique (dedup_key, channel)
);
create index ls_notification_delivery_notice on ls_notification_delivery (notice_key);
create index ls_notification_delivery_due on ls_notification_delivery (status, not_before);

-- A person's choice of channels; no row = the defaults (e-mail on).
create table ls_notification_preference (
  user_id        varchar(64) not null primary key,
  email_enabled  boolean     not null,
  updated_at     timestamp with time zone not null
);

-- The daily digest reads the day's item events by time.
create index ls_item_event_time on ls_item_event (occurred_at);
create index ls_progress_report_time on ls_progress_report (reported_at);
