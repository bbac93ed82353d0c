package org.luoshi.interview;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface InterviewRepository extends JpaRepository<Interview, Long>, JpaSpecificationExecutor<Interview> {

  Optional<Interview> findByCode(String code);

  Optional<Interview> findByProcessInstanceId(String processInstanceId);

  List<Interview> findByRelatedItemCodeOrderByIdAsc(String relatedItemCode);

  @Query("select i.followUpOf, i.code from Interview i where i.followUpOf in :codes order by i.id")
  List<Object[]> followUpsOf(@Param("codes") Collection<String> codes);

  /** A person's interviews of a year that count as "earlier interviews" for the method rule. */
  @Query("""
      select count(distinct i.id) from Interview i join i.participants p
      where p.userId = :userId and i.startYear = :year
        and i.status <> :cancelled and i.method <> :followUp""")
  long countEarlier(@Param("userId") String userId, @Param("year") int year,
      @Param("cancelled") InterviewStatus cancelled, @Param("followUp") InterviewMethod followUp);

  @Query("""
      select i from Interview i
      where i.relatedItemCode = :itemCode and i.trigger = :trigger and i.status <> :cancelled
      order by i.id""")
  List<Interview> activeForItem(@Param("itemCode") String itemCode, @Param("trigger") InterviewTrigger trigger,
      @Param("cancelled") InterviewStatus cancelled);

  @Query("""
      select i from Interview i join i.participants p
      where i.origin = :origin and p.userId = :userId and i.status <> :cancelled
      order by i.id""")
  List<Interview> activeByOriginAndPerson(@Param("origin") String origin, @Param("userId") String userId,
      @Param("cancelled") InterviewStatus cancelled);

  @Query("select i from Interview i where i.followUpOf = :code and i.status <> :cancelled order by i.id")
  List<Interview> activeFollowUps(@Param("code") String code, @Param("cancelled") InterviewStatus cancelled);

  // statistics: held interviews and the interviewees who attended ---------------------------------

  String HELD_IN_PERIOD = """
      from Interview i join i.participants p
      where p.attended = true and i.heldAt >= :from and i.heldAt < :to and i.status in :held""";

  @Query("select count(distinct i.id), count(distinct p.userId), count(p.userId) " + HELD_IN_PERIOD)
  List<Object[]> heldTotals(@Param("from") Instant from, @Param("to") Instant to,
      @Param("held") Collection<InterviewStatus> held);

  @Query("select i.interviewerLevel, count(distinct i.id), count(distinct p.userId), count(p.userId) "
      + HELD_IN_PERIOD + " group by i.interviewerLevel")
  List<Object[]> heldByLevel(@Param("from") Instant from, @Param("to") Instant to,
      @Param("held") Collection<InterviewStatus> held);

  @Query("select i.trigger, count(distinct i.id), count(distinct p.userId), count(p.userId) "
      + HELD_IN_PERIOD + " group by i.trigger")
  List<Object[]> heldByTrigger(@Param("from") Instant from, @Param("to") Instant to,
      @Param("held") Collection<InterviewStatus> held);

  @Query("select i.method, count(distinct i.id), count(distinct p.userId), count(p.userId) "
      + HELD_IN_PERIOD + " group by i.method")
  List<Object[]> heldByMethod(@Param("from") Instant from, @Param("to") Instant to,
      @Param("held") Collection<InterviewStatus> held);

  @Query("select i.outcome, count(distinct i.id), count(distinct p.userId), count(p.userId) "
      + HELD_IN_PERIOD + " and i.outcome is not null group by i.outcome")
  List<Object[]> heldByOutcome(@Param("from") Instant from, @Param("to") Instant to,
      @Param("held") Collection<InterviewStatus> held);

  @Query("""
      select i from Interview i where i.heldAt >= :from and i.heldAt < :to and i.status in :held
      order by i.heldAt, i.id""")
  List<Interview> heldBetween(@Param("from") Instant from, @Param("to") Instant to,
      @Param("held") Collection<InterviewStatus> held);

  /** How often each person attended an interview held in the period (for the annual assessment). */
  @Query("select p.userId, count(distinct i.id) " + HELD_IN_PERIOD + " group by p.userId")
  List<Object[]> timesInterviewed(@Param("from") Instant from, @Param("to") Instant to,
      @Param("held") Collection<InterviewStatus> held);

  // YT-<year>-<number>: one counter row per year, incremented under its row lock ----------------

  @Modifying
  @Query(value = "update ls_interview_counter set last_number = last_number + 1 where counter_year = :year",
      nativeQuery = true)
  int incrementCounter(@Param("year") int year);

  @Query(value = "select last_number from ls_interview_counter where counter_year = :year", nativeQuery = true)
  Integer counter(@Param("year") int year);

  @Modifying
  @Query(value = "insert into ls_interview_counter (counter_year, last_number) values (:year, 0)",
      nativeQuery = true)
  int insertCounter(@Param("year") int year);
}
