package org.luoshi.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.luoshi.engine.Time;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The Chinese e-mail templates, one per kind of event, in {@code classpath:notification/mail/}:
 * {@code templates.properties} says which template a notice type uses (by its full type, else by
 * its first word, so INTERVIEW_… notices use the interview template), else {@code default.txt}.
 * A template's first line is the subject, the rest the body; {@code {{name}}} is replaced, and a
 * line whose placeholders are all empty is left out.
 */
@Component
class MailTemplates {

  static final String ROOT = "notification/mail/";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

  private final Properties mapping = new Properties();
  private final Map<String, String> cache = new ConcurrentHashMap<>();
  private final NotificationSettings settings;

  MailTemplates(NotificationSettings settings) {
    this.settings = settings;
    try (InputStream in = new ClassPathResource(ROOT + "templates.properties").getInputStream()) {
      mapping.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + ROOT + "templates.properties", e);
    }
  }

  record Mail(String subject, String body) {}

  Mail render(NotificationChannel.Message m) {
    String[] template = template(m.type());
    Map<String, String> values = new LinkedHashMap<>();
    values.put("name", m.recipientName());
    values.put("title", m.title());
    values.put("body", m.body() == null ? "" : m.body());
    values.put("link", link(m.link()));
    values.put("time", m.createdAt() == null ? "" : TIME.format(LocalDateTime.ofInstant(m.createdAt(), Time.ZONE)));
    values.put("footer", read("footer").strip());
    return new Mail(fill(template[0], values).strip(), fill(template[1], values));
  }

  String templateName(String type) {
    String name = mapping.getProperty(type);
    if (name == null && type.contains("_")) {
      name = mapping.getProperty(type.substring(0, type.indexOf('_')));
    }
    return name == null ? "default" : name;
  }

  /** Subject line and body of the template a notice type uses. */
  private String[] template(String type) {
    String text = read(templateName(type));
    int eol = text.indexOf('\n');
    return eol < 0 ? new String[] {text, ""}
        : new String[] {text.substring(0, eol), text.substring(eol + 1).replaceFirst("^\n", "")};
  }

  private String read(String name) {
    return cache.computeIfAbsent(name, n -> {
      try (InputStream in = new ClassPathResource(ROOT + n + ".txt").getInputStream()) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read mail template " + ROOT + n + ".txt", e);
      }
    });
  }

  /** An absolute link for a mail: the configured base URL before a path of the application. */
  String link(String link) {
    if (link == null || link.isBlank()) {
      return "";
    }
    return link.startsWith("/") ? settings.baseUrl() + link : link;
  }

  private static String fill(String template, Map<String, String> values) {
    StringBuilder out = new StringBuilder();
    for (String line : template.split("\n", -1)) {
      Matcher m = PLACEHOLDER.matcher(line);
      StringBuilder filled = new StringBuilder();
      boolean any = false;
      boolean allEmpty = true;
      while (m.find()) {
        any = true;
        String v = values.getOrDefault(m.group(1), "");
        allEmpty &= v.isEmpty();
        m.appendReplacement(filled, Matcher.quoteReplacement(v));
      }
      m.appendTail(filled);
      if (any && allEmpty) {
        continue;
      }
      out.append(filled).append('\n');
    }
    return out.toString().stripTrailing() + "\n";
  }
}
