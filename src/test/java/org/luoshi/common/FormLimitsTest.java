package org.luoshi.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every field of every Camunda Form under processes/forms is a field of {@link Inputs}, and a form
 * lets a person type exactly as much as the server accepts: a text field's {@code maxLength} is
 * its limit, a one-line textfield is a one-line field, a textarea may hold newlines, and nothing is
 * longer than a task variable can be (4000).
 */
class FormLimitsTest {

  private static final Path PROCESSES = Path.of("processes");
  private static final Set<String> TEXT = Set.of("textfield", "textarea");
  private static final Set<String> VALUES = Set.of("number", "datetime", "select", "radio", "checkbox", "checklist",
      "taglist", "dynamiclist");

  @TestFactory
  Stream<DynamicTest> everyFormFieldHasTheServersLimit() throws IOException {
    Map<String, String> processOfForm = processOfForm();
    List<Path> forms;
    try (Stream<Path> files = Files.list(PROCESSES.resolve("forms"))) {
      forms = files.filter(f -> f.toString().endsWith(".form")).sorted().toList();
    }
    assertThat(forms).isNotEmpty();
    return forms.stream().map(form -> DynamicTest.dynamicTest(form.getFileName().toString(), () -> {
      JsonNode json = new ObjectMapper().readTree(form.toFile());
      String scope = processOfForm.get(json.get("id").asText());
      assertThat(scope).as("the process that uses %s", form).isNotNull();
      List<String> problems = new ArrayList<>();
      check(json, scope, problems);
      assertThat(problems).as("%s (process %s)", form.getFileName(), scope).isEmpty();
    }));
  }

  private static void check(JsonNode container, String scope, List<String> problems) {
    for (JsonNode c : container.path("components")) {
      String type = c.path("type").asText();
      String key = c.path("key").asText(c.path("path").asText(""));
      boolean readonly = c.path("readonly").asBoolean(false) || c.path("disabled").asBoolean(false);
      if (!key.isEmpty() && !readonly && (TEXT.contains(type) || VALUES.contains(type))) {
        if (!Inputs.known(scope, key)) {
          problems.add(key + ": no field in Inputs (label and limit)");
        } else if (TEXT.contains(type)) {
          Inputs.Field f = Inputs.field(scope, key);
          JsonNode max = c.path("validate").path("maxLength");
          if (!f.isText()) {
            problems.add(key + ": a text field in the form, not a text in Inputs");
          } else if (max.isMissingNode() || max.asInt() != f.maxLength()) {
            problems.add(key + ": maxLength " + (max.isMissingNode() ? "missing" : max.asInt())
                + ", the server's limit is " + f.maxLength());
          }
          if (f.maxLength() > Inputs.MAX_TEXT) {
            problems.add(key + ": longer than a task variable can be (" + Inputs.MAX_TEXT + ")");
          }
          if (type.equals("textfield") && f.multiline() && f.entryLength() == 0) {
            problems.add(key + ": a one-line textfield, but a multi-line text in Inputs");
          }
          if (type.equals("textarea") && !f.multiline()) {
            problems.add(key + ": a textarea, but a one-line field in Inputs (newlines would be refused)");
          }
        }
      }
      check(c, scope, problems);
    }
  }

  /** form id → the key of the process whose BPMN references it. */
  private static Map<String, String> processOfForm() throws IOException {
    Map<String, String> map = new HashMap<>();
    Pattern ref = Pattern.compile("camunda:formRef=\"([^\"]+)\"");
    try (Stream<Path> files = Files.list(PROCESSES)) {
      for (Path bpmn : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
        String process = bpmn.getFileName().toString().replace(".bpmn", "");
        Matcher m = ref.matcher(Files.readString(bpmn));
        while (m.find()) {
          map.put(m.group(1), process);
        }
      }
    }
    return map;
  }
}
