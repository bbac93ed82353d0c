-- Accountability interviews (约谈问责, DESIGN.md 4.2): one row per interview, its people, its schedule.
create sequence ls_interview_seq start with 1 increment by 50;

create table ls_interview (
  id                      bigint        not null primary key,
  code                    varchar(20)   not null,
  start_year              integer       not null,
  process_instance_id     varchar(64),
  trigger_code            varchar(30)   not null,
  method                  varchar(20)   not null,
  earlier_interviews      integer       not null,
  interviewer             varchar(64)   not null,
  interviewer_level       varchar(10)   not null,
  subject                 varchar(500)  not null,
  related_item_code       varchar(40),
  follow_up_of            varchar(20),
  origin                  varchar(60)   not null,
  started_by              varchar(64)   not null,
  created_at              timestamp with time zone not null,
  status                  varchar(20)   not null,
  outline                 varchar(4000),
  held_at                 timestamp with time zone,
  record_text             varchar(20000),
  outcome                 varchar(30),
  rectification_required  boolean,
  rectification_deadline  date,
  recorded_by             varchar(64),
  recorded_at             timestamp with time zone,
  cancelled_by            varchar(64),
  cancelled_at            timestamp with time zone,
  cancel_reason           varchar(500),
  version                 integer       not null,
  constraint ls_interview_code unique (code)
);

create index ls_interview_item on ls_interview (related_item_code);
create index ls_interview_process on ls_interview (process_instance_id);
create index ls_interview_follow_up on ls_interview (follow_up_of);
create index ls_interview_held on ls_interview (held_at);
create index ls_interview_year on ls_interview (start_year, id);
create index ls_interview_interviewer on ls_interview (interviewer);

-- interviewees; attended is set when the interview is held
create table ls_interview_person (
  interview_id  bigint       not null references ls_interview (id),
  user_id       varchar(64)  not null,
  position      integer      not null,
  attended      boolean      not null,
  primary key (interview_id, user_id)
);

create index ls_interview_person_user on ls_interview_person (user_id);

-- every time and place the interviewees were told of, oldest first; notified_at when the notice went out
create table ls_interview_schedule (
  interview_id  bigint        not null references ls_interview (id),
  revision      integer       not null,
  scheduled_at  timestamp with time zone not null,
  place         varchar(200)  not null,
  reason        varchar(500),
  changed_by    varchar(64)   not null,
  changed_at    timestamp with time zone not null,
  notified_at   timestamp with time zone,
  primary key (interview_id, revision)
);

-- the last number given out per year: YT-2026-0001, YT-2026-0002, … (its row lock serialises numbering)
create table ls_interview_counter (
  counter_year  integer  not null primary key,
  last_number   integer  not null
);
