package org.luoshi.testsupport;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Logs into a Camunda webapp the way a browser does: session cookie, CSRF token, same origin. */
public class WebappSession {

  private final String base;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient client;

  public WebappSession(int port) {
    this.base = "http://localhost:" + port;
    this.client = HttpClient.newBuilder().cookieHandler(cookies).build();
  }

  /** Logs in to an app (tasklist, cockpit, admin); returns status and body of the login call. */
  public Http.Response login(String app, String user, String password) {
    return login(app, user, password, true);
  }

  public Http.Response login(String app, String user, String password, boolean withCsrfToken) {
    try {
      client.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/" + app + "/default/")).GET().build(),
          HttpResponse.BodyHandlers.discarding());
      String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
          + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
      var b = HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default/login/" + app))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .header("Origin", base)
          .header("Referer", base + "/camunda/app/" + app + "/default/")
          .POST(HttpRequest.BodyPublishers.ofString(form));
      if (withCsrfToken) {
        b.header("X-XSRF-TOKEN", csrfToken());
      }
      var r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
      // then the app opens, as in a browser (the session's CSRF token is made again if login renewed it)
      client.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/" + app + "/default/")).GET().build(),
          HttpResponse.BodyHandlers.discarding());
      return new Http.Response(r.statusCode(), r.body(), null);
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A request within this browser session (its cookies, no basic credentials); a write carries the
   * session's CSRF token (its XSRF-TOKEN cookie), as the webapps send every write.
   */
  public Http.Response request(String method, String path, String jsonBody) {
    return request(method, path, jsonBody, "GET".equals(method) ? null : csrfToken());
  }

  /** The CSRF token /api hands to a page of this session (the X-XSRF-TOKEN header of its answers). */
  public String apiCsrfToken() {
    try {
      var r = client.send(HttpRequest.newBuilder(URI.create(base + "/api/me")).header("Accept", "application/json")
          .header("X-Requested-With", "XMLHttpRequest").GET().build(), HttpResponse.BodyHandlers.discarding());
      return r.headers().firstValue("X-XSRF-TOKEN").orElse(null);
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A request within this browser session with this {@code X-XSRF-TOKEN} (none when null: a forged write). */
  public Http.Response request(String method, String path, String jsonBody, String csrfToken) {
    try {
      var b = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json")
          .header("X-Requested-With", "XMLHttpRequest");
      if (csrfToken != null) {
        // as the webapps send every write: the session's CSRF token, from the app's own origin
        b.header("X-XSRF-TOKEN", csrfToken).header("Origin", base).header("Referer", base + "/camunda/app/tasklist/default/");
      }
      if (jsonBody == null) {
        b.method(method, HttpRequest.BodyPublishers.noBody());
      } else {
        b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(jsonBody));
      }
      var r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Http.Response(r.statusCode(), r.body(), r.headers().firstValue("WWW-Authenticate").orElse(null));
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  public HttpCookie sessionCookie() {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("JSESSIONID")).findFirst().orElse(null);
  }

  private String csrfToken() {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue).findFirst().orElse("");
  }
}
