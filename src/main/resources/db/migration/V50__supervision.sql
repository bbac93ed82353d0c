-- Supervision (督查): one row per inspection, the units it inspected, and the problem ledger
-- (督查问题台账) whose rows are chased until verified fixed. See DESIGN.md §4.3.
create sequence ls_supervision_seq start with 1 increment by 50;
create sequence ls_supervision_problem_seq start with 1 increment by 50;

create table ls_supervision (
  id                   bigint         not null primary key,
  process_instance_id  varchar(64)    not null,
  method               varchar(20)    not null,
  subject              varchar(200)   not null,
  status               varchar(20)    not null,
  -- the units named at the start, comma-separated; for RANDOM the population the sample was drawn from
  unit_codes           varchar(10000) not null,
  sample_seed          bigint,
  -- RANDOM only: how the sample was drawn (algorithm, population, size, seed), JSON
  sample_basis         varchar(20000),
  findings             varchar(20000),
  report               varchar(20000),
  started_by           varchar(64),
  started_at           timestamp with time zone not null,
  started_on           date           not null,
  inspected_at         timestamp with time zone,
  reported_at          timestamp with time zone,
  reported_on          date,
  closed_at            timestamp with time zone,
  version              integer        not null,
  constraint ls_supervision_process unique (process_instance_id)
);

create index ls_supervision_started on ls_supervision (started_on, method);
create index ls_supervision_reported on ls_supervision (reported_on);

-- the units actually inspected: the drawn sample for RANDOM, the named units otherwise
create table ls_supervision_unit (
  supervision_id  bigint       not null,
  position        integer      not null,
  unit_code       varchar(64)  not null,
  constraint ls_supervision_unit_pk primary key (supervision_id, position),
  constraint ls_supervision_unit_supervision foreign key (supervision_id) references ls_supervision (id)
);

create index ls_supervision_unit_code on ls_supervision_unit (unit_code, supervision_id);

create table ls_supervision_problem (
  id              bigint         not null primary key,
  supervision_id  bigint         not null,
  position        integer        not null,
  unit_code       varchar(64)    not null,
  description     varchar(2000)  not null,
  deadline        date           not null,
  status          varchar(20)    not null,
  found_on        date           not null,
  rectification   varchar(4000),
  rectified_at    timestamp with time zone,
  rectified_by    varchar(64),
  verify_comment  varchar(2000),
  rejections      integer        not null,
  verified_at     timestamp with time zone,
  verified_by     varchar(64),
  version         integer        not null,
  constraint ls_supervision_problem_supervision foreign key (supervision_id) references ls_supervision (id)
);

create index ls_supervision_problem_of on ls_supervision_problem (supervision_id, position);
create index ls_supervision_problem_unit on ls_supervision_problem (unit_code, found_on);
create index ls_supervision_problem_found on ls_supervision_problem (found_on, status);
create index ls_supervision_problem_open on ls_supervision_problem (status, deadline);
