package org.luoshi.modelling;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each house rule catches the defect it is there for, on a small model that otherwise passes. */
class ModelRulesTest {

  static final String BPMN = """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
          xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
          id="fixtureDefinitions" targetNamespace="http://luoshi.org/bpmn">
        <bpmn:process id="fixture" name="样例" isExecutable="true" camunda:historyTimeToLive="P1825D">
          <bpmn:startEvent id="started" name="发起" camunda:formRef="fixture-start" camunda:formRefBinding="deployment">
            <bpmn:outgoing>toReview</bpmn:outgoing>
          </bpmn:startEvent>
          <bpmn:userTask id="review" name="审核" camunda:formRef="fixture-review" camunda:formRefBinding="deployment" camunda:candidateGroups="supervision-office">
            <bpmn:extensionElements>
              <camunda:taskListener delegateExpression="${reviewListener}" event="complete" />
            </bpmn:extensionElements>
            <bpmn:incoming>toReview</bpmn:incoming>
            <bpmn:outgoing>toDecision</bpmn:outgoing>
          </bpmn:userTask>
          <bpmn:exclusiveGateway id="approvedGateway" name="是否同意" default="rejected">
            <bpmn:incoming>toDecision</bpmn:incoming>
            <bpmn:outgoing>approved</bpmn:outgoing>
            <bpmn:outgoing>rejected</bpmn:outgoing>
          </bpmn:exclusiveGateway>
          <bpmn:serviceTask id="notify" name="通知" camunda:asyncBefore="true" camunda:delegateExpression="${itemNotice}">
            <bpmn:incoming>approved</bpmn:incoming>
            <bpmn:outgoing>toDone</bpmn:outgoing>
          </bpmn:serviceTask>
          <bpmn:endEvent id="done" name="已同意">
            <bpmn:incoming>toDone</bpmn:incoming>
          </bpmn:endEvent>
          <bpmn:endEvent id="refused" name="已退回">
            <bpmn:incoming>rejected</bpmn:incoming>
          </bpmn:endEvent>
          <bpmn:sequenceFlow id="toReview" sourceRef="started" targetRef="review" />
          <bpmn:sequenceFlow id="toDecision" sourceRef="review" targetRef="approvedGateway" />
          <bpmn:sequenceFlow id="approved" name="同意" sourceRef="approvedGateway" targetRef="notify">
            <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${approved}</bpmn:conditionExpression>
          </bpmn:sequenceFlow>
          <bpmn:sequenceFlow id="rejected" name="退回" sourceRef="approvedGateway" targetRef="refused" />
          <bpmn:sequenceFlow id="toDone" sourceRef="notify" targetRef="done" />
        </bpmn:process>
        <bpmndi:BPMNDiagram id="fixtureDiagram">
          <bpmndi:BPMNPlane id="fixturePlane" bpmnElement="fixture">
            <bpmndi:BPMNShape id="started_di" bpmnElement="started"><dc:Bounds x="100" y="100" width="36" height="36" /></bpmndi:BPMNShape>
            <bpmndi:BPMNShape id="review_di" bpmnElement="review"><dc:Bounds x="180" y="78" width="100" height="80" /></bpmndi:BPMNShape>
            <bpmndi:BPMNShape id="approvedGateway_di" bpmnElement="approvedGateway" isMarkerVisible="true"><dc:Bounds x="330" y="93" width="50" height="50" /></bpmndi:BPMNShape>
            <bpmndi:BPMNShape id="notify_di" bpmnElement="notify"><dc:Bounds x="430" y="78" width="100" height="80" /></bpmndi:BPMNShape>
            <bpmndi:BPMNShape id="done_di" bpmnElement="done"><dc:Bounds x="580" y="100" width="36" height="36" /></bpmndi:BPMNShape>
            <bpmndi:BPMNShape id="refused_di" bpmnElement="refused"><dc:Bounds x="337" y="200" width="36" height="36" /></bpmndi:BPMNShape>
            <bpmndi:BPMNEdge id="toReview_di" bpmnElement="toReview"><di:waypoint x="136" y="118" /><di:waypoint x="180" y="118" /></bpmndi:BPMNEdge>
            <bpmndi:BPMNEdge id="toDecision_di" bpmnElement="toDecision"><di:waypoint x="280" y="118" /><di:waypoint x="330" y="118" /></bpmndi:BPMNEdge>
            <bpmndi:BPMNEdge id="approved_di" bpmnElement="approved"><di:waypoint x="380" y="118" /><di:waypoint x="430" y="118" /></bpmndi:BPMNEdge>
            <bpmndi:BPMNEdge id="rejected_di" bpmnElement="rejected"><di:waypoint x="355" y="143" /><di:waypoint x="355" y="200" /></bpmndi:BPMNEdge>
            <bpmndi:BPMNEdge id="toDone_di" bpmnElement="toDone"><di:waypoint x="530" y="118" /><di:waypoint x="580" y="118" /></bpmndi:BPMNEdge>
          </bpmndi:BPMNPlane>
        </bpmndi:BPMNDiagram>
      </bpmn:definitions>
      """;

