package org.luoshi.webhook;

import jakarta.validation.Valid;
import java.util.Arrays;
import java.util.List;
import org.luoshi.common.Bounded;
import org.luoshi.common.DomainException;
import org.luoshi.identity.CurrentUser;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * /api/units/{unitCode}/webhooks: a unit's WeChat Work / DingTalk group robot or HTTPS webhook, kept
 * by the office or an administrator. Secrets go in, never out: answers show whether one is set and
 * its last characters, and the robot's key in the address masked the same way.
 */
@RestController
class WebhookController {

  private final UnitWebhooks webhooks;
  private final CurrentUser user;

  WebhookController(UnitWebhooks webhooks, CurrentUser user) {
    this.webhooks = webhooks;
    this.user = user;
  }

  @Bounded(scope = UnitWebhooks.SCOPE)
  record WebhookRequest(String url, String secret) {}

  @GetMapping("/api/units/{unitCode}/webhooks")
  List<UnitWebhooks.WebhookView> list(@PathVariable String unitCode) {
    requireOffice();
    return webhooks.of(unitCode);
  }

  @PutMapping("/api/units/{unitCode}/webhooks/{platform}")
  UnitWebhooks.WebhookView set(@PathVariable String unitCode, @PathVariable String platform,
      @Valid @RequestBody(required = false) WebhookRequest request) {
    requireOffice();
    if (request == null) {
      throw DomainException.invalid("url", "缺少请求体：请填写回调地址");
    }
    return webhooks.set(unitCode, platform(platform), request.url(), request.secret(), user.id());
  }

  @DeleteMapping("/api/units/{unitCode}/webhooks/{platform}")
  ResponseEntity<Void> remove(@PathVariable String unitCode, @PathVariable String platform) {
    requireOffice();
    webhooks.remove(unitCode, platform(platform));
    return ResponseEntity.noContent().build();
  }

  private void requireOffice() {
    if (!user.isOffice() && !user.isAdmin()) {
      throw DomainException.forbidden("只有督查室或系统管理员可以配置单位的消息机器人");
    }
  }

  private static WebhookPlatform platform(String name) {
    return Arrays.stream(WebhookPlatform.values()).filter(p -> p.name().equalsIgnoreCase(name)).findFirst()
        .orElseThrow(() -> DomainException.notFound("没有这种平台：" + name + "（可选 WECOM 企业微信、DINGTALK 钉钉、WEBHOOK HTTPS 回调）"));
  }
}
