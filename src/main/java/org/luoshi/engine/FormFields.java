package org.luoshi.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import org.luoshi.common.Json;

/**
 * What a Camunda Form (form-js JSON, {@code processes/forms/*.form}) lets a person submit: the keys
 * of its input fields, and apart from them the keys of fields it shows read-only (which may be sent
 * back only unchanged). Text, tables, images and other display components declare nothing.
 */
public record FormFields(Set<String> inputs, Set<String> readOnly) {

  public static final FormFields NONE = new FormFields(Set.of(), Set.of());

  private static final Set<String> INPUT_TYPES = Set.of("textfield", "textarea", "number", "select", "radio",
      "checkbox", "checklist", "taglist", "datetime", "expression", "filepicker");

  public boolean declares(String name) {
    return inputs.contains(name) || readOnly.contains(name);
  }

  public static FormFields parse(InputStream form) {
    try {
      JsonNode root = Json.mapper().readTree(form);
      Set<String> inputs = new LinkedHashSet<>();
      Set<String> readOnly = new LinkedHashSet<>();
      collect(root.path("components"), "", inputs, readOnly);
      readOnly.removeAll(inputs);
      return new FormFields(Collections.unmodifiableSet(inputs), Collections.unmodifiableSet(readOnly));
    } catch (IOException e) {
      throw new IllegalStateException("A deployed Camunda Form cannot be read", e);
    }
  }

  private static void collect(JsonNode components, String prefix, Set<String> inputs, Set<String> readOnly) {
    for (JsonNode c : components) {
      String type = c.path("type").asText();
      if (c.has("components")) {
        // groups and dynamic lists: a path nests their fields under one variable
        String path = c.path("path").asText("");
        if (!path.isEmpty() && prefix.isEmpty()) {
          (isReadOnly(c) ? readOnly : inputs).add(path.split("\\.")[0]);
        } else {
          collect(c.path("components"), prefix, inputs, readOnly);
        }
        continue;
      }
      String key = c.path("key").asText("");
      if (key.isEmpty() || !INPUT_TYPES.contains(type)) {
        continue;
      }
      String variable = key.split("\\.")[0];
      (isReadOnly(c) ? readOnly : inputs).add(variable);
    }
  }

  private static boolean isReadOnly(JsonNode c) {
    return c.path("readonly").asBoolean(false) || c.path("disabled").asBoolean(false)
        || "expression".equals(c.path("type").asText());
  }
}
