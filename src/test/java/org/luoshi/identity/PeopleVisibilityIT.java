package org.luoshi.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.luoshi.testsupport.Http;
import org.luoshi.testsupport.LuoshiIT;
import org.luoshi.testsupport.TestOrganisation;
import org.luoshi.testsupport.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 13 point 6, the user directory: a clerk sees the names of the people they work with (their
 * unit, the office, the leaders, the principal leaders), nobody's e-mail but their own; the office
 * and leaders see every name; administrators everything. Admin's changes to units and memberships
 * apply at once. Nobody but an administrator rewrites a profile or deletes a user.
 */
@LuoshiIT
class PeopleVisibilityIT {

  static final String ADMIN_PASSWORD = "Adm1n-Test-Pw!"; // application-test.yaml
  static final List<String> T1_SEES = List.of("leader1", "leader2", "office1", "office2", "principal1", "t1a", "t1b");

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  Http http;
  Http admin;

  @BeforeEach
  void setUp() {
    TestOrganisation.create(identity);
    http = new Http(port);
    admin = http.as("admin", ADMIN_PASSWORD);
  }

  static List<String> ids(JsonNode users) {
    List<String> ids = new ArrayList<>();
    users.forEach(u -> ids.add(u.get("id").asText()));
    return ids;
  }

  static List<String> withEmail(JsonNode users) {
    List<String> ids = new ArrayList<>();
    users.forEach(u -> {
      if (u.hasNonNull("email")) {
        ids.add(u.get("id").asText());
      }
    });
    return ids;
  }

  @Test
  void aClerkSeesTheNamesOfThePeopleSheWorksWithAndOnlyHerOwnEmail() {
    var users = http.as("t1a").get("/engine-rest/user?sortBy=userId&sortOrder=asc");
    assertThat(users.status()).isEqualTo(200);
    assertThat(ids(users.json())).containsExactlyElementsOf(T1_SEES);
    assertThat(withEmail(users.json())).containsExactly("t1a");
    assertThat(users.json().get(0).get("lastName").asText()).isEqualTo("分");
    assertThat(http.as("t1a").get("/engine-rest/user/count").json().get("count").asInt()).isEqualTo(T1_SEES.size());
    assertThat(ids(http.as("t1a").get("/engine-rest/user?maxResults=3&sortBy=userId&sortOrder=asc").json()))
        .as("paging counts only the visible").containsExactly("leader1", "leader2", "office1");

    var colleague = http.as("t1a").get("/engine-rest/user/t1b/profile");
    assertThat(colleague.status()).isEqualTo(200);
    assertThat(colleague.json().get("firstName").asText()).isEqualTo("一");
    assertThat(colleague.json().has("email")).isFalse();
    assertThat(http.as("t1a").get("/engine-rest/user/t1a/profile").json().get("email").asText())
        .isEqualTo("t1a@test.example");
    assertThat(http.as("t1a").get("/engine-rest/user/t2a/profile").status()).as("another unit's clerk").isEqualTo(404);
    assertThat(http.as("t1a").get("/engine-rest/user?id=t2a").json()).isEmpty();
    assertThat(http.as("t1a").get("/engine-rest/user?memberOfGroup=unit-T2").json()).isEmpty();
  }

  @Test
  void theWebappsEngineApiShowsTheSame() {
    var session = new WebappSession(port);
    assertThat(session.login("tasklist", "t1a", TestOrganisation.PASSWORD).status()).isEqualTo(200);
    var users = session.request("GET", "/camunda/api/engine/engine/default/user?sortBy=userId&sortOrder=asc", null);
    assertThat(users.status()).isEqualTo(200);
    assertThat(ids(users.json())).containsExactlyElementsOf(T1_SEES);
    assertThat(withEmail(users.json())).containsExactly("t1a");
    var profile = session.request("GET", "/camunda/api/engine/engine/default/user/office1/profile", null);
    assertThat(profile.json().get("lastName").asText()).isEqualTo("督");
    assertThat(profile.json().has("email")).isFalse();
    assertThat(session.request("GET", "/camunda/api/engine/engine/default/user?emailLike=%25office%25", null).status())
        .isEqualTo(403);
  }

  @Test
  void theOfficeSeesEveryNameAndAdministratorsEveryEmail() {
    var office = http.as("office1").get("/engine-rest/user");
    assertThat(ids(office.json())).contains("t1a", "t2a", "t3a", "leader1", "principal1", "admin");
    assertThat(withEmail(office.json())).containsExactly("office1");
    assertThat(ids(http.as("leader1").get("/engine-rest/user").json())).contains("t2a", "t3a");
    var all = admin.get("/engine-rest/user");
    assertThat(withEmail(all.json())).contains("t1a", "t2a", "office1", "leader1");
    assertThat(admin.get("/engine-rest/user?emailLike=%25test.example").json().size()).isGreaterThanOrEqualTo(9);
  }

  @Test
  void nobodyFindsPeopleByEmailButAnAdministrator() {
    for (String query : List.of("?email=t2a@test.example", "?emailLike=t2a%25", "?sortBy=email&sortOrder=asc",
        "?EMAILLIKE=%25")) {
      assertThat(http.as("t1a").get("/engine-rest/user" + query).status()).as(query).isEqualTo(403);
      assertThat(http.as("office1").get("/engine-rest/user/count" + query).status()).as(query).isEqualTo(403);
    }
    assertThat(admin.get("/engine-rest/user?email=t2a@test.example").json()).hasSize(1);
  }

