package org.luoshi.identity;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.Test;
import org.luoshi.engine.DatabaseInfo;
import org.springframework.boot.DefaultApplicationArguments;

class IdentityBootstrapTest {

  @Test
  void aServerDatabaseWithoutAnAdminPasswordRefusesToStart() {
    Accounts accounts = mock(Accounts.class);
    DatabaseInfo database = mock(DatabaseInfo.class);
    when(database.isEmbedded()).thenReturn(false);
    when(database.product()).thenReturn("PostgreSQL");
    when(accounts.userExists("admin")).thenReturn(false);
    var bootstrap = new IdentityBootstrap(accounts, mock(AccessPolicy.class),
        new IdentityProperties("", null), database, new PeopleVisibility(),
        mock(org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl.class));

    assertThatThrownBy(() -> bootstrap.run(new DefaultApplicationArguments()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("LUOSHI_ADMIN_PASSWORD");
    verify(accounts, never()).createUser(anyString(), any(), any(), any(), any());
  }

  @Test
  void generatedPasswordsPassThePasswordPolicy() {
    for (int i = 0; i < 200; i++) {
      String p = Passwords.generate();
      org.assertj.core.api.Assertions.assertThat(p).hasSizeGreaterThanOrEqualTo(10)
          .containsPattern("[A-Z]").containsPattern("[a-z]").containsPattern("[0-9]").containsPattern("[^A-Za-z0-9]");
    }
  }
}
