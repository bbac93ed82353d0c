package org.luoshi.identity;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.luoshi.engine.DatabaseInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A demo district shaped like Qilihe's: the supervision office, four leaders in charge, two
 * principal leaders and sixteen units (bureaus, streets, townships) with two or three staff each.
 * On by default on the embedded database, off on PostgreSQL unless {@code luoshi.demo.enabled=true}.
 * Seeding is idempotent: what exists is left as an administrator may have changed it.
 */
@Component
@Order(1)
public class DemoOrganisation implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(DemoOrganisation.class);
  private static final String MAIL_DOMAIN = "qilihe.example";

  record Staff(String id, String lastName, String firstName) {}

  record DemoUnit(String code, String name, List<Staff> staff) {}

  static final List<Staff> OFFICE = List.of(
      new Staff("wanglei", "王", "磊"), new Staff("zhaomin", "赵", "敏"), new Staff("sunli", "孙", "丽"));
  static final List<Staff> LEADERS = List.of(
      new Staff("zhangjianguo", "张", "建国"), new Staff("liuhong", "刘", "红"),
      new Staff("chenzhiqiang", "陈", "志强"), new Staff("yangfan", "杨", "帆"));
  static final List<Staff> PRINCIPALS = List.of(
      new Staff("maweidong", "马", "卫东"), new Staff("hezhenhua", "何", "振华"));

  static final List<DemoUnit> UNITS = List.of(
      new DemoUnit("RSJ", "区人社局", List.of(
          new Staff("lijing", "李", "静"), new Staff("zhoupeng", "周", "鹏"), new Staff("wuxia", "吴", "霞"))),
      new DemoUnit("MZJ", "区民政局", List.of(new Staff("xuming", "徐", "明"), new Staff("hujuan", "胡", "娟"))),
      new DemoUnit("FGJ", "区发改局", List.of(
          new Staff("guoqiang", "郭", "强"), new Staff("linyan", "林", "燕"), new Staff("hetao", "何", "涛"))),
      new DemoUnit("ZJJ", "区住建局", List.of(new Staff("luobin", "罗", "斌"), new Staff("gaoyan", "高", "岩"))),
      new DemoUnit("JYJ", "区教育局", List.of(new Staff("zhengxin", "郑", "欣"), new Staff("liangchen", "梁", "晨"))),
      new DemoUnit("WJJ", "区卫计局", List.of(new Staff("songjia", "宋", "佳"), new Staff("tangwei", "唐", "伟"))),
      new DemoUnit("CZJ", "区财政局", List.of(new Staff("hanxue", "韩", "雪"), new Staff("fengjun", "冯", "军"))),
      new DemoUnit("CGJ", "区城管局", List.of(
          new Staff("dongliang", "董", "亮"), new Staff("xiaohui", "肖", "慧"), new Staff("caolei", "曹", "磊"))),
      new DemoUnit("FPB", "区扶贫办", List.of(new Staff("tianye", "田", "野"), new Staff("pangli", "庞", "丽"))),
      new DemoUnit("ZXB", "区政协办公室", List.of(new Staff("yuanfang", "袁", "芳"), new Staff("dengke", "邓", "可"))),
      new DemoUnit("WLX", "魏岭乡", List.of(
          new Staff("jiangtao", "蒋", "涛"), new Staff("lumin", "陆", "敏"), new Staff("weigang", "魏", "刚"))),
      new DemoUnit("HYX", "黄峪乡", List.of(new Staff("duhai", "杜", "海"), new Staff("yeqing", "叶", "青"))),
      new DemoUnit("DHL", "敦煌路街道", List.of(
          new Staff("chengjie", "程", "杰"), new Staff("suyue", "苏", "悦"), new Staff("panxu", "潘", "旭"))),
      new DemoUnit("XZJ", "西站街道", List.of(new Staff("dingning", "丁", "宁"), new Staff("renhao", "任", "浩"))),
      new DemoUnit("JLL", "建兰路街道", List.of(new Staff("shenyu", "沈", "宇"), new Staff("yaoli", "姚", "丽"))),
      new DemoUnit("AGZ", "阿干镇", List.of(new Staff("qinfeng", "秦", "峰"), new Staff("jiayun", "贾", "云"))));

  private final Accounts accounts;
  private final IdentityProperties properties;
  private final DatabaseInfo database;
  private final PeopleVisibility visibility;
  private final ProcessEngineConfigurationImpl engine;

  DemoOrganisation(Accounts accounts, IdentityProperties properties, DatabaseInfo database,
      PeopleVisibility visibility, ProcessEngineConfiguration engine) {
    this.accounts = accounts;
    this.properties = properties;
    this.database = database;
    this.visibility = visibility;
    this.engine = (ProcessEngineConfigurationImpl) engine;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (enabled()) {
      seed();
    }
  }

  public boolean enabled() {
    String setting = properties.demo().enabled();
    if (setting == null || setting.isBlank() || setting.equalsIgnoreCase("auto")) {
      return database.isEmbedded();
    }
    return Boolean.parseBoolean(setting.trim());
  }

  /** Creates what is missing of the demo district; returns how many users it created. */
  public int seed() {
    int[] created = {0};
    visibility.deferring(engine, () -> created[0] = seedAll());
    return created[0];
  }

  private int seedAll() {
    String configured = properties.demo().password();
    boolean given = configured != null && !configured.isBlank();
    String password = given ? configured : null;
    int created = 0;

    for (DemoUnit unit : UNITS) {
      accounts.ensureGroup(Groups.unit(unit.code()), unit.name(), Groups.UNIT_TYPE);
    }
    record Placement(Staff staff, String groupId) {}
    var placements = new java.util.ArrayList<Placement>();
    OFFICE.forEach(s -> placements.add(new Placement(s, Groups.SUPERVISION_OFFICE)));
    LEADERS.forEach(s -> placements.add(new Placement(s, Groups.LEADERS)));
    PRINCIPALS.forEach(s -> placements.add(new Placement(s, Groups.PRINCIPAL_LEADERS)));
    UNITS.forEach(u -> u.staff().forEach(s -> placements.add(new Placement(s, Groups.unit(u.code())))));

    for (Placement p : placements) {
      Staff s = p.staff();
      if (!accounts.userExists(s.id())) {
        if (password == null) {
          password = Passwords.generate();
        }
        accounts.createUser(s.id(), s.lastName(), s.firstName(), s.id() + "@" + MAIL_DOMAIN, password);
        created++;
      } else if (given) {
        accounts.ensurePassword(s.id(), password);
      }
      accounts.ensureMembership(s.id(), p.groupId());
    }
    if (created > 0 && !given) {
      LOG.warn("""

          ================================================================
           演示账号 / demo accounts (password shown only this once)
             督查室 office:       wanglei, zhaomin, sunli
             分管领导 leaders:     zhangjianguo, liuhong, chenzhiqiang, yangfan
             主要领导 principals:  maweidong, hezhenhua
             单位 unit staff:      lijing (区人社局), jiangtao (魏岭乡), chengjie (敦煌路街道) …
             password:            {}
           Set LUOSHI_DEMO_PASSWORD to choose it yourself.
          ================================================================""", password);
    } else if (created > 0) {
      LOG.info("Demo organisation: {} users created with the password from LUOSHI_DEMO_PASSWORD", created);
    }
    return created;
  }
}
