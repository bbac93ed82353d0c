package org.luoshi.interview;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.luoshi.engine.Privileged;
import org.luoshi.engine.Time;
import org.springframework.stereotype.Component;

/** Interviews as the API, the ledger and other capabilities read them, with people's names. */
@Component
class InterviewViews {

  private final InterviewRepository repository;
  private final IdentityService identity;
  private final Privileged privileged;

  InterviewViews(InterviewRepository repository, IdentityService identity, Privileged privileged) {
    this.repository = repository;
    this.identity = identity;
    this.privileged = privileged;
  }


  InterviewView view(Interview i) {
    return views(List.of(i)).get(0);
  }

  List<InterviewView> views(List<Interview> interviews) {
    if (interviews.isEmpty()) {
      return List.of();
    }
    Map<String, List<String>> followUps = new HashMap<>();
    for (Object[] row : repository.followUpsOf(interviews.stream().map(Interview::getCode).toList())) {
      followUps.computeIfAbsent((String) row[0], k -> new ArrayList<>()).add((String) row[1]);
    }
    Set<String> people = new LinkedHashSet<>();
    for (Interview i : interviews) {
      people.add(i.getInterviewer());
      people.addAll(i.intervieweeIds());
    }
    Map<String, String> names = names(people);
    return interviews.stream().map(i -> view(i, names, followUps.getOrDefault(i.getCode(), List.of()))).toList();
  }

  private static InterviewView view(Interview i, Map<String, String> allNames, List<String> followUps) {
    Map<String, String> names = new LinkedHashMap<>();
    names.put(i.getInterviewer(), allNames.getOrDefault(i.getInterviewer(), i.getInterviewer()));
    i.intervieweeIds().forEach(u -> names.put(u, allNames.getOrDefault(u, u)));
    List<InterviewView.Schedule> history = new ArrayList<>();
    List<ScheduleEntry> schedule = i.schedule();
    for (int n = 0; n < schedule.size(); n++) {
      ScheduleEntry s = schedule.get(n);
      history.add(new InterviewView.Schedule(n + 1, Time.at(s.scheduledAt()), s.place(), s.reason(), s.changedBy(),
          Time.at(s.changedAt()), Time.at(s.notifiedAt())));
    }
    return new InterviewView(i.getCode(), i.getProcessInstanceId(), i.getStatus(), i.getStatus().label(),
        i.getTrigger(), i.getTrigger().label(), i.getMethod(), i.getMethod().label(), i.getEarlierInterviews(),
        i.getInterviewer(), i.getInterviewerLevel(), i.intervieweeIds(),
        i.getStatus() == InterviewStatus.HELD || i.getStatus() == InterviewStatus.RECORDED
            ? i.attendeeIds() : List.of(),
        names, Time.at(i.scheduledAt()), i.place(), i.getSubject(), i.getRelatedItemCode(), i.getFollowUpOf(),
        followUps, i.getOutline(), Time.at(i.getHeldAt()), i.getRecord(), i.getOutcome(),
        i.getOutcome() == null ? null : i.getOutcome().label(), i.getRectificationRequired(),
        i.getRectificationDeadline(), i.getRecordedBy(), Time.at(i.getRecordedAt()), i.getCancelledBy(),
        Time.at(i.getCancelledAt()), i.getCancelReason(), i.getOrigin(), i.getStartedBy(), Time.at(i.getCreatedAt()),
        history);
  }

  /** The names of people, in one identity query. */
  Map<String, String> names(Collection<String> userIds) {
    Map<String, String> names = new LinkedHashMap<>();
    if (userIds.isEmpty()) {
      return names;
    }
    List<User> users = privileged.call(() ->
        identity.createUserQuery().userIdIn(userIds.toArray(String[]::new)).list());
    Map<String, String> found = new HashMap<>();
    for (User u : users) {
      String name = (u.getLastName() == null ? "" : u.getLastName()) + (u.getFirstName() == null ? "" : u.getFirstName());
      found.put(u.getId(), name.isBlank() ? u.getId() : name);
    }
    userIds.forEach(u -> names.put(u, found.getOrDefault(u, u)));
    return names;
  }
}
