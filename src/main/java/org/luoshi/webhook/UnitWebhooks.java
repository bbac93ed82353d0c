package org.luoshi.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.luoshi.common.DomainException;
import org.luoshi.common.Inputs;
import org.luoshi.engine.Time;
import org.luoshi.identity.Organisation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The units' group robots and webhooks: set by the office or an administrator, shown with their
 * secrets (and the keys in their addresses) masked, and read by the channels that send to them.
 */
@Service
public class UnitWebhooks {

  static final String SCOPE = "webhook";

  private final UnitWebhookRepository repository;
  private final Organisation organisation;
  private final WebhookSettings settings;
  /** Which units have a webhook on each platform, as this node last read it. */
  private volatile Map<WebhookPlatform, Set<String>> configured;
  private volatile Instant readAt = Instant.EPOCH;

  UnitWebhooks(UnitWebhookRepository repository, Organisation organisation, WebhookSettings settings) {
    this.repository = repository;
    this.organisation = organisation;
    this.settings = settings;
  }

  /** What the API shows of a webhook: the address with its key masked, whether a secret is set and its last characters. */
  public record WebhookView(String unitCode, String unitName, WebhookPlatform platform, String platformName, String url,
      boolean secretSet, String secretHint, String updatedBy, OffsetDateTime updatedAt) {}

  /** Where and how to send (for the channels only; never leaves the server). */
  record Target(String unitCode, WebhookPlatform platform, String url, String secret) {}

  @Transactional(readOnly = true)
  public List<WebhookView> of(String unitCode) {
    requireUnit(unitCode);
    return repository.findByUnitCodeOrderByPlatformAsc(unitCode).stream().map(this::view).toList();
  }

  /** Sets a unit's webhook on a platform; a secret left out keeps the one set before. */
  @Transactional
  public WebhookView set(String unitCode, WebhookPlatform platform, String url, String secret, String by) {
    requireUnit(unitCode);
    String address = Inputs.text(SCOPE, "url", url);
    if (address == null) {
      throw DomainException.invalid("url", "请填写回调地址");
    }
    checkAddress(platform, address);
    UnitWebhook hook = repository.findByUnitCodeAndPlatform(unitCode, platform)
        .orElseGet(() -> new UnitWebhook(unitCode, platform));
    String key = Inputs.text(SCOPE, "secret", secret);
    if (key == null) {
      key = hook.getSecret();
    }
    if (platform != WebhookPlatform.WECOM && (key == null || key.length() < 16)) {
      throw DomainException.invalid("secret", platform == WebhookPlatform.DINGTALK
          ? "请填写钉钉机器人“加签”的密钥（SEC 开头）" : "请填写签名密钥（至少 16 个字符）");
    }
    hook.set(address, key, by, Time.now());
    UnitWebhook saved = repository.save(hook);
    readAt = Instant.EPOCH;
    return view(saved);
  }

  @Transactional
  public void remove(String unitCode, WebhookPlatform platform) {
    requireUnit(unitCode);
    UnitWebhook hook = repository.findByUnitCodeAndPlatform(unitCode, platform)
        .orElseThrow(() -> DomainException.notFound("该单位没有配置" + platform.label()));
    repository.delete(hook);
    readAt = Instant.EPOCH;
  }

  /** The units that have a webhook on the platform (cached for {@code luoshi.webhooks.refresh}). */
  Set<String> unitsOn(WebhookPlatform platform) {
    Map<WebhookPlatform, Set<String>> now = configured;
    if (now == null || Instant.now().isAfter(readAt.plus(settings.refresh()))) {
      Map<WebhookPlatform, Set<String>> fresh = new EnumMap<>(WebhookPlatform.class);
      for (WebhookPlatform p : WebhookPlatform.values()) {
        fresh.put(p, new HashSet<>());
      }
      repository.findAll().forEach(h -> fresh.get(h.getPlatform()).add(h.getUnitCode()));
      configured = now = fresh;
      readAt = Instant.now();
    }
    return now.get(platform);
  }

  @Transactional(readOnly = true)
  Optional<Target> target(String unitCode, WebhookPlatform platform) {
    return repository.findByUnitCodeAndPlatform(unitCode, platform)
        .map(h -> new Target(h.getUnitCode(), h.getPlatform(), h.getUrl(), h.getSecret()));
  }

  private void requireUnit(String unitCode) {
    if (!organisation.unitExists(unitCode)) {
      throw DomainException.notFound("没有这个单位：" + unitCode);
    }
  }

  private void checkAddress(WebhookPlatform platform, String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw DomainException.invalid("url", "回调地址不是有效的网址");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
    if (uri.getHost() == null || !(scheme.equals("https") || (settings.allowHttp() && scheme.equals("http")))) {
      throw DomainException.invalid("url", "回调地址须以 https:// 开头");
    }
    if (uri.getUserInfo() != null || uri.getFragment() != null) {
      throw DomainException.invalid("url", "回调地址不能包含用户名、密码或 # 片段");
    }
    String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
    if (platform == WebhookPlatform.WECOM && !query.contains("key=")) {
      throw DomainException.invalid("url", "企业微信群机器人的地址应含 key=…（在群机器人的“Webhook 地址”中复制）");
    }
    if (platform == WebhookPlatform.DINGTALK && !query.contains("access_token=")) {
      throw DomainException.invalid("url", "钉钉群机器人的地址应含 access_token=…（在机器人设置的“Webhook”中复制）");
    }
  }

  private WebhookView view(UnitWebhook h) {
    return new WebhookView(h.getUnitCode(), organisation.unitName(h.getUnitCode()), h.getPlatform(),
        h.getPlatform().label(), maskedUrl(h.getUrl()), h.getSecret() != null, hint(h.getSecret()), h.getUpdatedBy(),
        OffsetDateTime.ofInstant(h.getUpdatedAt(), Time.ZONE));
  }

  /** The address with every query value masked but its last 4 characters (the robot's key or token). */
  static String maskedUrl(String url) {
    int q = url.indexOf('?');
    if (q < 0) {
      return url;
    }
    StringBuilder b = new StringBuilder(url.substring(0, q + 1));
    String[] pairs = url.substring(q + 1).split("&");
    for (int i = 0; i < pairs.length; i++) {
      int eq = pairs[i].indexOf('=');
      b.append(i > 0 ? "&" : "").append(eq < 0 ? pairs[i] : pairs[i].substring(0, eq + 1) + hint(pairs[i].substring(eq + 1)));
    }
    return b.toString();
  }

  static String hint(String secret) {
    if (secret == null || secret.isEmpty()) {
      return null;
    }
    return "****" + (secret.length() > 8 ? secret.substring(secret.length() - 4) : "");
  }
}
