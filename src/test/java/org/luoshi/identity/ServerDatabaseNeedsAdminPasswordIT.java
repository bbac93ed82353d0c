package org.luoshi.identity;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.luoshi.LuoshiApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** On PostgreSQL no admin password is ever generated: without LUOSHI_ADMIN_PASSWORD the start fails. */
@EnabledIfSystemProperty(named = "luoshi.test.database", matches = "postgres")
class ServerDatabaseNeedsAdminPasswordIT {

  @Test
  void startWithoutAnAdminPasswordFailsWithAClearMessage() {
    assertThatThrownBy(() -> new SpringApplicationBuilder(LuoshiApplication.class)
            .profiles("test")
            .run("--luoshi.admin-password=", "--server.port=0").close())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("LUOSHI_ADMIN_PASSWORD");
  }
}
