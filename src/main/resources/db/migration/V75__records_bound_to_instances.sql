-- Trust boundary (DESIGN.md §3): a domain record is bound once to its process instance, and the
-- record of one part of an instance (a supervision's problem, an assessment's appeal) to the
-- execution of that part. Delegates find records from where they run, never from variables.

-- one process instance per record, and one record per process instance
create unique index ls_item_process on ls_item (process_instance_id);
drop index ls_interview_process;
create unique index ls_interview_process on ls_interview (process_instance_id);
drop index ls_assessment_process;
create unique index ls_assessment_process on ls_assessment (process_instance_id);
create unique index ls_report_process on ls_report (process_instance_id);

alter table ls_supervision_problem add column execution_id varchar(64);
create index ls_supervision_problem_execution on ls_supervision_problem (supervision_id, execution_id);

alter table ls_assessment_appeal add column execution_id varchar(64);
create index ls_assessment_appeal_execution on ls_assessment_appeal (assessment_id, execution_id);
