package org.luoshi.notification;

import org.luoshi.engine.Time;
import org.luoshi.identity.Organisation;
import org.luoshi.identity.Person;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Each person decides for themselves whether notices also come by e-mail (default: yes). */
@Service
class Preferences {

  private final NotificationPreferenceRepository repository;
  private final Organisation organisation;
  private final MailChannel mail;

  Preferences(NotificationPreferenceRepository repository, Organisation organisation, MailChannel mail) {
    this.repository = repository;
    this.organisation = organisation;
    this.mail = mail;
  }

  /** {@code GET/PUT /api/notifications/preferences}: the choice, the address mail goes to, whether mail is set up here. */
  record View(boolean email, String emailAddress, boolean mailServer) {}

  @Transactional(readOnly = true)
  public View of(String userId) {
    return view(userId, mail.emailEnabledFor(userId));
  }

  @Transactional
  public View setEmail(String userId, boolean enabled) {
    repository.findById(userId).ifPresentOrElse(
        p -> p.setEmailEnabled(enabled, Time.now()),
        () -> repository.save(new NotificationPreference(userId, enabled, Time.now())));
    return view(userId, enabled);
  }

  private View view(String userId, boolean email) {
    String address = organisation.person(userId).map(Person::email).filter(e -> e != null && !e.isBlank()).orElse(null);
    return new View(email, address, mail.enabled());
  }
}
