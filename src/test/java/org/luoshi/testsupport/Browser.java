package org.luoshi.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium for browser tests (*BrowserIT): Debian's /usr/bin/chromium driven by
 * /usr/bin/chromedriver (Selenium Manager never runs, nothing is downloaded), a fresh profile per
 * browser, a Chinese browser by default (UI language and Accept-Language zh-CN) in Beijing time,
 * screenshots under target/screenshots/ for a person to look at.
 *
 * <p>Use it through {@link BrowserExtension}, which skips the test class when Chromium is not
 * installed (unless {@code luoshi.browser.required=true}, as on CI), hands each test a browser
 * pointed at the running application, takes a screenshot when a test fails and closes it:
 *
 * <pre>{@code
 * @LuoshiIT
 * @ExtendWith(BrowserExtension.class)
 * class TasklistBrowserIT {
 *   @Test void unitMemberSeesChineseTasklist(Browser browser) {
 *     browser.login("tasklist", "t1a", TestOrganisation.PASSWORD);
 *     browser.waitForText("本单位待办");
 *     browser.screenshot("tasklist-t1a");
 *   }
 * }
 * }</pre>
 */
public final class Browser implements AutoCloseable {

  public static final Path CHROMIUM = Path.of(System.getProperty("luoshi.browser.chromium", "/usr/bin/chromium"));
  public static final Path CHROMEDRIVER =
      Path.of(System.getProperty("luoshi.browser.chromedriver", "/usr/bin/chromedriver"));
  public static final Path SCREENSHOTS = Path.of("target", "screenshots");
  /** How long a wait for the page may take (the webapps load a few MB of scripts). */
  public static final Duration TIMEOUT = Duration.ofSeconds(60); // generous: CI machines are small and busy

  private final String baseUrl;
  private final Path profile;
  private final ChromeDriverService service;
  private final ChromeDriver driver;

