package org.luoshi.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.luoshi.common.DomainException;
import org.luoshi.engine.Time;
import org.luoshi.identity.AccessPolicy;
import org.luoshi.identity.Organisation;
import org.luoshi.item.ItemFacts;
import org.luoshi.item.ItemInstructions;
import org.luoshi.item.ItemLookup;
import org.luoshi.item.Viewer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Formal documents of an item (督办通知单, 督办函, 整改通知书) as .docx from templates the office
 * may replace. The first time the office (or an administrator) opens a kind for an item, the
 * document is issued: it takes the next number of its kind in the year (督办〔2026〕3号) and keeps
 * it. Everyone who may see the item may then download it; before that, only the office may issue it.
 */
@Service
public class Documents {

  private static final Logger LOG = LoggerFactory.getLogger(Documents.class);

  private final ItemLookup items;
  private final ItemInstructions instructions;
  private final Organisation organisation;
  private final AccessPolicy access;
  private final IssuedDocumentRepository issued;
  private final DocumentCounterRepository counters;
  private final DocumentSettings settings;
  private final TransactionTemplate newTransaction;

  Documents(ItemLookup items, ItemInstructions instructions, Organisation organisation, AccessPolicy access,
      IssuedDocumentRepository issued, DocumentCounterRepository counters, DocumentSettings settings,
      PlatformTransactionManager transactions) {
    this.items = items;
    this.instructions = instructions;
    this.organisation = organisation;
    this.access = access;
    this.issued = issued;
    this.counters = counters;
    this.settings = settings;
    this.newTransaction = new TransactionTemplate(transactions);
    this.newTransaction.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
  }

  /** A filled document and the name it is downloaded under. */
  public record Generated(String fileName, byte[] content) {}

  /** What the item page lists: each kind, and its number once issued. */
  public record DocumentView(String kind, String title, String number, String issuedBy, String issuedByName,
      OffsetDateTime issuedAt, String url) {}

  @Transactional(readOnly = true)
  public List<DocumentView> list(String code, Viewer viewer) {
    ItemFacts item = items.visible(code, viewer);
    Map<DocumentKind, IssuedDocument> byKind = new LinkedHashMap<>();
    issued.findByItemCodeOrderByIssuedAtAscIdAsc(item.code()).forEach(d -> byKind.put(d.getKind(), d));
    return java.util.Arrays.stream(DocumentKind.values()).map(k -> {
      IssuedDocument d = byKind.get(k);
      return new DocumentView(k.path(), k.title(), d == null ? null : d.numberText(), d == null ? null : d.getIssuedBy(),
          d == null ? null : organisation.nameOf(d.getIssuedBy()),
          d == null ? null : OffsetDateTime.ofInstant(d.getIssuedAt(), Time.ZONE),
          "/api/items/" + item.code() + "/documents/" + k.path() + ".docx");
    }).toList();
  }

