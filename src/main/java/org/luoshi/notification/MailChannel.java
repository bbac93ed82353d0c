package org.luoshi.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.Date;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.luoshi.engine.Time;
import org.luoshi.identity.Person;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * E-mail through Spring Mail, on when {@code spring.mail.host} is set. A person is reached at the
 * e-mail address of their Camunda profile unless they turned e-mail off. Each notice is rendered
 * with its Chinese template; a batch goes over one SMTP connection, and each message's outcome is
 * reported on its own.
 */
@Component
class MailChannel implements NotificationChannel {

  static final String NAME = "EMAIL";
  private static final Logger LOG = LoggerFactory.getLogger(MailChannel.class);

  private final ObjectProvider<JavaMailSender> sender;
  private final Environment environment;
  private final MailTemplates templates;
  private final NotificationSettings settings;
  private final NotificationPreferenceRepository preferences;

  MailChannel(ObjectProvider<JavaMailSender> sender, Environment environment, MailTemplates templates,
      NotificationSettings settings, NotificationPreferenceRepository preferences) {
    this.sender = sender;
    this.environment = environment;
    this.templates = templates;
    this.settings = settings;
    this.preferences = preferences;
  }

  @Override
  public String name() {
    return NAME;
  }

  /** On when an SMTP host is configured (and so Spring Boot offers a mail sender). */
  @Override
  public boolean enabled() {
    String host = environment.getProperty("spring.mail.host");
    return host != null && !host.isBlank() && sender.getIfAvailable() != null;
  }

  @Override
  public Optional<String> address(Person person) {
    String email = person.email();
    if (email == null || email.isBlank() || !emailEnabledFor(person.id())) {
      return Optional.empty();
    }
    return Optional.of(email.strip());
  }

  /** The person's choice; on unless they turned it off. */
  boolean emailEnabledFor(String userId) {
    return preferences.findById(userId).map(NotificationPreference::isEmailEnabled).orElse(true);
  }

  @Override
  public List<Failure> send(List<Message> messages) {
    List<Failure> failures = new ArrayList<>();
    if (messages.isEmpty()) {
      return failures;
    }
    JavaMailSender mail = sender.getObject();
    Map<MimeMessage, Message> prepared = new IdentityHashMap<>();
    List<MimeMessage> batch = new ArrayList<>();
    for (Message m : messages) {
      try {
        MimeMessage mime = prepare(mail, m);
        prepared.put(mime, m);
        batch.add(mime);
      } catch (MessagingException | UnsupportedEncodingException | RuntimeException e) {
        // a malformed address in a profile: no retry helps until someone corrects it
        failures.add(new Failure(m, "无法生成邮件（地址 " + m.address() + "）：" + e.getMessage(), true));
      }
    }
    if (batch.isEmpty()) {
      return failures;
    }
    try {
      mail.send(batch.toArray(MimeMessage[]::new));
    } catch (MailSendException e) {
      Map<Object, Exception> failed = e.getFailedMessages();
      if (failed.isEmpty()) {
        batch.forEach(mime -> failures.add(failure(prepared.get(mime), e)));
      }
      failed.forEach((mime, cause) -> {
        Message m = prepared.get(mime);
        if (m != null) {
          failures.add(failure(m, cause));
        }
      });
    } catch (MailException e) {
      // authentication or connection trouble before any message went out
      batch.forEach(mime -> failures.add(failure(prepared.get(mime), e)));
    }
    if (!failures.isEmpty()) {
      LOG.warn("E-mail: {} of {} messages not sent: {}", failures.size(), messages.size(), failures.get(0).reason());
    }
    return failures;
  }

  private MimeMessage prepare(JavaMailSender mail, Message m) throws MessagingException, UnsupportedEncodingException {
    MailTemplates.Mail rendered = templates.render(m);
    MimeMessage mime = m.key() != null && mail instanceof JavaMailSenderImpl impl
        ? new KeyedMessage(impl.getSession(), messageId(m.key())) : mail.createMimeMessage();
    MimeMessageHelper helper = new MimeMessageHelper(mime, false, "UTF-8");
    helper.setFrom(settings.mail().from(), settings.mail().fromName());
    helper.setTo(m.address());
    helper.setSubject(rendered.subject());
    helper.setText(rendered.body(), false);
    helper.setSentDate(Date.from(Time.now()));
    mime.setHeader("X-Luoshi-Notice", m.type());
    return mime;
  }

  /**
   * {@code <hash of the delivery key>@luoshi}: the same for every attempt at one delivery, so a mail
   * that went out twice (a crash between sending and recording it) is recognisable as one.
   */
  static String messageId(String deliveryKey) {
    try {
      byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
          .digest(deliveryKey.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return "<" + java.util.HexFormat.of().formatHex(hash, 0, 16) + ".notice@luoshi>";
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A MimeMessage that keeps the Message-ID it is given (JavaMail would make up a new one). */
  private static final class KeyedMessage extends MimeMessage {
    private final String id;

    KeyedMessage(jakarta.mail.Session session, String id) {
      super(session);
      this.id = id;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", id);
    }
  }

  private static Failure failure(Message m, Exception cause) {
    boolean permanent = refusedAddress(cause);
    return new Failure(m, (permanent ? "邮件服务器拒收该地址：" : "邮件发送失败：") + describe(cause), permanent);
  }

  /** The server refused the recipient's address (5xx to RCPT TO): retrying cannot help. */
  private static boolean refusedAddress(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SendFailedException s && s.getInvalidAddresses() != null && s.getInvalidAddresses().length > 0) {
        return true;
      }
    }
    return false;
  }

  private static String describe(Throwable e) {
    StringBuilder b = new StringBuilder();
    for (Throwable t = e; t != null && b.length() < 600; t = t.getCause()) {
      if (!b.isEmpty()) {
        b.append(" ← ");
      }
      b.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
      if (t.getCause() == t) {
        break;
      }
    }
    return b.toString();
  }
}