  static final String DMN = """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:dmndi="https://www.omg.org/spec/DMN/20191111/DMNDI/"
          xmlns:dc="http://www.omg.org/spec/DMN/20180521/DC/" xmlns:camunda="http://camunda.org/schema/1.0/dmn"
          id="fixtureDecisionDefinitions" name="样例" namespace="http://luoshi.org/dmn">
        <decision id="fixture-rule" name="样例规则" camunda:historyTimeToLive="P1825D">
          <decisionTable id="fixtureTable" hitPolicy="FIRST">
            <input id="scoreInput" label="分数">
              <inputExpression id="scoreExpression" typeRef="integer"><text>score</text></inputExpression>
            </input>
            <output id="passOutput" label="通过" name="pass" typeRef="boolean" />
            <rule id="high"><inputEntry id="highScore"><text>&gt;= 60</text></inputEntry><outputEntry id="highPass"><text>true</text></outputEntry></rule>
            <rule id="low"><inputEntry id="lowScore"><text></text></inputEntry><outputEntry id="lowPass"><text>false</text></outputEntry></rule>
          </decisionTable>
        </decision>
        <dmndi:DMNDI>
          <dmndi:DMNDiagram id="fixtureDrd">
            <dmndi:DMNShape id="fixture-rule-shape" dmnElementRef="fixture-rule"><dc:Bounds height="80" width="180" x="160" y="100" /></dmndi:DMNShape>
          </dmndi:DMNDiagram>
        </dmndi:DMNDI>
      </definitions>
      """;

  @TempDir Path root;
  ModelRules.Project project;

  @BeforeEach
  void room() throws IOException {
    Path forms = Files.createDirectories(root.resolve("processes/forms"));
    Files.writeString(forms.resolve("fixture-start.form"), "{\"id\": \"fixture-start\", \"components\": [], \"schemaVersion\": 16}");
    Files.writeString(forms.resolve("fixture-review.form"), "{\"id\": \"fixture-review\", \"components\": [], \"schemaVersion\": 16}");
    project = new ModelRules.Project(root.resolve("processes"), ModelRules.forms(root.resolve("processes")),
        Map.of("itemNotice", root.resolve("ItemNotice.java"), "reviewListener", root.resolve("ReviewListener.java")));
  }

  List<String> bpmn(String fileName, String xml) throws IOException {
    Path file = root.resolve("processes").resolve(fileName);
    Files.writeString(file, xml);
    return ModelRules.check(file, project);
  }

  List<String> bpmn(String xml) throws IOException {
    return bpmn("fixture.bpmn", xml);
  }

  List<String> dmn(String xml) throws IOException {
    Path file = root.resolve("processes/fixture-rule.dmn");
    Files.writeString(file, xml);
    return ModelRules.check(file, project);
  }

  @Test
  void aWellMadeModelPasses() throws IOException {
    assertThat(bpmn(BPMN)).isEmpty();
    assertThat(dmn(DMN)).isEmpty();
  }

  @Test
  void aFlowNodeWithoutAShapeFails() throws IOException {
    String xml = BPMN.replaceAll("<bpmndi:BPMNShape id=\"review_di\".*?</bpmndi:BPMNShape>", "");
    assertThat(bpmn(xml)).containsExactly("userTask review (审核) has no BPMNShape: it is invisible in Camunda Modeler");
  }

  @Test
  void aSequenceFlowWithoutAnEdgeFails() throws IOException {
    String xml = BPMN.replaceAll("<bpmndi:BPMNEdge id=\"toDone_di\".*?</bpmndi:BPMNEdge>", "");
    assertThat(bpmn(xml)).containsExactly("sequenceFlow toDone has no BPMNEdge: it is invisible in Camunda Modeler");
  }

  @Test
  void aShapeOfADeletedElementFails() throws IOException {
    String xml = BPMN.replace("bpmnElement=\"refused\"", "bpmnElement=\"gone\"");
    assertThat(bpmn(xml)).contains("BPMNShape refused_di points to a missing element \"gone\"",
        "endEvent refused (已退回) has no BPMNShape: it is invisible in Camunda Modeler");
  }

  @Test
  void aUserTaskWithoutAFormFails() throws IOException {
    String xml = BPMN.replace("camunda:formRef=\"fixture-review\" camunda:formRefBinding=\"deployment\" ", "");
    assertThat(bpmn(xml)).containsExactly("userTask review (审核) has no form: set camunda:formRef to a form in processes/forms/");
  }

  @Test
  void aFormThatDoesNotExistFails() throws IOException {
    String xml = BPMN.replace("camunda:formRef=\"fixture-review\"", "camunda:formRef=\"fixture-missing\"");
    assertThat(bpmn(xml)).containsExactly(
        "userTask review (审核) refers to form \"fixture-missing\", but no processes/forms/*.form has that id");
  }