  private Browser(String baseUrl, String language) {
    this.baseUrl = baseUrl;
    try {
      this.profile = Files.createTempDirectory("luoshi-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-default-apps", "--disable-extensions", "--no-first-run", "--no-default-browser-check",
        "--window-size=1440,900", "--lang=" + language, "--user-data-dir=" + profile);
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", acceptLanguage(language)));
    // every request the page makes is logged (Network.requestWillBeSent), see requestedUrls()
    options.setCapability("goog:loggingPrefs", Map.of("performance", "ALL"));
    this.service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort()
        .withEnvironment(Map.of("TZ", "Asia/Shanghai")) // the district's time zone, whatever the machine's
        .build();
    this.driver = new ChromeDriver(service, options);
    // headless Chromium keeps navigator.language at en-US whatever --lang says; form-js date pickers
    // take their format (yyyy/mm/dd for zh) from it, as in a Chinese official's browser
    driver.executeCdpCommand("Emulation.setLocaleOverride", Map.of("locale", language));
    driver.manage().timeouts().pageLoadTimeout(TIMEOUT);
  }

  /** A Chinese browser (zh-CN) on the application at {@code baseUrl}, e.g. http://localhost:8080. */
  public static Browser open(String baseUrl) {
    return open(baseUrl, "zh-CN");
  }

  /** A browser whose UI language and Accept-Language are {@code language}, e.g. "en-US". */
  public static Browser open(String baseUrl, String language) {
    requireInstalled();
    return new Browser(baseUrl, language);
  }

  /** Whether Chromium and its driver are installed here. */
  public static boolean installed() {
    return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
  }

  /** Whether a missing Chromium must fail the browser tests rather than skip them (CI). */
  public static boolean required() {
    return Boolean.getBoolean("luoshi.browser.required");
  }

  static void requireInstalled() {
    if (!installed()) {
      throw new IllegalStateException("Browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
          + " (Debian packages chromium, chromium-driver, fonts-wqy-zenhei: see .ci/browser-deps)");
    }
  }

  private static String acceptLanguage(String language) {
    String primary = language.contains("-") ? language.substring(0, language.indexOf('-')) : language;
    return primary.equals(language) ? language : language + "," + primary;
  }

  public WebDriver driver() {
    return driver;
  }

  public String baseUrl() {
    return baseUrl;
  }

  /** Opens a path of the application, e.g. "/camunda/app/tasklist/". */
  public Browser go(String path) {
    driver.get(baseUrl + path);
    return this;
  }

  /**
   * Logs into a Camunda webapp (tasklist, cockpit, admin, welcome) through its login form and
   * waits until the signed-in page shows.
   */
  public Browser login(String app, String user, String password) {
    openLogin(app);
    // on a busy machine the login form may still be settling while keys arrive and lose some of them;
    // a wrong password would then lock the account for a while: type until both fields hold what was meant
    for (int attempt = 0; ; attempt++) {
      WebElement name = driver.findElement(By.cssSelector(LOGIN_FORM + " input[type=text]"));
      name.clear();
      name.sendKeys(user);
      WebElement secret = driver.findElement(By.cssSelector(LOGIN_FORM + " input[type=password]"));
      secret.clear();
      secret.sendKeys(password);
      if ((user.equals(name.getDomProperty("value")) && password.equals(secret.getDomProperty("value"))) || attempt == 4) {
        break;
      }
    }
    driver.findElement(By.cssSelector(LOGIN_FORM + " button[type=submit]")).click();
    try {
      waitFor(By.cssSelector(SIGNED_IN));
    } catch (org.openqa.selenium.TimeoutException e) {
      throw new AssertionError(user + " could not log into " + app + "; the page shows:\n" + text(), e);
    }
    return this;
  }

  /**
   * Signs out whoever is signed in (their session cookies go) and logs {@code user} in: one browser
   * for several people, with the webapps' scripts already in its cache.
   */
  public Browser loginAs(String app, String user, String password) {
    if (driver.getCurrentUrl().startsWith(baseUrl)) {
      driver.manage().deleteAllCookies();
    }
    return login(app, user, password);
  }

  /** Opens a webapp's login page and waits for its form. */
  public Browser openLogin(String app) {
    go("/camunda/app/" + app + "/default/#/login");
    waitFor(By.cssSelector(LOGIN_FORM + " button[type=submit]"));
    return this;
  }

  /** The login form of the Camunda webapps. */
  public static final String LOGIN_FORM = "form[name=signinForm]";
  /** Shown in a webapp's header once someone is signed in: their name with the account menu. */
  public static final String SIGNED_IN = "[cam-widget-header] .account";

  /** Tasklist: opens "发起流程", picks the process by its name and waits for its start form. */
  public Browser openStartForm(String processName) {
    click(By.xpath("//a[normalize-space(.)='发起流程']"));
    By process = By.xpath("//ul[contains(@class,'processes')]//a[normalize-space(.)='" + processName + "']");
    By form = By.cssSelector(".modal-body .fjs-form, .modal-body form");
    click(process);
    // a click while the dialog still slides in or redraws its list is lost: click again while the list is there
    for (int attempt = 1; attempt < 4 && !driver.findElements(process).isEmpty(); attempt++) {
      try {
        wait(Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(form));
        return this;
      } catch (org.openqa.selenium.TimeoutException stillThere) {
        if (!driver.findElements(process).isEmpty()) {
          click(process);
        }
      }
    }
    waitFor(form);
    return this;
  }

  /** Tasklist: chooses a filter by its name (e.g. "本单位待办") and waits for its list. */
  public Browser openFilter(String filterName) {
    click(By.xpath("//*[contains(@class,'task-filter')]//h4[contains(@class,'name')]/a[starts-with(normalize-space(.),'"
        + filterName + "')]"));
    waitUntil(d -> !d.findElements(By.xpath("//*[contains(@class,'task-filter') and contains(@class,'active')]"
        + "//a[starts-with(normalize-space(.),'" + filterName + "')]")).isEmpty());
    return this;
  }

  /** Tasklist: the names of the filters shown, in their order (without the chosen one's task count). */
  public List<String> filterNames() {
    waitFor(By.cssSelector(".task-filter .name a"));
    return texts(".task-filter .name a").stream().map(t -> t.replaceAll("\\s*\\(?\\d+\\)?$", "")).toList();
  }

  /** Tasklist: opens a task of the current list by its name and waits for its form. */
  public Browser openTask(String taskName) {
    click(By.xpath("//*[contains(@class,'tasks-list')]//h4/a[normalize-space(.)='" + taskName + "']"));
    waitForText(taskName);
    return this;
  }

  /** A field of a Camunda Form (form-js) by its label, e.g. field("事项名称"). */
  public WebElement field(String label) {
    WebElement l = waitFor(By.xpath("//label[contains(@class,'fjs-form-field-label')][normalize-space(.)='"
        + label + "' or normalize-space(.)='" + label + "*']"));
    return driver.findElement(By.id(l.getAttribute("for")));
  }

  /** Types a value into a Camunda Form field found by its label. */
  public Browser fill(String label, String value) {
    WebElement input = field(label);
    input.clear();
    // a form-js number field keeps its text through clear(): select it and type over it
    input.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), org.openqa.selenium.Keys.DELETE);
    input.sendKeys(value);
    return this;
  }

  /** A Camunda Form (form-js) field's whole block by its label (label, input, description, errors). */
  public WebElement formField(String label) {
    return waitFor(By.xpath("//div[contains(@class,'fjs-form-field ') or contains(@class,'fjs-form-field-')]"
        + "[./label[contains(@class,'fjs-form-field-label')][normalize-space(.)='" + label + "' or normalize-space(.)='"
        + label + "*']][1]"));
  }

  /**
   * Chooses an option of a form-js select by the text a person reads (e.g. choose("责任单位", "测试一局")):
   * opens the list, types the name into a searchable one, clicks the option.
   */
  public Browser choose(String label, String option) {
    WebElement field = formField(label);
    List<WebElement> search = field.findElements(By.cssSelector("input.fjs-input"));
    if (!search.isEmpty()) {
      search.get(0).click();
      search.get(0).sendKeys(option);
    } else {
      field.findElement(By.cssSelector(".fjs-select-display")).click();
    }
    clickOption(field, option);
    return this;
  }

  /** Adds an option to a form-js taglist (a list of units or people) by typing its name and clicking it. */
  public Browser tag(String label, String option) {
    WebElement field = formField(label);
    WebElement input = field.findElement(By.cssSelector("input"));
    input.click();
    input.sendKeys(option);
    clickOption(field, option);
    return this;
  }

  private void clickOption(WebElement field, String option) {
    WebElement item = wait(TIMEOUT).until(d -> field.findElements(By.cssSelector(".fjs-dropdownlist-item")).stream()
        .filter(e -> e.getText().trim().equals(option)).findFirst().orElse(null));
    // form-js picks an option on mousedown
    new org.openqa.selenium.interactions.Actions(driver).moveToElement(item).click().perform();
  }

  /** The options a form-js select or taglist offers (opened and closed again). */
  public List<String> options(String label) {
    WebElement field = formField(label);
    List<WebElement> search = field.findElements(By.cssSelector("input.fjs-input, .fjs-taglist input"));
    if (!search.isEmpty()) {
      search.get(0).click();
    } else {
      field.findElement(By.cssSelector(".fjs-select-display")).click();
    }
    wait(TIMEOUT).until(d -> !field.findElements(By.cssSelector(".fjs-dropdownlist-item")).isEmpty());
    List<String> texts = field.findElements(By.cssSelector(".fjs-dropdownlist-item")).stream()
        .map(e -> e.getText().trim()).toList();
    script("document.activeElement && document.activeElement.blur();"); // closes the list (Esc would close a dialog)
    wait(TIMEOUT).until(d -> field.findElements(By.cssSelector(".fjs-dropdownlist-item")).isEmpty());
    return texts;
  }

  /** Types a whole date (yyyy/MM/dd, as the zh-CN date picker reads it) into a form-js date field. */
  public Browser date(String label, java.time.LocalDate day) {
    WebElement input = field(label);
    script("arguments[0].value = arguments[1];"
        + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));", input,
        day.format(java.time.format.DateTimeFormatter.ofPattern("yyyy/MM/dd")));
    input.sendKeys(org.openqa.selenium.Keys.ENTER);
    return this;
  }

  /** Picks a form-js radio option by its label. */
  public Browser radio(String option) {
    WebElement label = waitFor(By.xpath("//label[contains(@class,'fjs-form-field-label')][normalize-space(.)='"
        + option + "']"));
    // long forms scroll inside Tasklist's pane, under its footer: click the way a mouse on the label would
    script("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", label);
    return this;
  }

  /** Where an element is on the screen: {x, y, width, height} in CSS pixels. */
  public org.openqa.selenium.Rectangle rect(By by) {
    return waitFor(by).getRect();
  }

  /** Clicks the enabled button whose text is exactly {@code text}, e.g. "发起", "认领", "完成". */
  public Browser press(String text) {
    return click(By.xpath("//button[normalize-space(.)='" + text + "' and not(@disabled)]"));
  }

  /** Waits until an element is visible and returns it. */
  public WebElement waitFor(By by) {
    return wait(TIMEOUT).until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  /** Waits until the page's visible text contains all of {@code texts}. */
  public Browser waitForText(String... texts) {
    try {
      waitUntil(d -> {
        String body = text();
        return Stream.of(texts).allMatch(body::contains);
      });
    } catch (org.openqa.selenium.TimeoutException e) {
      String body = text();
      List<String> missing = Stream.of(texts).filter(t -> !body.contains(t)).toList();
      throw new AssertionError("Page " + driver.getCurrentUrl() + " does not show " + missing
          + " within " + TIMEOUT.toSeconds() + " s; it shows:\n" + body, e);
    }
    return this;
  }

  /** Waits until a condition on the driver holds. */
  public Browser waitUntil(java.util.function.Function<WebDriver, Boolean> condition) {
    wait(TIMEOUT).until(condition::apply);
    return this;
  }

  /** Waits until Angular's pending HTTP requests have settled and the page text stops changing. */
  public Browser settle() {
    String[] last = {null};
    wait(TIMEOUT).pollingEvery(Duration.ofMillis(400)).until(d -> {
      String now = text();
      boolean same = now.equals(last[0]);
      last[0] = now;
      return same && !now.isBlank();
    });
    return this;
  }

  /** Moves the mouse to the window's top left corner, so no tooltip hides what a screenshot shows. */
  public Browser restMouse() {
    new org.openqa.selenium.interactions.Actions(driver).moveToLocation(1, 1).perform();
    return this;
  }

  /** Clicks the element, waiting until it can be clicked (again, when a list redraws under the mouse). */
  public Browser click(By by) {
    for (int attempt = 1; ; attempt++) {
      WebElement element = wait(TIMEOUT).until(ExpectedConditions.elementToBeClickable(by));
      try {
        try {
          element.click();
        } catch (org.openqa.selenium.ElementClickInterceptedException covered) {
          // Tasklist's footer overlays the bottom of a long form: bring the element up and click it there
          script("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", element);
        }
        return this;
      } catch (org.openqa.selenium.StaleElementReferenceException redrawn) {
        if (attempt == 5) {
          throw redrawn;
        }
      }
    }
  }

  /** The visible text of the page. */
  public String text() {
    try {
      return driver.findElement(By.tagName("body")).getText();
    } catch (org.openqa.selenium.WebDriverException e) {
      return "";
    }
  }

  /** The visible texts of all elements matching {@code css}. */
  public List<String> texts(String css) {
    return driver.findElements(By.cssSelector(css)).stream().map(WebElement::getText).map(String::trim).toList();
  }

  public Object script(String js, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(js, args);
  }

  private final List<String> requested = new java.util.ArrayList<>();

  /**
   * Every URL the browser has requested since it opened (pages, scripts, styles, fonts, images,
   * XHR/fetch), from Chromium's network log.
   */
  public List<String> requestedUrls() {
    for (var entry : driver.manage().logs().get(org.openqa.selenium.logging.LogType.PERFORMANCE)) {
      String message = entry.getMessage();
      if (message.contains("\"Network.requestWillBeSent\"")) {
        try {
          var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(message);
          requested.add(json.path("message").path("params").path("request").path("url").asText());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return List.copyOf(requested);
  }

  /**
   * The requests over the network (http, https, ws, wss) that went anywhere but the application's
   * origin. Chromium's own pages (chrome://, the blank tab it opens with) and data:/blob: URLs never
   * leave the browser and are not counted.
   */
  public List<String> requestsOffOrigin() {
    return requestedUrls().stream()
        .filter(u -> u.matches("(?i)^(https?|wss?)://.*"))
        .filter(u -> !u.startsWith(baseUrl + "/") && !u.equals(baseUrl))
        .toList();
  }

  /** Saves a PNG of the window as target/screenshots/{name}.png and returns its path. */
  public Path screenshot(String name) {
    try {
      restMouse();
      Files.createDirectories(SCREENSHOTS);
      Path file = SCREENSHOTS.resolve(name.replaceAll("[^A-Za-z0-9._-]", "_") + ".png");
      Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private WebDriverWait wait(Duration timeout) {
    return new WebDriverWait(driver, timeout, Duration.ofMillis(200));
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      service.close();
      deleteProfile();
    }
  }

  private void deleteProfile() {
    try (Stream<Path> files = Files.walk(profile)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary directory: the OS cleans it up in the end
    }
  }
}
