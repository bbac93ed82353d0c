package org.luoshi.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.luoshi.testsupport.Http;
import org.luoshi.testsupport.LuoshiIT;
import org.luoshi.testsupport.TestOrganisation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The organisation is read from memory, and a change counts at once on the node that made it and
 * within a second on the others (which see the raised version in ls_identity_version).
 */
@LuoshiIT
class IdentityCacheIT {

  static final String ADMIN_PASSWORD = "Adm1n-Test-Pw!"; // application-test.yaml

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired Organisation organisation;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void setUp() {
    TestOrganisation.create(identity);
  }

  @Test
  void aChangeInAdminCountsAtOnceOnThisNode() {
    Http admin = new Http(port).as("admin", ADMIN_PASSWORD);
    assertThat(organisation.unitExists("CACHE1")).isFalse();
    assertThat(admin.post("/engine-rest/group/create",
        Map.of("id", "unit-CACHE1", "name", "缓存一局", "type", "UNIT")).status()).isEqualTo(204);
    assertThat(organisation.unitName("CACHE1")).isEqualTo("缓存一局");

    assertThat(admin.put("/engine-rest/group/unit-CACHE1/members/t2a", Map.of()).status()).isEqualTo(204);
    assertThat(organisation.isMember("t2a", "unit-CACHE1")).isTrue();
    assertThat(organisation.unitCodesOf("t2a")).contains("CACHE1", "T2");

    assertThat(admin.delete("/engine-rest/group/unit-CACHE1/members/t2a").status()).isEqualTo(204);
    assertThat(organisation.isMember("t2a", "unit-CACHE1")).isFalse();

    assertThat(admin.put("/engine-rest/user/t3a/profile",
        Map.of("id", "t3a", "firstName", "三", "lastName", "改", "email", "t3a@test.example")).status()).isEqualTo(204);
    assertThat(organisation.nameOf("t3a")).isEqualTo("改三");
  }

  @Test
  void anotherNodesChangeCountsWithinASecond() throws Exception {
    assertThat(organisation.isMember("t1a", "unit-T3")).isFalse();
    // another node adds the membership and raises the version in the same transaction
    jdbc.update("insert into act_id_membership (user_id_, group_id_) values ('t1a', 'unit-T3')");
    assertThat(organisation.isMember("t1a", "unit-T3")).as("not seen before the version rises").isFalse();
    jdbc.update("update ls_identity_version set version = version + 1 where id = 1");
    long deadline = System.currentTimeMillis() + 3_000;
    while (!organisation.isMember("t1a", "unit-T3") && System.currentTimeMillis() < deadline) {
      Thread.sleep(100);
    }
    assertThat(organisation.isMember("t1a", "unit-T3")).isTrue();
  }
}
