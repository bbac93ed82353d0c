package org.luoshi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No import cycles between capability packages (STYLE.md): a capability offers a read model to
 * others instead of its entity, so each can be read, tested and changed from its own room.
 */
class PackageCyclesTest {

  private static final Path ROOT = Path.of("src/main/java/org/luoshi");
  private static final Pattern IMPORT = Pattern.compile("^import (?:static )?org\\.luoshi\\.([a-z]+)\\.", Pattern.MULTILINE);

  @Test
  void noCapabilityImportsAnotherThatImportsItBack() throws IOException {
    Map<String, Set<String>> edges = dependencies();
    assertThat(edges).as("the scan found the capability packages").containsKeys("item", "interview", "notification");
    assertThat(cycles(edges)).as("package cycles (each a strongly connected set of packages)").isEmpty();
  }

  @Test
  void theCheckFindsACycle() {
    Map<String, Set<String>> edges = new TreeMap<>();
    edges.put("a", new TreeSet<>(Set.of("b")));
    edges.put("b", new TreeSet<>(Set.of("c")));
    edges.put("c", new TreeSet<>(Set.of("a")));
    edges.put("d", new TreeSet<>(Set.of("a")));
    assertThat(cycles(edges)).containsExactly(List.of("a", "b", "c"));
  }

  /** package → the other capability packages its main sources import. */
  private static Map<String, Set<String>> dependencies() throws IOException {
    Map<String, Set<String>> edges = new TreeMap<>();
    try (Stream<Path> files = Files.walk(ROOT)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        Path relative = ROOT.relativize(file);
        if (relative.getNameCount() < 2) {
          continue; // the application class
        }
        String from = relative.getName(0).toString();
        Set<String> to = edges.computeIfAbsent(from, k -> new TreeSet<>());
        Matcher m = IMPORT.matcher(Files.readString(file));
        while (m.find()) {
          if (!m.group(1).equals(from)) {
            to.add(m.group(1));
          }
        }
      }
    }
    return edges;
  }

  /** Tarjan's strongly connected components with more than one package, each sorted. */
  static List<List<String>> cycles(Map<String, Set<String>> edges) {
    Map<String, Integer> index = new HashMap<>();
    Map<String, Integer> low = new HashMap<>();
    Deque<String> stack = new ArrayDeque<>();
    List<List<String>> found = new ArrayList<>();
    for (String v : edges.keySet()) {
      if (!index.containsKey(v)) {
        connect(v, edges, index, low, stack, found);
      }
    }
    return found;
  }

  private static void connect(String v, Map<String, Set<String>> edges, Map<String, Integer> index,
      Map<String, Integer> low, Deque<String> stack, List<List<String>> found) {
    index.put(v, index.size());
    low.put(v, index.get(v));
    stack.push(v);
    for (String w : edges.getOrDefault(v, Set.of())) {
      if (!index.containsKey(w)) {
        connect(w, edges, index, low, stack, found);
        low.put(v, Math.min(low.get(v), low.get(w)));
      } else if (stack.contains(w)) {
        low.put(v, Math.min(low.get(v), index.get(w)));
      }
    }
    if (low.get(v).equals(index.get(v))) {
      List<String> component = new ArrayList<>();
      String w;
      do {
        w = stack.pop();
        component.add(w);
      } while (!w.equals(v));
      if (component.size() > 1) {
        found.add(component.stream().sorted().toList());
      }
    }
  }
}
