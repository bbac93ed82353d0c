package org.luoshi.testsupport;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real SMTP peer for Spring tests (GreenMail) on a free port of its own, so parallel test runs
 * never meet: {@code static final TestSmtp SMTP = TestSmtp.start();} and in a
 * {@code @DynamicPropertySource} method {@code SMTP.register(registry)}. It can be stopped and
 * started again on the same port to play a mail server outage.
 */
public final class TestSmtp {

  private final int port;
  private GreenMail server;

  private TestSmtp(int port) {
    this.port = port;
  }

  public static TestSmtp start() {
    TestSmtp smtp = new TestSmtp(freePort());
    smtp.up();
    return smtp;
  }

  /** Points the application's mail (spring.mail.host/port) at this server. */
  public void register(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> port);
  }

  public int port() {
    return port;
  }

  public synchronized void up() {
    if (server == null) {
      server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      server.start();
    }
  }

  /** The mail server goes away: connections are refused until {@link #up()}. */
  public synchronized void down() {
    if (server != null) {
      server.stop();
      server = null;
    }
  }

  public synchronized void purge() {
    if (server != null) {
      try {
        server.purgeEmailFromAllMailboxes();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** Every mail received since the last purge. */
  public synchronized List<MimeMessage> received() {
    return server == null ? List.of() : Arrays.asList(server.getReceivedMessages());
  }

  /** The mails received for one address. */
  public List<MimeMessage> to(String address) {
    return received().stream().filter(m -> recipients(m).contains(address)).toList();
  }

  public static List<String> recipients(MimeMessage m) {
    try {
      Address[] all = m.getAllRecipients();
      return all == null ? List.of() : Arrays.stream(all).map(Address::toString).toList();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String subject(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The decoded text of a plain-text mail. */
  public static String text(MimeMessage m) {
    try {
      return m.getContent().toString();
    } catch (MessagingException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