  @Test
  void aFormBoundToTheLatestVersionFails() throws IOException {
    String xml = BPMN.replace("camunda:formRef=\"fixture-start\" camunda:formRefBinding=\"deployment\"", "camunda:formRef=\"fixture-start\"");
    assertThat(bpmn(xml)).singleElement().asString().startsWith("startEvent started (发起) binds its form \"fixture-start\" by \"latest\"");
  }

  @Test
  void aProcessWithoutHistoryTimeToLiveFails() throws IOException {
    String xml = BPMN.replace(" camunda:historyTimeToLive=\"P1825D\"", "");
    assertThat(bpmn(xml)).containsExactly("process fixture has no camunda:historyTimeToLive (use P1825D)");
  }

  @Test
  void aProcessIdOtherThanTheFileNameFails() throws IOException {
    assertThat(bpmn("other-name.bpmn", BPMN)).containsExactly(
        "process id \"fixture\" differs from the file name: rename one so both are \"other-name\"");
  }

  @Test
  void aDelegateWhoseBeanDoesNotExistFails() throws IOException {
    String xml = BPMN.replace("${itemNotice}", "${itemNotise}").replace("${reviewListener}", "${reviewListner}");
    assertThat(bpmn(xml)).containsExactly(
        "serviceTask notify (通知) calls ${itemNotise}, but no @Component(\"itemNotise\") or @Bean of that name exists in src/main/java",
        "task listener (complete) of userTask review (审核) calls ${reviewListner}, but no @Component(\"reviewListner\") or @Bean of that name exists in src/main/java");
  }

  @Test
  void aDelegateThatIsNotABeanNameFails() throws IOException {
    String xml = BPMN.replace("${itemNotice}", "${itemNotice.send(execution)}");
    assertThat(bpmn(xml)).singleElement().asString().contains("name a bean, ${beanName}");
  }

  @Test
  void aGatewayFlowWithoutAConditionFails() throws IOException {
    String xml = BPMN.replaceAll("(?s)<bpmn:conditionExpression.*?</bpmn:conditionExpression>", "");
    assertThat(bpmn(xml)).containsExactly(
        "flow approved out of exclusiveGateway approvedGateway (是否同意) has no condition and is not the gateway's default");
  }

  @Test
  void aGatewayFlowWithoutANameFails() throws IOException {
    String xml = BPMN.replace(" name=\"退回\"", "");
    assertThat(bpmn(xml)).containsExactly(
        "flow rejected out of exclusiveGateway approvedGateway (是否同意) has no name: label it (同意 / 退回 …)");
  }

  @Test
  void aDecisionWithoutAShapeFails() throws IOException {
    String xml = DMN.replaceAll("<dmndi:DMNShape .*?</dmndi:DMNShape>", "");
    assertThat(dmn(xml)).containsExactly("decision fixture-rule (样例规则) has no DMNShape in DMNDI: Camunda Modeler cannot draw it");
  }

  @Test
  void aDecisionWithoutHistoryTimeToLiveFails() throws IOException {
    String xml = DMN.replace(" camunda:historyTimeToLive=\"P1825D\"", "");
    assertThat(dmn(xml)).containsExactly("decision fixture-rule (样例规则) has no camunda:historyTimeToLive (use P1825D)");
  }

  @Test
  void aDecisionTableTheEngineCannotParseFails() throws IOException {
    String xml = DMN.replace("hitPolicy=\"FIRST\"", "hitPolicy=\"SOMETIMES\"");
    assertThat(dmn(xml)).anyMatch(v -> v.startsWith("the Camunda DMN engine cannot parse it"));
  }

  @Test
  void aFormWhoseIdDiffersFromItsFileNameFails() throws IOException {
    Path form = root.resolve("processes/forms/renamed.form");
    Files.writeString(form, "{\"id\": \"fixture-review\", \"components\": []}");
    assertThat(ModelRules.check(form, project)).containsExactly("form id \"fixture-review\" differs from the file name \"renamed\"");
  }

  @Test
  void beansAreFoundByStereotypeNameClassNameAndBeanMethod() {
    assertThat(SpringBeans.declaredIn("@Component(\"itemNotice\")\nclass ItemNotice {}", "ItemNotice")).containsExactly("itemNotice");
    assertThat(SpringBeans.declaredIn("@Service\npublic class Items {}", "Items")).containsExactly("items");
    assertThat(SpringBeans.declaredIn("@Component(value = \"x\") record Y() {}", "Y")).containsExactly("x");
    assertThat(SpringBeans.declaredIn("@Configuration class C {\n @Bean\n public Clock clock() {}\n"
        + " @Bean(\"named\") Foo<Bar> foo() {} }", "C")).containsExactly("c", "clock", "named");
    assertThat(SpringBeans.declaredIn("class Plain {}", "Plain")).isEmpty();
    assertThat(SpringBeans.decapitalize("URLMaker")).isEqualTo("URLMaker");
  }
}
