package org.luoshi.modelling;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The element templates Camunda Modeler offers for Luoshi's delegates
 * ({@code .camunda/element-templates/}): each calls a bean that exists, makes asyncBefore a
 * visible choice, and offers exactly the notice types its bean can send. The JSON schema itself is
 * checked by {@code npm run check:models} (tools/check-templates.mjs).
 */
class ElementTemplatesTest {

  static final Path TEMPLATES = ProcessModelsTest.ROOT.resolve(".camunda/element-templates");
  static final String SCHEMA = "https://unpkg.com/@camunda/element-templates-json-schema/resources/schema.json";
  static final Pattern BEAN = Pattern.compile("^\\$\\{(\\w+)}$");

  static final Map<String, JsonNode> byBean = new LinkedHashMap<>();

  @BeforeAll
  static void read() throws IOException {
    ObjectMapper json = new ObjectMapper();
    try (Stream<Path> files = Files.list(TEMPLATES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        JsonNode template = json.readTree(file.toFile());
        byBean.put(bean(template), template);
      }
    }
  }

  static String bean(JsonNode template) {
    for (JsonNode property : template.path("properties")) {
      if ("camunda:delegateExpression".equals(property.path("binding").path("name").asText())) {
        Matcher m = BEAN.matcher(property.path("value").asText());
        return m.matches() ? m.group(1) : property.path("value").asText();
      }
    }
    return "(none in " + template.path("id").asText() + ")";
  }

  static List<JsonNode> properties(JsonNode template, String bindingType, String name) {
    List<JsonNode> found = new ArrayList<>();
    template.path("properties").forEach(p -> {
      if (bindingType.equals(p.path("binding").path("type").asText()) && name.equals(p.path("binding").path("name").asText())) {
        found.add(p);
      }
    });
    return found;
  }

  @Test
  void theModellerFindsATemplateForEachLuoshiDelegateTheIssueNames() {
    assertThat(byBean).containsKeys("itemNotice", "timelinessScoring", "overdueInterview");
  }

  @Test
  void eachTemplateIsACamunda7ServiceTaskTemplateCallingABeanThatExists() {
    byBean.forEach((bean, template) -> {
      assertThat(template.path("$schema").asText()).as(bean).isEqualTo(SCHEMA);
      assertThat(template.path("id").asText()).as(bean).startsWith("org.luoshi.");
      assertThat(template.path("name").asText()).as(bean).isNotBlank();
      assertThat(template.path("version").isInt()).as("%s has a version", bean).isTrue();
      assertThat(template.path("appliesTo")).as(bean).isNotEmpty().allMatch(t -> t.asText().equals("bpmn:ServiceTask"));
      assertThat(BEAN.matcher("${" + bean + "}").matches()).as("%s names a bean", bean).isTrue();
      assertThat(ProcessModelsTest.PROJECT.beanKnown(bean))
          .as("template %s calls ${%s}, which is no bean in src/main/java", template.path("id").asText(), bean).isTrue();
      List<JsonNode> delegate = properties(template, "property", "camunda:delegateExpression");
      assertThat(delegate).as(bean).singleElement().satisfies(p -> assertThat(p.path("type").asText()).isEqualTo("Hidden"));
      List<JsonNode> async = properties(template, "property", "camunda:asyncBefore");
      assertThat(async).as("%s lets the modeller choose asyncBefore", bean).singleElement()
          .satisfies(p -> assertThat(p.path("type").asText()).isEqualTo("Boolean"));
    });
  }

  @Test
  void theNoticeTemplateOffersExactlyTheNoticeTypesItsBeanSends() {
    JsonNode template = byBean.get("itemNotice");
    List<JsonNode> noticeType = properties(template, "camunda:inputParameter", "noticeType");
    assertThat(noticeType).singleElement().satisfies(p -> assertThat(p.path("type").asText()).isEqualTo("Dropdown"));
    List<String> offered = new ArrayList<>();
    noticeType.get(0).path("choices").forEach(c -> offered.add(c.path("value").asText()));
    String beanSource = SpringBeans.read(ProcessModelsTest.PROJECT.beans().get("itemNotice"));
    assertThat(offered).as("notice types the template offers").isNotEmpty()
        .allSatisfy(type -> assertThat(beanSource).as("ItemNotice handles %s", type).contains("\"" + type + "\""));
    Set<String> used = ModelRules.inputValues(ProcessModelsTest.PROJECT.processes(), "itemNotice", "noticeType");
    assertThat(used).as("notice types the models use").isNotEmpty();
    assertThat(offered).as("the template offers every notice type the models use").containsAll(used);
    assertThat(offered).as("the default choice").contains(noticeType.get(0).path("value").asText());
  }
}
