package org.luoshi.interview;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The interview model is done: drawn completely, named in Chinese, the task keys of DESIGN.md,
 * async service tasks with a retry cycle, and Chinese Camunda Forms that exist for every formRef.
 */
class InterviewModelTest {

  static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");
  static BpmnModelInstance model;

  @BeforeAll
  static void read() throws Exception {
    try (InputStream in = InterviewModelTest.class.getResourceAsStream("/processes/interview.bpmn")) {
      model = Bpmn.readModelFromStream(in);
    }
  }

  @Test
  void everyNodeHasAShapeAndEveryFlowAnEdge() {
    Set<String> shapes = new HashSet<>();
    model.getModelElementsByType(BpmnShape.class).forEach(s -> shapes.add(s.getBpmnElement().getId()));
    Set<String> edges = new HashSet<>();
    model.getModelElementsByType(BpmnEdge.class).forEach(e -> edges.add(e.getBpmnElement().getId()));

    assertThat(List.copyOf(model.getModelElementsByType(FlowNode.class))).allSatisfy(n -> {
      assertThat(shapes).as("shape of %s", n.getId()).contains(n.getId());
      assertThat(n.getName()).as("name of %s", n.getId()).containsPattern(CHINESE);
    });
    assertThat(List.copyOf(model.getModelElementsByType(SequenceFlow.class)))
        .allSatisfy(f -> assertThat(edges).as("edge of %s", f.getId()).contains(f.getId()));
  }

  @Test
  void theTaskKeysAreDesignsAndGatewaysLabelEveryFlow() {
    assertThat(List.copyOf(model.getModelElementsByType(UserTask.class))).extracting(BaseElement::getId)
        .containsExactlyInAnyOrder("prepareInterview", "conductInterview", "recordInterview");
    BaseElement notify = model.getModelElementById("notifyInterviewees");
    assertThat(notify).isInstanceOf(ServiceTask.class);
    Process process = model.getModelElementById(Interviews.PROCESS_KEY);
    assertThat(process.getCamundaHistoryTimeToLiveString()).isEqualTo("P1825D");
    for (ExclusiveGateway gateway : model.getModelElementsByType(ExclusiveGateway.class)) {
      assertThat(gateway.getDefault()).as("default of %s", gateway.getId()).isNotNull();
      assertThat(List.copyOf(gateway.getOutgoing())).allSatisfy(f -> {
        assertThat(f.getName()).as("label of %s", f.getId()).containsPattern(CHINESE);
        if (f != gateway.getDefault()) {
          assertThat(f.getConditionExpression()).as("condition of %s", f.getId()).isNotNull();
        }
      });
    }
  }

  @Test
  void serviceTasksAreAsyncWithARetryCycle() {
    assertThat(List.copyOf(model.getModelElementsByType(ServiceTask.class))).allSatisfy(t -> {
      assertThat(t.isCamundaAsyncBefore()).as("%s async", t.getId()).isTrue();
      assertThat(t.getExtensionElements().getElementsQuery().filterByType(CamundaFailedJobRetryTimeCycle.class)
          .singleResult().getTextContent()).isEqualTo("R3/PT5M");
      assertThat(t.getCamundaDelegateExpression()).matches("\\$\\{[a-zA-Z]+}");
    });
  }

  @Test
  void everyFormExistsIsChineseAndUsesSchemaVersion16() throws Exception {
    List<String> refs = new java.util.ArrayList<>();
    model.getModelElementsByType(UserTask.class).forEach(t -> refs.add(t.getCamundaFormRef()));
    model.getModelElementsByType(StartEvent.class).stream().filter(s -> s.getCamundaFormRef() != null)
        .forEach(s -> refs.add(s.getCamundaFormRef()));
    assertThat(refs).containsExactlyInAnyOrder("start-interview", "prepare-interview", "conduct-interview",
        "record-interview");

    ObjectMapper json = new ObjectMapper();
    for (String ref : refs) {
      JsonNode form;
      try (InputStream in = getClass().getResourceAsStream("/processes/forms/" + ref + ".form")) {
        assertThat(in).as("form %s", ref).isNotNull();
        form = json.readTree(in);
      }
      assertThat(form.get("id").asText()).isEqualTo(ref);
      assertThat(form.get("schemaVersion").asInt()).isEqualTo(16);
      Set<String> ids = new HashSet<>();
      for (JsonNode c : form.get("components")) {
        assertThat(ids.add(c.get("id").asText())).as("unique id %s in %s", c.get("id"), ref).isTrue();
        String text = c.has("label") ? c.get("label").asText()
            : c.has("dateLabel") ? c.get("dateLabel").asText() : c.path("text").asText();
        assertThat(text).as("%s in %s", c.get("id"), ref).containsPattern(CHINESE);
        c.path("values").forEach(v -> assertThat(v.get("label").asText()).containsPattern(CHINESE));
      }
    }
  }
}
