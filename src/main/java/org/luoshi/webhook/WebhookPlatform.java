package org.luoshi.webhook;

/** Where a unit's officials read their messages: a group robot, or the unit's own HTTPS endpoint. */
public enum WebhookPlatform {
  /** 企业微信群机器人: POST JSON to the robot's URL, which carries its key. */
  WECOM("企业微信群机器人"),
  /** 钉钉群机器人 (加签): POST JSON to the robot's URL with timestamp and sign (HmacSHA256 of "timestamp\nsecret"). */
  DINGTALK("钉钉群机器人"),
  /** A generic HTTPS webhook: JSON body, signed with HMAC-SHA256 over the body in X-Luoshi-Signature. */
  WEBHOOK("HTTPS 回调");

  private final String label;

  WebhookPlatform(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
