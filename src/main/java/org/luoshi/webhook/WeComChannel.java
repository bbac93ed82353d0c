package org.luoshi.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.util.Map;
import org.luoshi.identity.Organisation;
import org.luoshi.notification.NotificationSettings;
import org.springframework.stereotype.Component;

/**
 * 企业微信群机器人: {@code POST <webhook URL with key>} with
 * {@code {"msgtype":"markdown","markdown":{"content":"…"}}}; the robot answers {@code {"errcode":0}}.
 */
@Component
class WeComChannel extends WebhookChannel {

  WeComChannel(UnitWebhooks webhooks, Organisation organisation, ObjectMapper json, NotificationSettings notifications,
      WebhookSettings settings) {
    super(WebhookPlatform.WECOM, webhooks, organisation, json, notifications, settings);
  }

  @Override
  HttpRequest request(UnitWebhooks.Target target, Message m) throws IOException {
    StringBuilder content = new StringBuilder("**").append(m.title()).append("**\n");
    for (String line : cut(m.body()).split("\n")) {
      content.append("> ").append(line).append('\n');
    }
    String link = link(m);
    if (link != null) {
      content.append("[查看详情](").append(link).append(')');
    }
    String body = json.writeValueAsString(Map.of("msgtype", "markdown", "markdown", Map.of("content", content.toString())));
    return post(target.url(), body).build();
  }
}
