package org.luoshi.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.luoshi.engine.Time;
import org.luoshi.identity.Organisation;
import org.luoshi.notification.NotificationSettings;
import org.springframework.stereotype.Component;

/**
 * A unit's own HTTPS endpoint: {@code POST <url>} with a JSON body ({@code type, title, body, link,
 * unitCode, createdAt, deliveryKey}), header {@code X-Luoshi-Signature: sha256=<hex HMAC-SHA256 of
 * the body with the unit's secret>} and {@code X-Luoshi-Delivery: <deliveryKey>} (the same on every
 * retry of one delivery, so the receiver can drop a repeat). Any 2xx answer is a delivery.
 */
@Component
class HttpsWebhookChannel extends WebhookChannel {

  static final String SIGNATURE = "X-Luoshi-Signature";
  static final String DELIVERY = "X-Luoshi-Delivery";

  HttpsWebhookChannel(UnitWebhooks webhooks, Organisation organisation, ObjectMapper json,
      NotificationSettings notifications, WebhookSettings settings) {
    super(WebhookPlatform.WEBHOOK, webhooks, organisation, json, notifications, settings);
  }

  @Override
  HttpRequest request(UnitWebhooks.Target target, Message m) throws IOException {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("type", m.type());
    payload.put("title", m.title());
    payload.put("body", m.body());
    payload.put("link", link(m));
    payload.put("unitCode", target.unitCode());
    payload.put("createdAt", m.createdAt() == null ? null : OffsetDateTime.ofInstant(m.createdAt(), Time.ZONE).toString());
    payload.put("deliveryKey", m.key());
    String body = json.writeValueAsString(payload);
    HttpRequest.Builder b = post(target.url(), body)
        .header(SIGNATURE, "sha256=" + HexFormat.of().formatHex(hmacSha256(target.secret(), body)));
    if (m.key() != null) {
      b.header(DELIVERY, m.key());
    }
    return b.build();
  }

  /** Non-2xx answers carry no errcode: a 2xx is a delivery. */
  @Override
  String refusal(String body) {
    return null;
  }
}
