-- Periodic reports (季度督查报告、半年通报): one row per report, with the content generated from the
-- data as a JSON snapshot, so that a published report never changes afterwards. See DESIGN.md §4.4.
create sequence ls_report_seq start with 1 increment by 50;

create table ls_report (
  id                   bigint         not null primary key,
  kind                 varchar(30)    not null,
  period               varchar(10)    not null,
  status               varchar(20)    not null,
  -- 期数: numbered per year of publication across all reports (2026年第49期), given at publication
  issue_year           integer,
  issue_number         integer,
  -- the generated content (ReportContent as JSON); fixed once published
  content              varchar(1000000) not null,
  generated_at         timestamp with time zone not null,
  -- 按语: the office's foreword
  foreword             varchar(4000),
  approval_comment     varchar(2000),
  process_instance_id  varchar(64),
  created_by           varchar(64)    not null,
  created_at           timestamp with time zone not null,
  submitted_by         varchar(64),
  submitted_at         timestamp with time zone,
  approved_by          varchar(64),
  approved_at          timestamp with time zone,
  published_by         varchar(64),
  published_at         timestamp with time zone,
  version              integer        not null,
  -- one report per kind and period
  constraint ls_report_period unique (kind, period),
  constraint ls_report_issue unique (issue_year, issue_number)
);

create index ls_report_status on ls_report (status, kind);
