package org.luoshi.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.luoshi.identity.Organisation;
import org.luoshi.identity.Person;
import org.luoshi.notification.NotificationChannel;
import org.luoshi.notification.NotificationSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.function.SingletonSupplier;

/**
 * A notification channel to the units' group chats on one platform. Its addresses are units
 * ({@code unit:T1}): a notice reaches each unit's group once, however many of its people it was
 * for, through the notification outbox (notification/Deliveries): the same retry, Cockpit
 * incident and exactly-once record as mail. The address and secret are read when sending, so a
 * retry uses the unit's current configuration; a unit whose robot was removed is not retried.
 */
abstract class WebhookChannel implements NotificationChannel {

  private static final Logger LOG = LoggerFactory.getLogger(WebhookChannel.class);
  static final String PREFIX = "unit:";
  /** Group chats show a short text: the body is cut to this many characters. */
  static final int MAX_BODY = 1500;

  final WebhookPlatform platform;
  final UnitWebhooks webhooks;
  final Organisation organisation;
  final ObjectMapper json;
  final String baseUrl;
  /** Built at the first delivery: building it loads the JDK's trust store (about 0.2 s of a start). */
  private final SingletonSupplier<HttpClient> http;
  private final WebhookSettings settings;

  WebhookChannel(WebhookPlatform platform, UnitWebhooks webhooks, Organisation organisation, ObjectMapper json,
      NotificationSettings notifications, WebhookSettings settings) {
    this.platform = platform;
    this.webhooks = webhooks;
    this.organisation = organisation;
    this.json = json;
    this.baseUrl = notifications.baseUrl();
    this.settings = settings;
    this.http = SingletonSupplier.of(() -> HttpClient.newBuilder().connectTimeout(settings.timeout())
        .followRedirects(HttpClient.Redirect.NEVER).build());
  }

  @Override
  public String name() {
    return platform.name();
  }

  /** On while any unit has a webhook on this platform. */
  @Override
  public boolean enabled() {
    return !webhooks.unitsOn(platform).isEmpty();
  }

  @Override
  public Optional<String> address(Person person) {
    return addresses(person).stream().findFirst();
  }

  @Override
  public List<String> addresses(Person person) {
    var on = webhooks.unitsOn(platform);
    return organisation.unitCodesOf(person.id()).stream().filter(on::contains).map(u -> PREFIX + u).toList();
  }

  @Override
  public boolean sharedAddresses() {
    return true;
  }

  @Override
  public List<Failure> send(List<Message> messages) {
    List<Failure> failures = new ArrayList<>();
    for (Message m : messages) {
      Failure f = sendOne(m);
      if (f != null) {
        failures.add(f);
      }
    }
    return failures;
  }

  private Failure sendOne(Message m) {
    if (!m.address().startsWith(PREFIX)) {
      return new Failure(m, "不是单位地址：" + m.address(), true);
    }
    String unit = m.address().substring(PREFIX.length());
    var target = webhooks.target(unit, platform).orElse(null);
    if (target == null) {
      return new Failure(m, organisation.unitName(unit) + "已删除" + platform.label() + "配置，未发送", true);
    }
    HttpRequest request;
    try {
      request = request(target, m);
    } catch (IOException | RuntimeException e) {
      return new Failure(m, platform.label() + "：消息无法生成：" + e.getMessage(), true);
    }
    try {
      HttpResponse<String> r = http.obtain().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      int status = r.statusCode();
      if (status >= 200 && status < 300) {
        String refusal = refusal(r.body());
        return refusal == null ? null : new Failure(m, platform.label() + "拒收：" + refusal, false);
      }
      boolean permanent = status >= 400 && status < 500 && status != 408 && status != 429;
      return new Failure(m, platform.label() + "答复 HTTP " + status, permanent);
    } catch (IOException e) {
      LOG.warn("{} webhook of unit {} unreachable: {}", platform, unit, e.toString());
      return new Failure(m, platform.label() + "无法连接：" + e.getClass().getSimpleName(), false);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Failure(m, platform.label() + "发送被中断", false);
    }
  }

  /** The HTTP request of one message to one unit. */
  abstract HttpRequest request(UnitWebhooks.Target target, Message m) throws IOException;

  /** Why a 2xx answer still refused the message (the robots answer {@code errcode}), or null. */
  String refusal(String body) {
    try {
      JsonNode n = json.readTree(body == null || body.isBlank() ? "{}" : body);
      int code = n.path("errcode").asInt(0);
      return code == 0 ? null : "errcode " + code + "：" + n.path("errmsg").asText("");
    } catch (IOException e) {
      return null;
    }
  }

  HttpRequest.Builder post(String url, String body) {
    return HttpRequest.newBuilder(URI.create(url)).timeout(settings.timeout())
        .header("Content-Type", "application/json; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
  }

  /** The link of a notice as people open it: absolute with luoshi.notifications.base-url. */
  String link(Message m) {
    return m.link() == null ? null : baseUrl + m.link();
  }

  static String cut(String s) {
    if (s == null) {
      return "";
    }
    return s.length() <= MAX_BODY ? s : s.substring(0, MAX_BODY) + "……";
  }

  static byte[] hmacSha256(String secret, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
