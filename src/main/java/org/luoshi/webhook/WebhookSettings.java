package org.luoshi.webhook;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Group robots and webhooks ({@code luoshi.webhooks.*}): whether a plain-HTTP address is accepted
 * (only for tests and closed networks; default no: HTTPS only), the timeout of one call, and how
 * long a node trusts its list of configured units before it reads it again (changes made on this
 * node apply at once).
 */
@ConfigurationProperties("luoshi.webhooks")
public record WebhookSettings(Boolean allowHttp, Duration timeout, Duration refresh) {

  public WebhookSettings {
    allowHttp = allowHttp != null && allowHttp;
    timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
    refresh = refresh == null ? Duration.ofSeconds(30) : refresh;
  }
}
