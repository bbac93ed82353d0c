package org.luoshi.report;

import jakarta.persistence.criteria.Predicate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.luoshi.common.Json;
import org.luoshi.common.Texts;
import org.luoshi.engine.Time;
import org.luoshi.identity.AccessPolicy;
import org.luoshi.identity.Groups;
import org.luoshi.identity.Organisation;
import org.luoshi.identity.Unit;
import org.luoshi.notification.Notice;
import org.luoshi.notification.Notifications;
import org.luoshi.common.DomainException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The periodic reports: generated as a draft, reviewed and submitted by the office with a
 * foreword (按语), approved or returned by the principal leaders, then published to every unit
 * with the next issue number (期数) of the year. The content is a snapshot: regenerated only while
 * the office holds the draft, never after it is published.
 */
@Service
public class Reports {

  /** Notice type of a published report. */
  public static final String NOTICE_PUBLISHED = "REPORT_PUBLISHED";
  static final int FOREWORD_MAX = 4000;
  static final int COMMENT_MAX = 2000;


  private final ReportRepository repository;
  private final ReportBuilder builder;
  private final Organisation organisation;
  private final AccessPolicy access;
  private final Notifications notifications;

  Reports(ReportRepository repository, ReportBuilder builder, Organisation organisation, AccessPolicy access,
      Notifications notifications) {
    this.repository = repository;
    this.builder = builder;
    this.organisation = organisation;
    this.access = access;
    this.notifications = notifications;
  }

  /** Whether there is already a report of this kind and period (in flight or published). */
  @Transactional(readOnly = true)
  public boolean exists(ReportPeriod period) {
    return repository.findByKindAndPeriod(period.kind(), period.name()).isPresent();
  }

  /** Generates the draft of a new report; a second report of the same kind and period is refused. */
  @Transactional
  public Report create(ReportPeriod period, String createdBy, String processInstanceId) {
    repository.findByKindAndPeriod(period.kind(), period.name()).ifPresent(r -> {
      throw DomainException.conflict("period", period.title() + "已有一份（" + r.getStatus().label()
          + "，编号 " + r.getId() + "），同一期间只能有一份" + period.kind().label());
    });
    Instant now = Time.now();
    try {
      return repository.saveAndFlush(new Report(period.kind(), period.name(), json(builder.build(period)),
          createdBy == null ? "system" : createdBy, processInstanceId, now));
    } catch (DataIntegrityViolationException startedAtTheSameMoment) {
      throw DomainException.conflict("period", period.title() + "已有一份，同一期间只能有一份" + period.kind().label());
    }
  }

  /**
   * The report's process ended without publishing it (cancelled in Cockpit): its draft goes, so the
   * office can start that kind and period again. A published report is never touched.
   */
  @Transactional
  public boolean withdrawUnpublished(long id) {
    return repository.findById(id).filter(r -> r.getStatus() != ReportStatus.PUBLISHED).map(r -> {
      repository.delete(r);
      return true;
    }).orElse(false);
  }

  /** Builds the content again from today's data, while the office holds the draft. */
  @Transactional
  public Report regenerate(long id) {
    Report r = report(id);
    requireStatus(r, "regenerate", ReportStatus.DRAFT, ReportStatus.RETURNED);
    r.regenerate(json(builder.build(period(r))), Time.now());
    return r;
  }

  /** The office submits the draft with its foreword to the principal leaders. */
  @Transactional
  public Report submit(long id, String foreword, String by) {
    Report r = report(id);
    requireStatus(r, "foreword", ReportStatus.DRAFT, ReportStatus.RETURNED);
    r.submit(Texts.text(foreword, "foreword", "按语", FOREWORD_MAX, true), by, Time.now());
    return r;
  }

  /** A principal leader approves, or returns with a comment (then required). */
  @Transactional
  public Report decide(long id, boolean approved, String comment, String by) {
    Report r = report(id);
    requireStatus(r, "approved", ReportStatus.SUBMITTED);
    String text = Texts.text(comment, "approvalComment", "审批意见", COMMENT_MAX, !approved);
    if (approved) {
      r.approve(text, by, Time.now());
    } else {
      r.returnToOffice(text, by, Time.now());
    }
    return r;
  }