  /**
   * The document of a kind for an item: 404 for an unknown item or kind, 403 for someone else's
   * item, 409 when it has not been issued yet and the caller is not the office.
   */
  @Transactional
  public Generated generate(String code, String kindPath, Viewer viewer) {
    DocumentKind kind = DocumentKind.ofPath(kindPath)
        .orElseThrow(() -> DomainException.notFound("没有这种文书：" + kindPath + "（可选 notice、letter、rectification）"));
    ItemFacts item = items.visible(code, viewer);
    IssuedDocument document = issued.findByItemCodeAndKind(item.code(), kind).orElse(null);
    if (document == null) {
      if (!issues(viewer.userId())) {
        throw DomainException.conflict(null, "督查室尚未印发此事项的" + kind.title());
      }
      document = issue(item.code(), kind, viewer.userId());
    }
    byte[] content;
    try (InputStream template = template(kind)) {
      content = DocxTemplate.fill(template, values(item, kind, document));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Generated(kind.title() + "-" + item.code() + ".docx", content);
  }

  private boolean issues(String userId) {
    return access.isOfficeOrAdmin(userId);
  }

  /** Takes the next number of the kind this year, under the lock of its counter; the same item asks once. */
  private IssuedDocument issue(String code, DocumentKind kind, String by) {
    int year = Time.today().getYear();
    String key = DocumentCounter.key(kind, year);
    DocumentCounter counter = counters.lock(key).orElseGet(() -> {
      createCounter(key);
      return counters.lock(key).orElseThrow();
    });
    // a colleague who issued it while we waited for the lock
    var already = issued.findByItemCodeAndKind(code, kind);
    if (already.isPresent()) {
      return already.get();
    }
    IssuedDocument d = issued.saveAndFlush(new IssuedDocument(code, kind, year, counter.next(), by, Time.now()));
    LOG.info("Issued {} {} for item {} by {}", kind.path(), d.numberText(), code, by);
    return d;
  }

  private void createCounter(String key) {
    try {
      newTransaction.executeWithoutResult(s -> counters.saveAndFlush(new DocumentCounter(key)));
    } catch (DataIntegrityViolationException alreadyCreated) {
      // another transaction created it first
    }
  }

  /** The office's template of the kind when configured and present, else the default in the jar. */
  private InputStream template(DocumentKind kind) throws IOException {
    if (settings.templateDir() != null) {
      Path own = Path.of(settings.templateDir()).resolve(kind.path() + ".docx");
      if (Files.isRegularFile(own)) {
        return Files.newInputStream(own);
      }
    }
    return new ClassPathResource("documents/" + kind.path() + ".docx").getInputStream();
  }

  private Map<String, String> values(ItemFacts item, DocumentKind kind, IssuedDocument document) {
    LocalDate today = Time.today();
    Map<String, String> v = new LinkedHashMap<>();
    v.put("district", settings.district());
    v.put("number", document.numberText());
    v.put("title", kind.title());
    v.put("unitName", item.unitName());
    v.put("itemCode", item.code());
    v.put("itemTitle", item.title());
    v.put("sourceName", item.sourceName());
    v.put("target", item.target());
    v.put("measures", item.measures() == null ? "" : item.measures());
    v.put("leadLeaderName", item.leadLeaderName());
    v.put("responsiblePersonName", item.responsiblePersonName() == null ? "（尚未明确）" : item.responsiblePersonName());
    v.put("issuedOn", chinese(item.issuedOn()));
    v.put("deadline", chinese(item.deadline()));
    v.put("progressPercent", String.valueOf(item.progressPercent()));
    v.put("statusName", item.statusName());
    v.put("situation", situation(item, today));
    v.put("requirements", requirements(item, kind));
    v.put("date", chinese(today));
    return v;
  }

  private static String situation(ItemFacts item, LocalDate today) {
    if (item.overdue()) {
      return "已逾期 " + ChronoUnit.DAYS.between(item.deadline(), today) + " 天，尚未完成";
    }
    long left = ChronoUnit.DAYS.between(today, item.deadline());
    return "距完成时限还有 " + left + " 天，" + item.statusName();
  }

  private String requirements(ItemFacts item, DocumentKind kind) {
    StringBuilder b = new StringBuilder();
    b.append("一、工作目标：").append(item.target());
    b.append("\n二、落实措施：").append(item.measures() == null ? "请尽快制定落实方案，明确责任人和时间节点" : item.measures());
    var said = instructions.of(item.code());
    int n = 3;
    if (!said.isEmpty()) {
      var last = said.get(said.size() - 1);
      b.append("\n三、领导批示：").append(last.authorName()).append("批示“").append(last.text()).append("”，请认真抓好落实");
      n++;
    }
    b.append('\n').append(n == 3 ? "三" : "四").append("、").append(kind.request()).append("，完成时限 ")
        .append(chinese(item.deadline())).append("。");
    return b.toString();
  }

  /** 2026年6月10日. */
  static String chinese(LocalDate d) {
    return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
  }
}
