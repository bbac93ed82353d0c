-- The version of the organisation (Camunda users, groups, memberships) that every node's identity
-- cache compares with its own (issue 16): raised in the transaction of each change.
create table ls_identity_version (
  id       integer not null primary key,
  version  bigint  not null
);
insert into ls_identity_version (id, version) values (1, 0);
