-- The notification outbox (issue 16): deliveries are written with the notice and sent after commit by
-- a sender on any node, which claims each one first (status SENDING, when, by which node).
alter table ls_notification_delivery add column claimed_at timestamp with time zone;
alter table ls_notification_delivery add column claimed_by varchar(100);
