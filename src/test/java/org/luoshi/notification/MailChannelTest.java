package org.luoshi.notification;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.luoshi.identity.Person;
import org.luoshi.testsupport.TestSmtp;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mock.env.MockEnvironment;

/** How the mail channel reads SMTP outcomes: sent, refused for good, or worth a retry. */
class MailChannelTest {

  /** A sender whose server refuses one address for good and is over quota for another. */
  static class Server extends JavaMailSenderImpl {
    @Override
    protected void doSend(MimeMessage[] messages, Object[] originals) {
      Map<Object, Exception> failed = new LinkedHashMap<>();
      for (MimeMessage m : messages) {
        String to = TestSmtp.recipients(m).get(0);
        try {
          if (to.startsWith("gone@")) {
            failed.put(m, new SendFailedException("550 5.1.1 user unknown", null, new InternetAddress[0],
                new InternetAddress[0], new InternetAddress[] {new InternetAddress(to)}));
          } else if (to.startsWith("full@")) {
            failed.put(m, new MessagingException("452 4.2.2 mailbox full"));
          }
        } catch (MessagingException e) {
          throw new IllegalStateException(e);
        }
      }
      if (!failed.isEmpty()) {
        throw new MailSendException(failed);
      }
    }
  }

  final NotificationPreferenceRepository noChoices = (NotificationPreferenceRepository) java.lang.reflect.Proxy
      .newProxyInstance(getClass().getClassLoader(), new Class<?>[] {NotificationPreferenceRepository.class},
          (proxy, method, args) -> method.getName().equals("findById") ? Optional.empty() : null);

  MailChannel channel(String host) {
    StaticListableBeanFactory beans = new StaticListableBeanFactory();
    beans.addBean("mailSender", new Server());
    NotificationSettings settings = new NotificationSettings(null, null, null, null, null, null, null);
    return new MailChannel(beans.getBeanProvider(JavaMailSender.class), new MockEnvironment()
        .withProperty("spring.mail.host", host), new MailTemplates(settings), settings, noChoices);
  }

  static NotificationChannel.Message to(String address) {
    return new NotificationChannel.Message("u", "某某", address, "ITEM_ISSUED", "标题", "正文", null, Instant.now());
  }

  @Test
  void mailIsOnOnlyWithAnSmtpHost() {
    assertThat(channel("").enabled()).isFalse();
    assertThat(channel("smtp.example.gov.cn").enabled()).isTrue();
  }

  @Test
  void aPersonIsReachedAtTheirProfilesAddress() {
    MailChannel mail = channel("smtp.example.gov.cn");
    assertThat(mail.address(new Person("t1a", "甲一", " t1a@test.example "))).contains("t1a@test.example");
    assertThat(mail.address(new Person("t1c", "丙一", null))).isEmpty();
    assertThat(mail.address(new Person("t1d", "丁一", " "))).isEmpty();
  }

  @Test
  void eachMessagesOutcomeIsReportedOnItsOwn() {
    var ok = to("ok@test.example");
    var gone = to("gone@test.example");
    var full = to("full@test.example");
    var malformed = to("not an address");
    List<NotificationChannel.Failure> failures = channel("smtp.example.gov.cn").send(List.of(ok, gone, full, malformed));

    assertThat(failures).extracting(NotificationChannel.Failure::message).containsExactlyInAnyOrder(gone, full, malformed);
    assertThat(failures).filteredOn(f -> f.message() == gone).singleElement()
        .satisfies(f -> assertThat(f.permanent()).isTrue())
        .satisfies(f -> assertThat(f.reason()).startsWith("邮件服务器拒收该地址"));
    assertThat(failures).filteredOn(f -> f.message() == full).singleElement()
        .satisfies(f -> assertThat(f.permanent()).isFalse())
        .satisfies(f -> assertThat(f.reason()).contains("mailbox full"));
    assertThat(failures).filteredOn(f -> f.message() == malformed).singleElement()
        .satisfies(f -> assertThat(f.permanent()).isTrue());
  }

  /** A server that takes every message and keeps the Message-ID it would go out with. */
  static class Recorder extends JavaMailSenderImpl {
    final List<String> ids = new java.util.ArrayList<>();

    @Override
    protected void doSend(MimeMessage[] messages, Object[] originals) {
      try {
        for (MimeMessage m : messages) {
          m.saveChanges(); // as the transport does before it sends
          ids.add(m.getMessageID());
        }
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  @Test
  void everyAttemptAtOneDeliveryCarriesTheSameMessageIdSoARepeatIsRecognisable() {
    Recorder server = new Recorder();
    StaticListableBeanFactory beans = new StaticListableBeanFactory();
    beans.addBean("mailSender", server);
    NotificationSettings settings = new NotificationSettings(null, null, null, null, null, null, null);
    MailChannel mail = new MailChannel(beans.getBeanProvider(JavaMailSender.class), new MockEnvironment()
        .withProperty("spring.mail.host", "smtp.example.gov.cn"), new MailTemplates(settings), settings, noChoices);
    Instant at = Instant.now();
    var first = new NotificationChannel.Message("u", "某某", "u@test.example", "ITEM_ISSUED", "标题", "正文", null, at,
        "ITEM_ISSUED:ZR-2026-0001:u|EMAIL");
    var other = new NotificationChannel.Message("v", "某某", "v@test.example", "ITEM_ISSUED", "标题", "正文", null, at,
        "ITEM_ISSUED:ZR-2026-0001:v|EMAIL");

    assertThat(mail.send(List.of(first))).isEmpty();
    assertThat(mail.send(List.of(first))).as("sent again after a crash before its SENT record").isEmpty();
    assertThat(mail.send(List.of(other))).isEmpty();

    assertThat(server.ids).hasSize(3);
    assertThat(server.ids.get(0)).isEqualTo(server.ids.get(1)).isEqualTo(MailChannel.messageId(first.key()))
        .matches("<[0-9a-f]{32}\\.notice@luoshi>");
    assertThat(server.ids.get(2)).isNotEqualTo(server.ids.get(0));
  }
}
