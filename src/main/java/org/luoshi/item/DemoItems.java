package org.luoshi.item;

import java.time.LocalDate;
import java.util.List;
import org.luoshi.engine.Time;
import org.luoshi.identity.DemoOrganisation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * With the demo district, a first start also issues a few responsibility items (as 督查室 王磊), so
 * Tasklist and the ledger are not empty: new items for several units, a leader's instruction, and
 * one migrated from an earlier ledger that is overdue at once. Only when no item exists yet;
 * {@code luoshi.demo.items=false} turns it off.
 */
@Component
@Order(10)
class DemoItems implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(DemoItems.class);

  private final DemoOrganisation demo;
  private final Items items;
  private final JdbcTemplate jdbc;
  private final boolean wanted;

  DemoItems(DemoOrganisation demo, Items items, JdbcTemplate jdbc,
      @Value("${luoshi.demo.items:true}") boolean wanted) {
    this.demo = demo;
    this.items = items;
    this.jdbc = jdbc;
    this.wanted = wanted;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!wanted || !demo.enabled() || anyItem()) {
      return;
    }
    LocalDate today = Time.today();
    List<IssueRequest> demoItems = List.of(
        new IssueRequest("城镇新增就业3000人", ItemSource.KEY_TASK, "RSJ", "zhangjianguo", today.plusDays(35),
            "全年城镇新增就业3000人，零就业家庭动态清零", null, null, ItemCategory.ECONOMY, null),
        new IssueRequest("落实区委主要领导关于农民工工资清欠的批示", ItemSource.INSTRUCTION, "RSJ", "liuhong",
            today.plusDays(20), "春节前在建项目农民工工资全部清欠到位", null, today.minusDays(10),
            ItemCategory.GOVERNANCE, null),
        new IssueRequest("魏岭乡百合产业扶贫项目", ItemSource.DECISION, "WLX", "yangfan", today.minusDays(3),
            "建成百合种植基地500亩，带动贫困户200户增收", null, today.minusDays(90), ItemCategory.POVERTY, null),
        new IssueRequest("敦煌路街道“门前三包”责任制整治", ItemSource.COMMITTEE, "DHL", "chenzhiqiang",
            today.plusDays(60), "主次干道“门前三包”责任制全覆盖", null, null, ItemCategory.GOVERNANCE, null),
        // led by 区住建局, with 西站街道 and 区发改局 as co-responsible units (协办单位)
        new IssueRequest("西站片区配套道路建设攻坚", ItemSource.KEY_TASK, "ZJJ", "chenzhiqiang", today.plusDays(90),
            "完成配套道路主体工程，年内具备通车条件", null, null, ItemCategory.PROJECTS, null, List.of("XZJ", "FGJ")),
        new IssueRequest("基层党建“书记项目”推进", ItemSource.KEY_TASK, "XZJ", "yangfan", today.plusDays(45),
            "每个社区确定一个书记项目并按季度推进", null, null, ItemCategory.PARTY_BUILDING, null));
    demoItems.forEach(r -> items.create(r, "wanglei"));
    LOG.info("Demo: issued {} responsibility items to the demo units", demoItems.size());
  }

  /**
   * Whether any item exists, asked in SQL: on an existing database this is all a start-up does here, and
   * through the item repository it would build that (lazily bootstrapped) repository first, its queries
   * parsed before the server is ready.
   */
  private boolean anyItem() {
    return !jdbc.queryForList("select id from ls_item fetch first 1 rows only", Long.class).isEmpty();
  }
}
