package org.luoshi.engine;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code luoshi.history.*}: per process key, the variables whose history the engine does not write
 * ({@link DerivedVariableHistory}).
 */
@ConfigurationProperties("luoshi.history")
public record HistorySettings(Map<String, Set<String>> derivedVariables) {

  public HistorySettings {
    derivedVariables = derivedVariables == null ? Map.of() : derivedVariables.entrySet().stream()
        .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey,
            e -> e.getValue() == null ? Set.<String>of() : Set.copyOf(e.getValue())));
  }

  /** Whether the history of this variable of this process is not written. */
  boolean isDerived(String processKey, String variableName) {
    return processKey != null && variableName != null
        && derivedVariables.getOrDefault(processKey, Set.of()).contains(variableName);
  }
}
