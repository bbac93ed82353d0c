package org.luoshi.modelling;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Spring beans a model may name, read from the sources (no application context: this stays a
 * fast test): {@code @Component("name")} and the other stereotypes, unnamed stereotypes by their
 * decapitalised class name (Spring's default), and {@code @Bean} methods by name.
 */
final class SpringBeans {

  private static final Pattern STEREOTYPE = Pattern.compile(
      "@(?:Component|Service|Repository|Controller|RestController|Configuration)\\b"
          + "(?:\\s*\\(\\s*(?:value\\s*=\\s*)?\"([^\"]+)\"\\s*\\))?");
  private static final Pattern TYPE = Pattern.compile("\\b(?:class|record|interface|enum)\\s+(\\w+)");
  private static final Pattern BEAN_METHOD = Pattern.compile(
      "@Bean\\b(?:\\s*\\(([^)]*)\\))?\\s+(?:(?:public|protected|private|static|final)\\s+)*"
          + "[\\w.<>\\[\\], ?]+?\\s+(\\w+)\\s*\\(");
  private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");

  private SpringBeans() {}

  /** Bean name → the source file that declares it. */
  static Map<String, Path> scan(Path sources) {
    Map<String, Path> beans = new TreeMap<>();
    if (!Files.isDirectory(sources)) {
      return beans;
    }
    try (Stream<Path> files = Files.walk(sources)) {
      files.filter(f -> f.toString().endsWith(".java")).sorted().forEach(file -> {
        String code = stripComments(read(file));
        declaredIn(code, file.getFileName().toString().replaceFirst("\\.java$", ""))
            .forEach(name -> beans.putIfAbsent(name, file));
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return beans;
  }

  /** The bean names one source file declares. */
  static java.util.List<String> declaredIn(String code, String fileClassName) {
    java.util.List<String> names = new java.util.ArrayList<>();
    Matcher stereotype = STEREOTYPE.matcher(code);
    while (stereotype.find()) { // a file may declare nested bean classes too
      if (stereotype.group(1) != null) {
        names.add(stereotype.group(1));
      } else {
        Matcher type = TYPE.matcher(code);
        String simple = type.find(stereotype.end()) ? type.group(1) : fileClassName;
        names.add(decapitalize(simple));
      }
    }
    Matcher bean = BEAN_METHOD.matcher(code);
    while (bean.find()) {
      String args = bean.group(1);
      Matcher quoted = args == null ? null : QUOTED.matcher(args);
      boolean named = false;
      while (quoted != null && quoted.find()) {
        names.add(quoted.group(1));
        named = true;
      }
      if (!named) {
        names.add(bean.group(2));
      }
    }
    return names;
  }

  /** Spring's default bean name: java.beans.Introspector.decapitalize. */
  static String decapitalize(String name) {
    if (name.length() > 1 && Character.isUpperCase(name.charAt(1)) && Character.isUpperCase(name.charAt(0))) {
      return name;
    }
    return Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }

  private static String stripComments(String code) {
    return code.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("(?m)//.*$", " ");
  }

  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
