-- Assessment (年度/半年考核, DESIGN.md §4.4): one row per assessment run of a period, its graded
-- results per unit and per person, the consequences recorded when it is published (奖优罚劣) and
-- the appeals (申诉) filed against a result.
create sequence ls_assessment_seq start with 1 increment by 50;
create sequence ls_assessment_result_seq start with 1 increment by 50;
create sequence ls_assessment_consequence_seq start with 1 increment by 50;
create sequence ls_assessment_appeal_seq start with 1 increment by 50;

create table ls_assessment (
  id                   bigint         not null primary key,
  period               varchar(10)    not null,
  status               varchar(20)    not null,
  process_instance_id  varchar(64),
  started_by           varchar(64)    not null,
  started_at           timestamp with time zone not null,
  computed_at          timestamp with time zone,
  computations         integer        not null,
  reviewed_by          varchar(64),
  reviewed_at          timestamp with time zone,
  review_comment       varchar(2000),
  approved_by          varchar(64),
  approved_at          timestamp with time zone,
  approval_comment     varchar(2000),
  published_at         timestamp with time zone,
  appeal_until         timestamp with time zone,
  closed_at            timestamp with time zone,
  -- the period while the run is under way, null once closed or cancelled: at most one running
  -- assessment per period, also when two are started at the same moment
  running_period       varchar(10),
  version              integer        not null
);
create unique index ls_assessment_running on ls_assessment (running_period);

create index ls_assessment_period on ls_assessment (period, status);
create index ls_assessment_process on ls_assessment (process_instance_id);

create table ls_assessment_result (
  id                     bigint        not null primary key,
  assessment_id          bigint        not null,
  subject_type           varchar(10)   not null,
  subject_id             varchar(64)   not null,
  subject_name           varchar(200)  not null,
  -- the unit a person's result belongs to (its first unit), the unit itself for a unit's result
  unit_code              varchar(64),
  average_final_score    numeric(5,1),
  closed_count           integer       not null,
  overdue_count          integer       not null,
  overdue_uncompleted    integer       not null,
  returned_count         integer       not null,
  interview_count        integer       not null,
  rank_no                integer       not null,
  grade                  varchar(10),
  grade_reason           varchar(500),
  -- the grade before an upheld appeal changed it
  original_grade         varchar(10),
  version                integer       not null,
  constraint ls_assessment_result_assessment foreign key (assessment_id) references ls_assessment (id)
);

create index ls_assessment_result_of on ls_assessment_result (assessment_id, subject_type, rank_no);
create index ls_assessment_result_unit on ls_assessment_result (unit_code, assessment_id);

create table ls_assessment_consequence (
  id                bigint        not null primary key,
  assessment_id     bigint        not null,
  result_id         bigint        not null,
  type              varchar(30)   not null,
  reason            varchar(500)  not null,
  -- INTERVIEW: the interview started (YT-2026-0001) and whom it is with
  interview_id      varchar(20),
  interviewee       varchar(64),
  created_at        timestamp with time zone not null,
  withdrawn_at      timestamp with time zone,
  withdrawn_reason  varchar(500),
  constraint ls_assessment_consequence_assessment foreign key (assessment_id) references ls_assessment (id),
  constraint ls_assessment_consequence_result foreign key (result_id) references ls_assessment_result (id)
);

create index ls_assessment_consequence_of on ls_assessment_consequence (assessment_id, result_id);

create table ls_assessment_appeal (
  id                bigint         not null primary key,
  assessment_id     bigint         not null,
  result_id         bigint         not null,
  filed_by          varchar(64)    not null,
  reason            varchar(2000)  not null,
  filed_at          timestamp with time zone not null,
  decision          varchar(10),
  grade_before      varchar(10)    not null,
  new_grade         varchar(10),
  decided_by        varchar(64),
  decided_at        timestamp with time zone,
  decision_comment  varchar(2000),
  version           integer        not null,
  constraint ls_assessment_appeal_assessment foreign key (assessment_id) references ls_assessment (id),
  constraint ls_assessment_appeal_result foreign key (result_id) references ls_assessment_result (id)
);

create index ls_assessment_appeal_of on ls_assessment_appeal (assessment_id, result_id);
