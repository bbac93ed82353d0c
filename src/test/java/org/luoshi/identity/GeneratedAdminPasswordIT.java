package org.luoshi.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.luoshi.testsupport.Http;
import org.luoshi.testsupport.LuoshiIT;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Without LUOSHI_ADMIN_PASSWORD on the embedded database, a password is generated and printed once.
 * (On PostgreSQL the start is refused instead: {@link ServerDatabaseNeedsAdminPasswordIT}.)
 */
@DisabledIfSystemProperty(named = "luoshi.test.database", matches = "postgres")
@ExtendWith(OutputCaptureExtension.class) // before @LuoshiIT: capture the context's start-up
@LuoshiIT
@TestPropertySource(properties = "luoshi.admin-password=")
class GeneratedAdminPasswordIT {

  @LocalServerPort int port;
  @Autowired IdentityBootstrap bootstrap;

  @Test
  void theGeneratedPasswordIsPrintedOnceAndWorks(CapturedOutput startup) {
    // the capture starts before the Spring context does, so it holds the start-up banner
    var matcher = Pattern.compile("password: (\\S+)").matcher(startup.getAll());
    assertThat(matcher.find()).as("generated password in the start-up log").isTrue();
    String password = matcher.group(1);
    assertThat(new Http(port).as("admin", password).get("/api/notifications").status()).isEqualTo(200);

    bootstrap.run(new DefaultApplicationArguments());
    assertThat(Pattern.compile("administrator account").matcher(startup.getAll()).results().count()).isEqualTo(1);
  }
}