  @Test
  void aClerkAsksOnlyAboutHerOwnGroups() {
    assertThat(http.as("t1a").get("/engine-rest/group?member=t2a").status()).isEqualTo(403);
    assertThat(http.as("t1a").get("/engine-rest/group/count?member=t2a").status()).isEqualTo(403);
    assertThat(http.as("t1a").get("/engine-rest/identity/groups?userId=t2a").status()).isEqualTo(403);
    assertThat(http.as("t1a").get("/engine-rest/group?member=t1a").json().findValuesAsText("id")).contains("unit-T1");
    var mine = http.as("t1a").get("/engine-rest/identity/groups?userId=t1a");
    assertThat(mine.status()).isEqualTo(200);
    assertThat(mine.body()).contains("unit-T1").doesNotContain("@test.example");
    assertThat(http.as("office1").get("/engine-rest/group?member=t2a").json().findValuesAsText("id"))
        .contains("unit-T2");
  }

  @Test
  void adminsChangesToUnitsAndMembershipsApplyAtOnce() {
    // a colleague moves in …
    assertThat(admin.put("/engine-rest/group/unit-T1/members/t3a", Map.of()).status()).isEqualTo(204);
    assertThat(ids(http.as("t1a").get("/engine-rest/user").json())).contains("t3a");
    assertThat(ids(http.as("t3a").get("/engine-rest/user").json())).contains("t1a", "t1b");
    // … and out again
    assertThat(admin.delete("/engine-rest/group/unit-T1/members/t3a").status()).isEqualTo(204);
    assertThat(ids(http.as("t1a").get("/engine-rest/user").json())).doesNotContain("t3a");
    assertThat(ids(http.as("t3a").get("/engine-rest/user").json())).doesNotContain("t1a", "t1b");

    // a new unit with a new person, made in Admin: she sees her colleague and the office, not other units
    assertThat(admin.post("/engine-rest/group/create", Map.of("id", "unit-NEW", "name", "新设局", "type", "UNIT"))
        .status()).isEqualTo(204);
    for (String u : List.of("newa", "newb")) {
      assertThat(admin.post("/engine-rest/user/create", Map.of(
          "profile", Map.of("id", u, "firstName", "员", "lastName", "新", "email", u + "@test.example"),
          "credentials", Map.of("password", TestOrganisation.PASSWORD))).status()).isEqualTo(204);
      assertThat(admin.put("/engine-rest/group/unit-NEW/members/" + u, Map.of()).status()).isEqualTo(204);
    }
    assertThat(ids(http.as("newa").get("/engine-rest/user?sortBy=userId&sortOrder=asc").json()))
        .containsExactly("leader1", "leader2", "newa", "newb", "office1", "office2", "principal1");

    // someone joins the office: every unit sees them
    assertThat(admin.put("/engine-rest/group/supervision-office/members/t3a", Map.of()).status()).isEqualTo(204);
    assertThat(ids(http.as("t1a").get("/engine-rest/user").json())).contains("t3a");
    assertThat(ids(http.as("newa").get("/engine-rest/user").json())).contains("t3a");
    assertThat(admin.delete("/engine-rest/group/supervision-office/members/t3a").status()).isEqualTo(204);
    assertThat(ids(http.as("t1a").get("/engine-rest/user").json())).doesNotContain("t3a");

    // a unit deleted in Admin leaves no grants behind for a unit of the same id made later
    assertThat(admin.delete("/engine-rest/group/unit-NEW").status()).isEqualTo(204);
    assertThat(admin.post("/engine-rest/group/create", Map.of("id", "unit-NEW", "name", "新设局", "type", "UNIT"))
        .status()).isEqualTo(204);
    assertThat(admin.put("/engine-rest/group/unit-NEW/members/newa", Map.of()).status()).isEqualTo(204);
    assertThat(ids(http.as("newa").get("/engine-rest/user").json())).doesNotContain("newb");
  }

  @Test
  void nobodyButAnAdministratorRewritesAProfileOrDeletesAUser() {
    var renamed = http.as("t1a").put("/engine-rest/user/t1a/profile",
        Map.of("id", "t1a", "firstName", "磊", "lastName", "王", "email", "wanglei@test.example"));
    assertThat(renamed.status()).as(renamed.toString()).isEqualTo(403);
    assertThat(renamed.json().get("message").asText()).contains("系统管理员");
    assertThat(http.as("t1a").delete("/engine-rest/user/t1a").status()).isEqualTo(403);
    assertThat(http.as("office1").put("/engine-rest/user/t1a/profile",
        Map.of("id", "t1a", "firstName", "x", "lastName", "y")).status()).isEqualTo(403);
    User t1a = identity.createUserQuery().userId("t1a").singleResult();
    assertThat(t1a.getLastName() + t1a.getFirstName()).isEqualTo("甲一");
    assertThat(t1a.getEmail()).isEqualTo("t1a@test.example");

    // one's own password stays one's own to change
    String other = "Other-Passw0rd!";
    assertThat(http.as("t1b").put("/engine-rest/user/t1b/credentials",
        Map.of("password", other, "authenticatedUserPassword", TestOrganisation.PASSWORD)).status()).isEqualTo(204);
    assertThat(http.as("t1b", other).get("/engine-rest/user/t1b/profile").status()).isEqualTo(200);
    assertThat(http.as("t1b", other).put("/engine-rest/user/t1b/credentials",
        Map.of("password", TestOrganisation.PASSWORD, "authenticatedUserPassword", other)).status()).isEqualTo(204);

    assertThat(admin.put("/engine-rest/user/t2a/profile",
        Map.of("id", "t2a", "firstName", "二", "lastName", "甲", "email", "t2a@test.example")).status()).isEqualTo(204);
  }
}
