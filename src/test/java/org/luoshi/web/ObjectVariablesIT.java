package org.luoshi.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.luoshi.engine.Time;
import org.luoshi.testsupport.Http;
import org.luoshi.testsupport.LuoshiIT;
import org.luoshi.testsupport.TestOrganisation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 13 point 2: whoever may write a variable cannot make the server build an object of a class
 * they choose. An Object variable naming a class off Luoshi's allow-list is refused when written
 * (through a task, an instance or the engine's API), nothing is stored and the class is neither
 * built nor even loaded; Java serialization stays off; Luoshi's own Object variable (the
 * supervision's problemIds) is written and read as before.
 */
@LuoshiIT
class ObjectVariablesIT {

  static final String ADMIN_PASSWORD = "Adm1n-Test-Pw!"; // application-test.yaml
  static final String TRIPWIRE = Tripwire.class.getName(); // a name only: the class stays unloaded

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired ManagementService management;
  Http http;

  @BeforeEach
  void setUp() {
    TestOrganisation.create(identity);
    http = new Http(port);
    if (repository.createProcessDefinitionQuery().processDefinitionKey("object-probe").count() == 0) {
      repository.createDeployment().addModelInstance("object-probe.bpmn",
          Bpmn.createExecutableProcess("object-probe").camundaHistoryTimeToLive(1).name("对象变量测试")
              .startEvent().userTask("work").name("办理").camundaCandidateGroups("unit-T1")
              .endEvent().done()).deploy();
    }
  }

  static Map<String, Object> objectVariable(String type, String format, String value) {
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("objectTypeName", type);
    info.put("serializationDataFormat", format);
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("type", "Object");
    v.put("value", value);
    v.put("valueInfo", info);
    return v;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> withTransient(Map<String, Object> variable) {
    ((Map<String, Object>) variable.get("valueInfo")).put("transient", true);
    return variable;
  }

  static Map<String, Object> json(String type) {
    return objectVariable(type, "application/json", "{\"id\":\"x\"}");
  }

  @Test
  void aClerkCannotPlantAnObjectOfAClassTheyChooseThroughTheirOwnTask() {
    String pi = runtime.startProcessInstanceByKey("object-probe").getId();
    String task = tasks.createTaskQuery().processInstanceId(pi).singleResult().getId();
    long before = variableRows(pi);
    Http clerk = http.as("t1a");
    assertThat(clerk.get("/engine-rest/task/" + task).status()).as("the clerk's own task").isEqualTo(200);

    // the attack, word for word, and the same with a class that reports being touched
    var stopWatch = clerk.put("/engine-rest/task/" + task + "/variables/x",
        objectVariable("org.springframework.util.StopWatch", "application/json", "\"id\""));
    assertRefused(stopWatch);
    assertRefused(clerk.put("/engine-rest/task/" + task + "/variables/x", json(TRIPWIRE)));
    assertRefused(clerk.put("/engine-rest/task/" + task + "/localVariables/x", json(TRIPWIRE)));
    assertRefused(clerk.post("/engine-rest/task/" + task + "/variables",
        Map.of("modifications", Map.of("x", json(TRIPWIRE)))));
    assertRefused(clerk.post("/engine-rest/task/" + task + "/submit-form",
        Map.of("variables", Map.of("x", json(TRIPWIRE)))));
    assertRefused(clerk.post("/engine-rest/task/" + task + "/complete",
        Map.of("variables", Map.of("x", json("java.util.ArrayList<" + TRIPWIRE + ">")))));

    assertThat(clerk.get("/engine-rest/task/" + task + "/variables").json().has("x")).isFalse();
    assertThat(tasks.createTaskQuery().taskId(task).count()).as("the task is still open").isEqualTo(1);
    assertThat(variableRows(pi)).as("nothing was stored").isEqualTo(before);
    assertThat(TripwireLog.EVENTS).as("the class was neither loaded nor built").isEmpty();
  }

  @Test
  void notEvenAnAdministratorCanStoreAnObjectOffTheAllowList() {
    String pi = runtime.startProcessInstanceByKey("object-probe").getId();
    long before = variableRows(pi);
    Http admin = http.as("admin", ADMIN_PASSWORD);
    var r = admin.put("/engine-rest/process-instance/" + pi + "/variables/x", json(TRIPWIRE));
    assertThat(r.status()).as(r.toString()).isEqualTo(400);
    assertThat(r.body()).contains("x", TRIPWIRE);
    assertRefused(admin.put("/engine-rest/process-instance/" + pi + "/variables/x",
        json("java.util.HashMap<java.lang.String," + TRIPWIRE + ">")));
    assertRefused(admin.put("/engine-rest/process-instance/" + pi + "/variables/x", json("[L" + TRIPWIRE + ";")));
    assertRefused(admin.post("/engine-rest/process-definition/key/object-probe/start",
        Map.of("variables", Map.of("x", json(TRIPWIRE)))));

    // the engine's own API refuses it too, whoever calls it
    assertThatThrownBy(() -> runtime.setVariable(pi, "x",
        Variables.serializedObjectValue("{}").objectTypeName(TRIPWIRE).serializationDataFormat("application/json").create()))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining(TRIPWIRE);
    assertThatThrownBy(() -> runtime.setVariable(pi, "x", Variables.objectValue(new StringBuilder("x"))
        .serializationDataFormat(Variables.SerializationDataFormats.JSON).create()))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("java.lang.StringBuilder");

    assertThat(variableRows(pi)).isEqualTo(before);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("object-probe").count())
        .as("no instance was started by the refused start").isEqualTo(1);
    assertThat(TripwireLog.EVENTS).isEmpty();
  }

  @Test
  void javaSerializationStaysOff() {
    String pi = runtime.startProcessInstanceByKey("object-probe").getId();
    long before = variableRows(pi);
    var r = http.as("admin", ADMIN_PASSWORD).put("/engine-rest/process-instance/" + pi + "/variables/x",
        objectVariable("java.lang.String", "application/x-java-serialized-object",
            Base64.getEncoder().encodeToString(new byte[] {(byte) 0xac, (byte) 0xed, 0, 5})));
    assertRefused(r);
    // Camunda itself would let code write Java serialization (and read it back unchecked): not here
    assertThatThrownBy(() -> runtime.setVariable(pi, "x", Variables.objectValue(new java.util.Date())
        .serializationDataFormat(Variables.SerializationDataFormats.JAVA).create()))
        .isInstanceOf(ProcessEngineException.class);
    // a transient value from outside is read back from its text within the command: checked as well
    assertRefused(http.as("admin", ADMIN_PASSWORD).post("/engine-rest/process-definition/key/object-probe/start",
        Map.of("variables", Map.of("x", withTransient(json(TRIPWIRE))))));
    assertThatThrownBy(() -> runtime.setVariable(pi, "x", Variables.serializedObjectValue("{}", true)
        .objectTypeName(TRIPWIRE).serializationDataFormat("application/json").create()))
        .isInstanceOf(BadUserRequestException.class);
    // an object without a format is JSON, and so type-checked
    assertThatThrownBy(() -> runtime.setVariable(pi, "x", new java.util.concurrent.atomic.AtomicLong(1)))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("java.util.concurrent.atomic.AtomicLong");
    assertThat(variableRows(pi)).isEqualTo(before);
  }

  @Test
  void aJavaTypedUploadIsRefusedBeforeAnythingIsBuilt() throws Exception {
    String pi = runtime.startProcessInstanceByKey("object-probe").getId();
    String boundary = "luoshi-boundary";
    String body = "--" + boundary + "\r\n"
        + "Content-Disposition: form-data; name=\"data\"; filename=\"blob\"\r\n"
        + "Content-Type: application/json\r\n\r\n{\"id\":\"x\"}\r\n"
        + "--" + boundary + "\r\n"
        + "Content-Disposition: form-data; name=\"type\"\r\n"
        + "Content-Type: text/plain\r\n\r\n" + TRIPWIRE + "\r\n"
        + "--" + boundary + "--\r\n";
    var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/engine-rest/process-instance/" + pi + "/variables/x/data"))
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isBetween(400, 499);
    assertThat(runtime.getVariable(pi, "x")).isNull();
    assertThat(TripwireLog.EVENTS).isEmpty();
  }

  @Test
  void luoshisOwnObjectVariablesAreWrittenAndReadAsBefore() {
    // the supervision's problemIds: a JSON-serialised ArrayList<Long>, the multi-instance collection
    var started = http.as("office1").post("/api/supervisions", Map.of("method", "SPECIAL", "subject", "专项督查",
        "unitCodes", List.of("T1", "T2")));
    assertThat(started.status()).as(started.toString()).isEqualTo(201);
    String pi = started.json().get("processInstanceId").asText();
    complete("office1", pi, "conductInspection", Map.of("findings", Map.of("value", "查阅台账")));
    String deadline = Time.today().plusDays(10).toString();
    String problems = "[{\"unitCode\":\"T1\",\"description\":\"台账不全\",\"deadline\":\"" + deadline + "\"},"
        + "{\"unitCode\":\"T2\",\"description\":\"制度未上墙\",\"deadline\":\"" + deadline + "\"}]";
    complete("office1", pi, "writeReport", Map.of("report", Map.of("value", "报告"),
        "problems", Map.of("value", problems, "type", "Json")));

    for (int round = 0; round < 10; round++) {
      management.createJobQuery().processInstanceId(pi).messages().executable().list()
          .forEach(j -> management.executeJob(j.getId()));
    }
    ObjectValue stored = runtime.getVariableTyped(pi, "problemIds", false);
    assertThat(stored.getObjectTypeName()).isEqualTo("java.util.ArrayList<java.lang.Long>");
    List<?> ids = (List<?>) runtime.getVariable(pi, "problemIds");
    assertThat(ids).hasSize(2).allMatch(Long.class::isInstance);
    var read = http.as("office1").get("/engine-rest/process-instance/" + pi + "/variables/problemIds");
    assertThat(read.status()).as(read.toString()).isEqualTo(200);
    assertThat(StreamSupport.stream(read.json().get("value").spliterator(), false).map(n -> n.asLong()).toList())
        .containsExactlyElementsOf(ids.stream().map(Long.class::cast).toList());
    assertThat(tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey("rectifyProblem").count())
        .as("one rectification per problem").isEqualTo(2);

    // an empty list of the same kind is a plain ArrayList, read back as such
    String probe = runtime.startProcessInstanceByKey("object-probe").getId();
    runtime.setVariable(probe, "empty", Variables.objectValue(new ArrayList<Long>())
        .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
    assertThat(runtime.getVariable(probe, "empty")).isEqualTo(List.of());
    assertThat(http.as("admin", ADMIN_PASSWORD).get("/engine-rest/process-instance/" + probe + "/variables/empty")
        .json().get("value").size()).isZero();
  }

  private void complete(String user, String pi, String taskKey, Map<String, ?> variables) {
    String task = tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(taskKey).singleResult().getId();
    var r = http.as(user).post("/engine-rest/task/" + task + "/submit-form", Map.of("variables", variables));
    assertThat(r.status()).as(r.toString()).isEqualTo(204);
  }

  private static void assertRefused(Http.Response r) {
    assertThat(r.status()).as(r.toString()).isBetween(400, 499);
  }

  /** Runtime and history rows of the instance's variables (the database the attack would write). */
  private long variableRows(String pi) {
    return runtime.createVariableInstanceQuery().processInstanceIdIn(pi).count()
        + history.createHistoricVariableInstanceQuery().processInstanceId(pi).count()
        + history.createHistoricDetailQuery().processInstanceId(pi).count();
  }
}
