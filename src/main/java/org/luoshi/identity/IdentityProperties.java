package org.luoshi.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Passwords come from the environment, never from the repository:
 * LUOSHI_ADMIN_PASSWORD → {@code luoshi.admin-password}, LUOSHI_DEMO_PASSWORD → {@code
 * luoshi.demo.password}; LUOSHI_DEMO_ENABLED → {@code luoshi.demo.enabled} (auto, true, false).
 */
@ConfigurationProperties("luoshi")
public record IdentityProperties(String adminPassword, Demo demo) {

  public IdentityProperties {
    demo = demo == null ? new Demo("auto", "") : demo;
  }

  public record Demo(String enabled, String password) {}
}
