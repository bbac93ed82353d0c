-- Responsibility items (责任清单) and what happens to them.
create sequence ls_item_seq start with 1 increment by 50;
create sequence ls_progress_report_seq start with 1 increment by 50;
create sequence ls_review_record_seq start with 1 increment by 50;
create sequence ls_extension_request_seq start with 1 increment by 50;
create sequence ls_item_event_seq start with 1 increment by 50;

create table ls_item_code_counter (
  code_year    integer not null primary key,
  last_number  integer not null
);

create table ls_item (
  id                   bigint        not null primary key,
  version              integer       not null,
  code                 varchar(20)   not null,
  title                varchar(200)  not null,
  source               varchar(20)   not null,
  category             varchar(20)   not null,
  unit_code            varchar(64)   not null,
  lead_leader          varchar(64)   not null,
  responsible_person   varchar(64),
  target               varchar(2000) not null,
  measures             varchar(4000),
  issued_on            date          not null,
  issued_by            varchar(64)   not null,
  deadline             date          not null,
  original_deadline    date          not null,
  extended             boolean       not null,
  status               varchar(20)   not null,
  progress_percent     integer       not null,
  yellow_from          date          not null,
  overdue_since        date,
  reply_due            date,
  replied_on           date,
  completed_on         date,
  days_late            integer,
  completion_note      varchar(4000),
  timeliness_score     numeric(5,1),
  quality_score        numeric(5,1),
  final_score          numeric(5,1),
  closed_at            timestamp with time zone,
  parent_code          varchar(20),
  process_instance_id  varchar(64),
  issue_round          integer       not null,
  submission_round     integer       not null,
  created_at           timestamp with time zone not null,
  constraint ls_item_code unique (code)
);
create index ls_item_ledger on ls_item (issued_on, id);
create index ls_item_unit on ls_item (unit_code, issued_on);
create index ls_item_leader on ls_item (lead_leader, issued_on);
create index ls_item_person on ls_item (responsible_person);
create index ls_item_status on ls_item (status, deadline);
create index ls_item_closed on ls_item (closed_at);
create index ls_item_overdue on ls_item (overdue_since);
create index ls_item_parent on ls_item (parent_code);

create table ls_progress_report (
  id           bigint        not null primary key,
  item_id      bigint        not null references ls_item (id),
  percent      integer       not null,
  note         varchar(4000) not null,
  reported_by  varchar(64)   not null,
  reported_at  timestamp with time zone not null
);
create index ls_progress_report_item on ls_progress_report (item_id);

create table ls_review_record (
  id                bigint        not null primary key,
  item_id           bigint        not null references ls_item (id),
  level             varchar(20)   not null,
  submission_round  integer       not null,
  reviewer          varchar(64)   not null,
  approved          boolean       not null,
  quality_score     numeric(5,1),
  review_comment    varchar(2000),
  reviewed_at       timestamp with time zone not null
);
create index ls_review_record_item on ls_review_record (item_id);
create index ls_review_record_reviewer on ls_review_record (reviewer, reviewed_at);

create table ls_extension_request (
  id                 bigint        not null primary key,
  item_id            bigint        not null references ls_item (id),
  previous_deadline  date          not null,
  new_deadline       date          not null,
  reason             varchar(2000) not null,
  requested_by       varchar(64)   not null,
  requested_at       timestamp with time zone not null,
  decision           varchar(20)   not null,
  decided_by         varchar(64),
  decided_at         timestamp with time zone,
  decision_comment   varchar(2000)
);
create index ls_extension_request_item on ls_extension_request (item_id);

create table ls_item_event (
  id           bigint        not null primary key,
  item_id      bigint        not null references ls_item (id),
  type         varchar(30)   not null,
  unit_code    varchar(64)   not null,
  actor        varchar(64),
  detail       varchar(2000),
  occurred_at  timestamp with time zone not null
);
create index ls_item_event_item on ls_item_event (item_id);
create index ls_item_event_type on ls_item_event (type, occurred_at);
