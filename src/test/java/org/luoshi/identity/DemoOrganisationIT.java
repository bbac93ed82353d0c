package org.luoshi.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.luoshi.testsupport.Http;
import org.luoshi.testsupport.LuoshiIT;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

@LuoshiIT
@TestPropertySource(properties = "luoshi.demo.enabled=true")
class DemoOrganisationIT {

  static final String DEMO_PASSWORD = "Dem0-Test-Pw!"; // application-test.yaml
  @Autowired DemoOrganisation demo;
  @Autowired org.springframework.boot.ApplicationRunner demoItems;
  @Autowired IdentityService identity;
  @Autowired Organisation organisation;
  @LocalServerPort int port;

  @Test
  void theDemoDistrictHasTheShapeOfQilihe() {
    assertThat(organisation.units()).hasSizeGreaterThanOrEqualTo(15)
        .extracting(Unit::name).contains("区人社局", "区民政局", "魏岭乡", "敦煌路街道");
    assertThat(organisation.members(Groups.SUPERVISION_OFFICE)).isNotEmpty();
    assertThat(organisation.members(Groups.LEADERS)).hasSizeBetween(3, 4);
    assertThat(organisation.members(Groups.PRINCIPAL_LEADERS)).isNotEmpty();
    for (Unit u : organisation.units()) {
      assertThat(organisation.unitMembers(u.code())).as(u.name()).hasSizeBetween(2, 3);
    }
    assertThat(organisation.nameOf("lijing")).isEqualTo("李静");
  }

  @Test
  void demoUsersLogInWithTheDemoPassword() {
    assertThat(new Http(port).as("jiangtao", DEMO_PASSWORD).get("/api/notifications").status()).isEqualTo(200);
  }

  @Test
  void aFirstDemoStartIssuesAFewItemsOnce() throws Exception {
    var ledger = new Http(port).as("wanglei", DEMO_PASSWORD).get("/api/items?size=50").json();
    assertThat(ledger.get("totalElements").asInt()).isEqualTo(6);
    assertThat(ledger.get("content").findValuesAsText("unitName")).contains("区人社局", "魏岭乡", "敦煌路街道");
    assertThat(ledger.get("content").findValuesAsText("light")).contains("RED"); // the migrated, overdue one
    // one led by 区住建局 with two co-responsible units: a member of 西站街道 sees it beside her unit's own
    var coItem = new Http(port).as("dingning", DEMO_PASSWORD).get("/api/items?coUnitCode=XZJ").json().get("content");
    assertThat(coItem).hasSize(1);
    assertThat(coItem.get(0).get("unitCode").asText()).isEqualTo("ZJJ");
    assertThat(coItem.get(0).get("coUnitCodes").toString()).contains("XZJ", "FGJ");
    assertThat(coItem.get(0).get("coUnitNames").toString()).contains("西站街道", "区发改局");
    demoItems.run(null);
    assertThat(new Http(port).as("wanglei", DEMO_PASSWORD).get("/api/items").json().get("totalElements").asInt())
        .isEqualTo(6);
  }

  @Test
  void seedingTwiceLeavesOneCopy() {
    long users = identity.createUserQuery().count();
    long groups = identity.createGroupQuery().count();
    long memberships = organisation.units().stream().mapToLong(u -> organisation.unitMembers(u.code()).size()).sum();

    assertThat(demo.seed()).isZero();

    assertThat(identity.createUserQuery().count()).isEqualTo(users);
    assertThat(identity.createGroupQuery().count()).isEqualTo(groups);
    assertThat(organisation.units().stream().mapToLong(u -> organisation.unitMembers(u.code()).size()).sum())
        .isEqualTo(memberships);
  }
}