  /**
   * Publishes an approved report: the next issue number of the year, and a notice with the link
   * to every unit's staff, the leaders and the principal leaders. Again for a published report
   * (a retried job) it changes nothing and notifies nobody twice.
   */
  @Transactional
  public Report publish(long id, String by) {
    Report r = report(id);
    if (r.getStatus() != ReportStatus.PUBLISHED) {
      requireStatus(r, "status", ReportStatus.APPROVED);
      int year = Time.today().getYear();
      r.publish(year, repository.lastIssueNumber(year) + 1, by, Time.now());
      repository.flush();
    }
    ReportContent c = content(r);
    String title = c.title() + "（" + r.getIssueYear() + "年第" + r.getIssueNumber() + "期）";
    notifications.send(new Notice(NOTICE_PUBLISHED, "已发布：" + title,
        c.kindLabel() + "已经主要领导审定发布，请各单位认真对照、抓好落实。", link(r), NOTICE_PUBLISHED + ":" + r.getId()),
        audience());
    return r;
  }

  static String link(Report r) {
    return "/api/reports/" + r.getId() + "/html";
  }

  /** Everyone a published report goes to: each unit's staff, the leaders, the principal leaders and the office. */
  private Set<String> audience() {
    Set<String> people = new LinkedHashSet<>();
    for (Unit u : organisation.units()) {
      people.addAll(organisation.unitMembers(u.code()));
    }
    people.addAll(organisation.members(Groups.LEADERS));
    people.addAll(organisation.members(Groups.PRINCIPAL_LEADERS));
    people.addAll(access.officeMembers());
    return people;
  }

  // reading -------------------------------------------------------------------------------------

  @Transactional(readOnly = true)
  public Report report(long id) {
    return repository.findById(id).orElseThrow(() -> DomainException.notFound("没有这份报告：" + id));
  }

  @Transactional(readOnly = true)
  public Report byProcessInstance(String processInstanceId) {
    return repository.findByProcessInstanceId(processInstanceId)
        .orElseThrow(() -> new IllegalStateException("No report for process instance " + processInstanceId));
  }

  /** A report the reader may see: everything for those who see all, published ones for everyone else. */
  @Transactional(readOnly = true)
  public Report visible(long id, boolean seesAll) {
    Report r = report(id);
    if (!seesAll && r.getStatus() != ReportStatus.PUBLISHED) {
      throw DomainException.notFound("没有这份报告：" + id);
    }
    return r;
  }

  /** Reports, newest first, of a kind and a year of their period; only published ones unless the reader sees all. */
  @Transactional(readOnly = true)
  public List<ReportView> list(ReportKind kind, Integer year, boolean seesAll) {
    if (year != null && (year < 2000 || year > 2100)) {
      throw DomainException.invalid("year", "年份应在 2000 到 2100 之间：" + year);
    }
    Specification<Report> spec = (root, query, cb) -> {
      List<Predicate> where = new ArrayList<>();
      if (kind != null) {
        where.add(cb.equal(root.get("kind"), kind));
      }
      if (year != null) {
        where.add(cb.like(root.get("period"), year + "-%"));
      }
      if (!seesAll) {
        where.add(cb.equal(root.get("status"), ReportStatus.PUBLISHED));
      }
      return cb.and(where.toArray(Predicate[]::new));
    };
    return repository.findAll(spec, Sort.by(Sort.Order.desc("period"), Sort.Order.desc("id"))).stream()
        .map(r -> view(r, false)).toList();
  }

  public ReportContent content(Report r) {
    return Json.readStored(r.getContent(), ReportContent.class);
  }

  public ReportView view(Report r, boolean withContent) {
    ReportContent c = content(r);
    return new ReportView(r.getId(), r.getKind(), r.getKind().label(), r.getPeriod(), c.periodLabel(), c.title(),
        r.getStatus(), r.getStatus().label(), r.getIssueYear(), r.getIssueNumber(), r.getForeword(),
        r.getApprovalComment(), r.getProcessInstanceId(), r.getCreatedBy(), Time.at(r.getCreatedAt()),
        Time.at(r.getGeneratedAt()), r.getSubmittedBy(), Time.at(r.getSubmittedAt()), r.getApprovedBy(),
        Time.at(r.getApprovedAt()), r.getPublishedBy(), Time.at(r.getPublishedAt()),
        "/api/reports/" + r.getId() + "/html", "/api/reports/" + r.getId() + ".xlsx", withContent ? c : null);
  }

  static ReportPeriod period(Report r) {
    return ReportPeriod.parse(r.getKind().name(), r.getPeriod());
  }

  // ---------------------------------------------------------------------------------------------

  private static void requireStatus(Report r, String field, ReportStatus... allowed) {
    for (ReportStatus s : allowed) {
      if (r.getStatus() == s) {
        return;
      }
    }
    throw DomainException.conflict(field, "报告" + r.getStatus().label() + "，不能进行此操作");
  }

  static String json(ReportContent content) {
    return Json.write(content);
  }
}
