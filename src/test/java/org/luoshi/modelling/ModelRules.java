package org.luoshi.modelling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Association;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ComplexGateway;
import org.camunda.bpm.model.bpmn.instance.DataObjectReference;
import org.camunda.bpm.model.bpmn.instance.DataStoreReference;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.InclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.Lane;
import org.camunda.bpm.model.bpmn.instance.MessageFlow;
import org.camunda.bpm.model.bpmn.instance.Participant;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.TextAnnotation;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The house rules for everything under {@code processes/} (issue #9, STYLE.md "A model that is
 * done"), so that Camunda Modeler opens each file as drawn and the engine finds what the file names.
 * Each check returns the violations it found, one readable line each; an empty list is a pass.
 */
final class ModelRules {

  static final String CAMUNDA_BPMN = "http://camunda.org/schema/1.0/bpmn";
  static final String CAMUNDA_DMN = "http://camunda.org/schema/1.0/dmn";

  private static final Pattern BEAN_EXPRESSION = Pattern.compile("^[$#]\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}$");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static DmnEngine dmnEngine;

  /** What the rules look things up in: the forms by id and the Spring beans by name. */
  record Project(Path processes, Map<String, Path> formsById, Map<String, Path> beans) {

    static Project at(Path root) {
      Path processes = root.resolve("processes");
      return new Project(processes, forms(processes), SpringBeans.scan(root.resolve("src/main/java")));
    }

    boolean beanKnown(String name) {
      return beans.containsKey(name);
    }
  }

  private ModelRules() {}

  /** Every BPMN, DMN and form file below the folder, sorted. */
  static List<Path> modelFiles(Path processes) {
    try (Stream<Path> files = Files.walk(processes)) {
      return files.filter(Files::isRegularFile)
          .filter(f -> f.toString().endsWith(".bpmn") || f.toString().endsWith(".dmn") || f.toString().endsWith(".form"))
          .sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> check(Path file, Project project) {
    String name = file.getFileName().toString();
    if (name.endsWith(".bpmn")) {
      return checkBpmn(file, project);
    }
    if (name.endsWith(".dmn")) {
      return checkDmn(file);
    }
    return checkForm(file);
  }

  // BPMN ///////////////////////////////////////////////////////////////////////////////////////

  static List<String> checkBpmn(Path file, Project project) {
    List<String> violations = new ArrayList<>();
    BpmnModelInstance model;
    try (InputStream in = Files.newInputStream(file)) {
      model = Bpmn.readModelFromStream(in);
    } catch (Exception e) {
      return List.of("cannot be read as BPMN: " + rootMessage(e));
    }
    String fileId = baseName(file);

    // one executable process, named like the file, with a history time-to-live
    List<Process> executable = model.getModelElementsByType(Process.class).stream().filter(Process::isExecutable).toList();
    if (executable.isEmpty()) {
      violations.add("has no executable process (isExecutable=\"true\")");
    }
    for (Process process : executable) {
      if (!fileId.equals(process.getId())) {
        violations.add("process id \"" + process.getId() + "\" differs from the file name: rename one so both are \"" + fileId + "\"");
      }
      String ttl = process.getAttributeValueNs(CAMUNDA_BPMN, "historyTimeToLive");
      if (ttl == null || ttl.isBlank()) {
        violations.add("process " + process.getId() + " has no camunda:historyTimeToLive (use P1825D)");
      }
    }

    // complete diagram interchange: a shape for every node, an edge for every flow, nothing dangling
    Set<String> shapes = new HashSet<>();
    Set<String> edges = new HashSet<>();
    Set<String> ids = new HashSet<>();
    model.getModelElementsByType(BaseElement.class).forEach(e -> ids.add(e.getId()));
    for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
      String ref = shape.getAttributeValue("bpmnElement");
      shapes.add(ref);
      if (ref == null || !ids.contains(ref)) {
        violations.add("BPMNShape " + shape.getId() + " points to a missing element \"" + ref + "\"");
      }
    }
    for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
      String ref = edge.getAttributeValue("bpmnElement");
      edges.add(ref);
      if (ref == null || !ids.contains(ref)) {
        violations.add("BPMNEdge " + edge.getId() + " points to a missing element \"" + ref + "\"");
      }
    }
    for (Class<? extends BaseElement> type : List.of(FlowNode.class, Participant.class, Lane.class,
        TextAnnotation.class, DataObjectReference.class, DataStoreReference.class)) {
      for (BaseElement element : model.getModelElementsByType(type)) {
        if (!shapes.contains(element.getId())) {
          violations.add(describe(element) + " has no BPMNShape: it is invisible in Camunda Modeler");
        }
      }
    }
    for (Class<? extends BaseElement> type : List.of(SequenceFlow.class, MessageFlow.class, Association.class)) {
      for (BaseElement element : model.getModelElementsByType(type)) {
        if (!edges.contains(element.getId())) {
          violations.add(describe(element) + " has no BPMNEdge: it is invisible in Camunda Modeler");
        }
      }
    }

    // forms: every user task has one, and every referenced form exists
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      String formRef = task.getAttributeValueNs(CAMUNDA_BPMN, "formRef");
      String formKey = task.getAttributeValueNs(CAMUNDA_BPMN, "formKey");
      if (isBlank(formRef) && isBlank(formKey)) {
        violations.add(describe(task) + " has no form: set camunda:formRef to a form in processes/forms/");
      }
    }
    List<BaseElement> withForms = new ArrayList<>(model.getModelElementsByType(UserTask.class));
    withForms.addAll(model.getModelElementsByType(StartEvent.class));
    for (BaseElement element : withForms) {
      checkFormReference(element, project, violations);
    }

    // delegates: ${beanName} and the bean exists
    for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
      String expression = element.getAttributeValueNs(CAMUNDA_BPMN, "delegateExpression");
      if (expression != null) {
        checkDelegate(describe(element), expression, project, violations);
      }
    }
    for (CamundaTaskListener listener : model.getModelElementsByType(CamundaTaskListener.class)) {
      if (listener.getCamundaDelegateExpression() != null) {
        checkDelegate("task listener (" + listener.getCamundaEvent() + ") of " + describe(owner(listener)),
            listener.getCamundaDelegateExpression(), project, violations);
      }
    }
    for (CamundaExecutionListener listener : model.getModelElementsByType(CamundaExecutionListener.class)) {
      if (listener.getCamundaDelegateExpression() != null) {
        checkDelegate("execution listener (" + listener.getCamundaEvent() + ") of " + describe(owner(listener)),
            listener.getCamundaDelegateExpression(), project, violations);
      }
    }

    // gateways that decide: every outgoing flow labelled, every one but the default with a condition
    List<Gateway> deciding = new ArrayList<>();
    deciding.addAll(model.getModelElementsByType(ExclusiveGateway.class));
    deciding.addAll(model.getModelElementsByType(InclusiveGateway.class));
    deciding.addAll(model.getModelElementsByType(ComplexGateway.class));
    for (Gateway gateway : deciding) {
      Collection<SequenceFlow> outgoing = gateway.getOutgoing();
      if (outgoing.size() < 2) {
        continue;
      }
      String defaultFlow = gateway.getAttributeValue("default");
      for (SequenceFlow flow : outgoing) {
        boolean isDefault = flow.getId().equals(defaultFlow);
        if (isBlank(flow.getName())) {
          violations.add("flow " + flow.getId() + " out of " + describe(gateway) + " has no name: label it (同意 / 退回 …)");
        }
        if (!isDefault && (flow.getConditionExpression() == null || isBlank(flow.getConditionExpression().getTextContent()))) {
          violations.add("flow " + flow.getId() + " out of " + describe(gateway)
              + " has no condition and is not the gateway's default");
        }
      }
    }
    return violations;
  }

  private static void checkFormReference(BaseElement element, Project project, List<String> violations) {
    String formRef = element.getAttributeValueNs(CAMUNDA_BPMN, "formRef");
    if (!isBlank(formRef)) {
      if (!project.formsById().containsKey(formRef)) {
        violations.add(describe(element) + " refers to form \"" + formRef + "\", but no processes/forms/*.form has that id");
      }
      String binding = element.getAttributeValueNs(CAMUNDA_BPMN, "formRefBinding");
      if (!"deployment".equals(binding)) {
        violations.add(describe(element) + " binds its form \"" + formRef + "\" by \"" + (binding == null ? "latest" : binding)
            + "\": use camunda:formRefBinding=\"deployment\" so a process version keeps its own forms");
      }
    }
    String formKey = element.getAttributeValueNs(CAMUNDA_BPMN, "formKey");
    String deployed = "camunda-forms:deployment:";
    if (formKey != null && formKey.startsWith(deployed)) {
      Path target = project.processes().resolve(formKey.substring(deployed.length()));
      if (!Files.isRegularFile(target)) {
        violations.add(describe(element) + " refers to " + formKey + ", but processes/" + formKey.substring(deployed.length())
            + " does not exist");
      }
    }
  }

  private static void checkDelegate(String where, String expression, Project project, List<String> violations) {
    Matcher bean = BEAN_EXPRESSION.matcher(expression.trim());
    if (!bean.matches()) {
      violations.add(where + " uses delegate expression " + expression + ": name a bean, ${beanName}");
    } else if (!project.beanKnown(bean.group(1))) {
      violations.add(where + " calls ${" + bean.group(1) + "}, but no @Component(\"" + bean.group(1)
          + "\") or @Bean of that name exists in src/main/java");
    }
  }

  private static ModelElementInstance owner(ModelElementInstance extension) {
    ModelElementInstance e = extension;
    while (e != null && !(e instanceof FlowElement) && !(e instanceof Process)) {
      e = e.getParentElement();
    }
    return e == null ? extension : e;
  }

  private static String describe(ModelElementInstance element) {
    String type = element.getElementType().getTypeName();
    String id = element instanceof BaseElement b ? b.getId() : "?";
    String name = element.getAttributeValue("name");
    return type + " " + id + (isBlank(name) ? "" : " (" + name.replace('\n', ' ') + ")");
  }

  // DMN ////////////////////////////////////////////////////////////////////////////////////////

  static List<String> checkDmn(Path file) {
    List<String> violations = new ArrayList<>();
    byte[] bytes;
    Document doc;
    try {
      bytes = Files.readAllBytes(file);
      var factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
    } catch (Exception e) {
      return List.of("cannot be read as XML: " + rootMessage(e));
    }
    try {
      dmnEngine().parseDecisions(new ByteArrayInputStream(bytes));
    } catch (Exception e) {
      violations.add("the Camunda DMN engine cannot parse it: " + rootMessage(e));
    }
    String fileId = baseName(file);
    Set<String> shapes = new HashSet<>();
    NodeList shapeNodes = doc.getElementsByTagNameNS("*", "DMNShape");
    for (int i = 0; i < shapeNodes.getLength(); i++) {
      shapes.add(((Element) shapeNodes.item(i)).getAttribute("dmnElementRef"));
    }
    Element root = doc.getDocumentElement();
    String dmnNamespace = root.getNamespaceURI();
    boolean fileDecision = false;
    for (String kind : List.of("decision", "inputData", "businessKnowledgeModel", "knowledgeSource")) {
      NodeList nodes = doc.getElementsByTagNameNS(dmnNamespace, kind);
      for (int i = 0; i < nodes.getLength(); i++) {
        Element element = (Element) nodes.item(i);
        String id = element.getAttribute("id");
        String label = kind + " " + id + (element.getAttribute("name").isBlank() ? "" : " (" + element.getAttribute("name") + ")");
        if (!shapes.contains(id)) {
          violations.add(label + " has no DMNShape in DMNDI: Camunda Modeler cannot draw it");
        }
        if (kind.equals("decision")) {
          fileDecision |= id.equals(fileId);
          if (element.getAttributeNS(CAMUNDA_DMN, "historyTimeToLive").isBlank()) {
            violations.add(label + " has no camunda:historyTimeToLive (use P1825D)");
          }
        }
      }
    }
    if (!fileDecision) {
      violations.add("has no decision with the file's name as id (\"" + fileId + "\")");
    }
    return violations;
  }

  private static synchronized DmnEngine dmnEngine() {
    if (dmnEngine == null) {
      dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    }
    return dmnEngine;
  }

  // Forms //////////////////////////////////////////////////////////////////////////////////////

  static List<String> checkForm(Path file) {
    try {
      JsonNode form = JSON.readTree(file.toFile());
      String id = form.path("id").asText("");
      if (!baseName(file).equals(id)) {
        return List.of("form id \"" + id + "\" differs from the file name \"" + baseName(file) + "\"");
      }
      return List.of();
    } catch (IOException e) {
      return List.of("cannot be read as a Camunda Form (JSON): " + rootMessage(e));
    }
  }

  /** Form id → file, for every *.form below the folder. */
  static Map<String, Path> forms(Path processes) {
    Map<String, Path> forms = new TreeMap<>();
    if (!Files.isDirectory(processes)) {
      return forms;
    }
    for (Path file : modelFiles(processes)) {
      if (file.toString().endsWith(".form")) {
        try {
          String id = JSON.readTree(file.toFile()).path("id").asText("");
          if (!id.isBlank()) {
            forms.put(id, file);
          }
        } catch (IOException e) {
          // reported by checkForm
        }
      }
    }
    return forms;
  }

  // helpers ////////////////////////////////////////////////////////////////////////////////////

  /** Every noticeType given to ${bean} in the models (input parameter noticeType). */
  static Set<String> inputValues(Path processes, String bean, String input) {
    Set<String> values = new LinkedHashSet<>();
    for (Path file : modelFiles(processes)) {
      if (!file.toString().endsWith(".bpmn")) {
        continue;
      }
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
        if (("${" + bean + "}").equals(element.getAttributeValueNs(CAMUNDA_BPMN, "delegateExpression"))) {
          element.getDomElement().getChildElements().stream()
              .filter(c -> c.getLocalName().equals("extensionElements"))
              .flatMap(ext -> ext.getChildElements().stream())
              .filter(c -> c.getLocalName().equals("inputOutput"))
              .flatMap(io -> io.getChildElements().stream())
              .filter(p -> p.getLocalName().equals("inputParameter") && input.equals(p.getAttribute("name")))
              .forEach(p -> values.add(p.getTextContent().trim()));
        }
      }
    }
    return values;
  }

  static String baseName(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot < 0 ? name : name.substring(0, dot);
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.toString() : t.getMessage();
  }
}
