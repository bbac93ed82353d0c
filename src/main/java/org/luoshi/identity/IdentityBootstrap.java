package org.luoshi.identity;

import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.luoshi.engine.DatabaseInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At start-up: the standard groups of DESIGN.md §3 when missing, the {@code admin} user, the
 * access policy and the authorizations on people ({@link PeopleVisibility}). The admin password is LUOSHI_ADMIN_PASSWORD; when none is given on the embedded
 * database one is generated and printed once; on PostgreSQL a missing password stops the start.
 */
@Component
@Order(0)
class IdentityBootstrap implements ApplicationRunner {

  static final String ADMIN_USER = "admin";
  private static final Logger LOG = LoggerFactory.getLogger(IdentityBootstrap.class);

  private final Accounts accounts;
  private final AccessPolicy policy;
  private final IdentityProperties properties;
  private final DatabaseInfo database;
  private final PeopleVisibility visibility;
  private final ProcessEngineConfigurationImpl engine;

  IdentityBootstrap(Accounts accounts, AccessPolicy policy, IdentityProperties properties,
      DatabaseInfo database, PeopleVisibility visibility, ProcessEngineConfiguration engine) {
    this.accounts = accounts;
    this.policy = policy;
    this.properties = properties;
    this.database = database;
    this.visibility = visibility;
    this.engine = (ProcessEngineConfigurationImpl) engine;
  }

  @Override
  public void run(ApplicationArguments args) {
    // one reconciliation of who sees whom at the end, also for a database made by an earlier version
    visibility.deferring(engine, () -> {
      accounts.ensureGroup(Groups.SUPERVISION_OFFICE, "督查室", Groups.WORKFLOW_TYPE);
      accounts.ensureGroup(Groups.LEADERS, "区级分管领导", Groups.WORKFLOW_TYPE);
      accounts.ensureGroup(Groups.PRINCIPAL_LEADERS, "主要领导", Groups.WORKFLOW_TYPE);
      accounts.ensureGroup(Groups.ADMIN, "系统管理员", Groups.SYSTEM_TYPE);
      ensureAdmin();
      policy.apply();
    });
  }

  private void ensureAdmin() {
    String password = properties.adminPassword();
    boolean given = password != null && !password.isBlank();
    if (!accounts.userExists(ADMIN_USER)) {
      if (!given) {
        if (!database.isEmbedded()) {
          throw new IllegalStateException(
              "LUOSHI_ADMIN_PASSWORD is not set: on " + database.product()
                  + " the admin password must be given (no password is generated for a server database)");
        }
        password = Passwords.generate();
      }
      accounts.createUser(ADMIN_USER, "系统", "管理员", null, password);
      if (!given) {
        LOG.warn("""

            ================================================================
             管理员账号 / administrator account (shown only this once)
               user:     {}
               password: {}
             Set LUOSHI_ADMIN_PASSWORD to choose it yourself.
            ================================================================""",
            ADMIN_USER, password);
      } else {
        LOG.info("Created user '{}' with the password from LUOSHI_ADMIN_PASSWORD", ADMIN_USER);
      }
    } else if (given && accounts.ensurePassword(ADMIN_USER, password)) {
      LOG.info("Password of '{}' set from LUOSHI_ADMIN_PASSWORD", ADMIN_USER);
    }
    accounts.ensureMembership(ADMIN_USER, Groups.ADMIN);
  }
}
