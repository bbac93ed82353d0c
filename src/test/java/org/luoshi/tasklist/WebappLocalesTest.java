package org.luoshi.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our Chinese translations of the Camunda 7.24 webapps against the English files the webjar
 * ships: the same keys (nested, arrays of the same length), every {{placeholder}} and HTML tag
 * kept, no value left empty. And each app's scripts/config.js is ours (Chinese first).
 */
class WebappLocalesTest {

  private static final String BASE = "META-INF/resources/webjars/camunda/app/";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^}]*}}");
  private static final Pattern HTML_TAG = Pattern.compile("</?(a|br|strong|b|i|em|code|span|p)\\b[^>]*>");

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void chineseHasEveryKeyOfTheShippedEnglishAndKeepsPlaceholdersAndTags(String app) throws IOException {
    Map<String, JsonNode> en = leaves(read(app, "en"));
    Map<String, JsonNode> zh = leaves(read(app, "zh"));

    assertThat(zh.keySet()).as("keys of %s zh.json", app).containsExactlyInAnyOrderElementsOf(en.keySet());
    assertThat(en).as("the shipped %s en.json", app).hasSizeGreaterThan(100);

    SoftAssertions soft = new SoftAssertions();
    en.forEach((key, english) -> {
      JsonNode chinese = zh.get(key);
      if (chinese == null) {
        return;
      }
      soft.assertThat(chinese.getNodeType()).as("%s %s type", app, key).isEqualTo(english.getNodeType());
      if (english.isArray()) {
        soft.assertThat(chinese.size()).as("%s %s length", app, key).isEqualTo(english.size());
        chinese.forEach(v -> soft.assertThat(v.asText()).as("%s %s item", app, key).isNotBlank());
      }
      if (!english.isTextual()) {
        return;
      }
      String e = english.asText();
      String c = chinese.asText();
      // empty only where English is empty, or is the plural ending "s" Chinese does not have
      if (!e.isEmpty() && !e.equals("s")) {
        soft.assertThat(c).as("%s %s", app, key).isNotBlank();
      }
      soft.assertThat(all(PLACEHOLDER, c)).as("%s %s placeholders in %s", app, key, c)
          .containsAll(all(PLACEHOLDER, e));
      soft.assertThat(all(HTML_TAG, c)).as("%s %s HTML in %s", app, key, c)
          .containsExactlyInAnyOrderElementsOf(all(HTML_TAG, e));
    });
    soft.assertAll();
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void theAppsConfigurationIsOursAndOffersChineseFirst(String app) throws IOException {
    String config = text(resource(app + "/scripts/config.js"));
    assertThat(config)
        .contains("export default {")
        .contains("availableLocales: ['zh', 'en']")
        .contains("fallbackLocale: 'zh'")
        .contains("vendor: '落实 · 七里河区'");
    if (app.equals("tasklist")) {
      assertThat(config).contains("normal: 'YYYY年M月D日 HH:mm'")
          .contains("claimTask").contains("focusFilter").contains("focusList").contains("focusForm")
          .contains("startProcess");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "welcome"})
  void theCamunda8BannerIsHiddenFromEndUsers(String app) throws IOException {
    assertThat(text(resource(app + "/styles/user-styles.css")))
        .containsIgnoringWhitespaces(".ce-eol-banner { display: none !important; }");
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin"})
  void chineseDatesReadYearMonthDay(String app) throws IOException {
    JsonNode formats = read(app, "zh").get("dateLocales").get("longDateFormat");
    assertThat(formats.get("LL").asText()).isEqualTo("YYYY年M月D日");
    assertThat(formats.get("LLL").asText()).isEqualTo("YYYY年M月D日 HH:mm");
  }

  private static JsonNode read(String app, String locale) throws IOException {
    return JSON.readTree(stripBom(text(resource(app + "/locales/" + locale + ".json"))));
  }

  private static URL resource(String path) {
    URL url = WebappLocalesTest.class.getClassLoader().getResource(BASE + path);
    assertThat(url).as("classpath:" + BASE + path).isNotNull();
    return url;
  }

  private static String text(URL url) throws IOException {
    try (InputStream in = url.openStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String stripBom(String s) {
    return s.startsWith("\uFEFF") ? s.substring(1) : s;
  }

  /** Every leaf (text, number or array) by its dotted path. */
  private static Map<String, JsonNode> leaves(JsonNode root) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    collect("", root, out);
    return out;
  }

  private static void collect(String path, JsonNode node, Map<String, JsonNode> out) {
    if (node.isObject()) {
      node.fieldNames().forEachRemaining(k -> collect(path.isEmpty() ? k : path + "." + k, node.get(k), out));
    } else {
      out.put(path, node);
    }
  }

  private static List<String> all(Pattern pattern, String text) {
    List<String> found = new ArrayList<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      found.add(m.group());
    }
    Collections.sort(found);
    return found;
  }
}
