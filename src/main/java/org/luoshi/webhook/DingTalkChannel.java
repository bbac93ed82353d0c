package org.luoshi.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.luoshi.identity.Organisation;
import org.luoshi.notification.NotificationSettings;
import org.springframework.stereotype.Component;

/**
 * 钉钉群机器人 with 加签: {@code POST <webhook URL>&timestamp=<ms>&sign=<sign>}, where sign is
 * URL-encoded Base64 of HmacSHA256(secret, "timestamp\nsecret"), with
 * {@code {"msgtype":"markdown","markdown":{"title":…,"text":…}}}; the robot answers {@code {"errcode":0}}.
 */
@Component
class DingTalkChannel extends WebhookChannel {

  DingTalkChannel(UnitWebhooks webhooks, Organisation organisation, ObjectMapper json,
      NotificationSettings notifications, WebhookSettings settings) {
    super(WebhookPlatform.DINGTALK, webhooks, organisation, json, notifications, settings);
  }

  @Override
  HttpRequest request(UnitWebhooks.Target target, Message m) throws IOException {
    // DingTalk accepts a timestamp within an hour of its own clock: the real time, not the engine's
    long timestamp = System.currentTimeMillis();
    String url = target.url() + (target.url().contains("?") ? "&" : "?") + "timestamp=" + timestamp
        + "&sign=" + sign(timestamp, target.secret());
    StringBuilder text = new StringBuilder("#### ").append(m.title()).append("\n\n");
    for (String line : cut(m.body()).split("\n")) {
      text.append(line).append("  \n");
    }
    String link = link(m);
    if (link != null) {
      text.append("\n[查看详情](").append(link).append(')');
    }
    String body = json.writeValueAsString(Map.of("msgtype", "markdown",
        "markdown", Map.of("title", m.title(), "text", text.toString())));
    return post(url, body).build();
  }

  static String sign(long timestamp, String secret) {
    byte[] mac = hmacSha256(secret, timestamp + "\n" + secret);
    return URLEncoder.encode(Base64.getEncoder().encodeToString(mac), StandardCharsets.UTF_8);
  }
}
