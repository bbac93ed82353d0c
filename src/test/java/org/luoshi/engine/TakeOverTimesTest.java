package org.luoshi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * After a node dies, what it had claimed is taken over by another node within two minutes: the
 * engine's jobs once their lock expires (plus the other node's longest idle wait before it acquires
 * again), the outbox's deliveries once their lease expires (plus one poll). Read from the shipped
 * configuration, so raising one of these values past the bound fails here.
 */
class TakeOverTimesTest {

  private static final Duration BOUND = Duration.ofMinutes(2);

  @Test
  void aDeadNodesJobsAndMailClaimsAreTakenOverWithinTwoMinutes() throws Exception {
    List<PropertySource<?>> sources = new YamlPropertySourceLoader()
        .load("application", new ClassPathResource("application.yaml"));
    PropertySource<?> config = sources.get(0);

    Duration lock = Duration.ofMillis(Long.parseLong(value(config, "camunda.bpm.job-execution.lock-time-in-millis")));
    Duration idleWait = Duration.ofMillis(Long.parseLong(value(config, "camunda.bpm.job-execution.max-wait")));
    assertThat(lock.plus(idleWait)).as("job lock + longest acquisition back-off").isLessThanOrEqualTo(BOUND);

    Duration lease = DurationStyle.detectAndParse(value(config, "luoshi.notifications.outbox.lease"));
    Duration poll = DurationStyle.detectAndParse(value(config, "luoshi.notifications.outbox.poll-interval"));
    assertThat(lease.plus(poll)).as("outbox lease + poll interval").isLessThanOrEqualTo(BOUND);

    // a claim must outlast one send, or a slow mail server would see the same mail sent by two nodes
    Duration smtp = Duration.ofMillis(Long.parseLong(value(config, "spring.mail.properties.mail.smtp.connectiontimeout"))
        + Long.parseLong(value(config, "spring.mail.properties.mail.smtp.timeout"))
        + Long.parseLong(value(config, "spring.mail.properties.mail.smtp.writetimeout")));
    assertThat(lease).as("lease longer than one send's timeouts").isGreaterThan(smtp);
  }

  private static String value(PropertySource<?> config, String name) {
    Object v = config.getProperty(name);
    assertThat(v).as(name).isNotNull();
    return v.toString();
  }
}
