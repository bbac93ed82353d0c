package org.luoshi.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.IdentityService;
import org.luoshi.common.Json;
import org.luoshi.identity.Groups;
import org.luoshi.identity.Organisation;
import org.luoshi.identity.PeopleVisibility;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The engine's user directory ({@code /user…} on /engine-rest and the webapps' engine API) for
 * anyone but an administrator. Which people a caller sees at all is decided by engine
 * authorizations ({@link org.luoshi.identity.PeopleVisibility}: a unit its colleagues, the office
 * and the leaders), so lists, counts and paging agree; this filter adds what authorizations cannot
 * say:
 *
 * <ul>
 *   <li>e-mail addresses are left out of user profiles, except the caller's own;
 *   <li>no looking people up by e-mail ({@code email}, {@code emailLike}, sorting by it);
 *   <li>whose groups someone is in ({@code group?member=}, {@code identity/groups?userId=}) only
 *       about oneself, unless one sees everyone anyway (the office, the leaders);
 *   <li>profiles are the organisation's record, kept by administrators in Admin: no one changes
 *       names or e-mail (their own included: a clerk renamed "王磊" would pass for the office's
 *       王磊 in Tasklist) or deletes a user; changing one's own password stays possible.
 * </ul>
 */
class UserDirectoryFilter extends OncePerRequestFilter {


  private final IdentityService identity;
  private final Organisation organisation;

  UserDirectoryFilter(IdentityService identity, Organisation organisation) {
    this.identity = identity;
    this.organisation = organisation;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    List<String> resources = EnginePaths.engineResources(request);
    boolean list = resources.stream().anyMatch(r -> r.equals("/user") || r.equals("/user/count"));
    boolean profile = resources.stream().anyMatch(r -> r.matches("/user/[^/]+/profile"));
    boolean user = resources.stream().anyMatch(r -> r.matches("/user/[^/]+"));
    boolean groups = resources.stream().anyMatch(r -> r.equals("/group") || r.equals("/group/count")
        || r.equals("/identity/groups"));
    if (!list && !profile && !user && !groups) {
      chain.doFilter(request, response);
      return;
    }
    String caller = Callers.userId(request, identity);
    if (caller == null || organisation.isMember(caller, Groups.ADMIN)) {
      chain.doFilter(request, response); // unauthenticated requests are answered by the engine's filters
      return;
    }
    String method = request.getMethod();
    if (groups) {
      if (aboutSomeoneElse(request, caller) && !seesEveryone(caller)) {
        ErrorResponses.write(response, 403, "member", "只能查询本人所在的用户组");
        return;
      }
      chain.doFilter(request, response);
      return;
    }
    if (list && byEmail(request)) {
      ErrorResponses.write(response, 403, "email", "只有系统管理员可以按邮箱查找人员");
      return;
    }
    if ((profile && "PUT".equals(method)) || (user && "DELETE".equals(method))) {
      ErrorResponses.write(response, 403, null, "人员资料由系统管理员在管理台（Admin）中维护");
      return;
    }
    if (!"GET".equals(method) || !(list || profile)) {
      chain.doFilter(request, response);
      return;
    }
    var buffered = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, buffered);
    byte[] body = buffered.getContentAsByteArray();
    String type = buffered.getContentType();
    if (buffered.getStatus() == 200 && body.length > 0 && type != null && type.contains("json")) {
      JsonNode tree = Json.mapper().readTree(body);
      if (withoutOthersEmail(tree, caller)) {
        byte[] changed = Json.mapper().writeValueAsBytes(tree);
        buffered.resetBuffer();
        buffered.getOutputStream().write(changed);
      }
    }
    buffered.copyBodyToResponse();
  }

  private boolean seesEveryone(String caller) {
    List<String> groups = organisation.groupIdsOf(caller);
    return PeopleVisibility.SHARED_GROUPS.stream().anyMatch(groups::contains);
  }

  /** A group query about another person's memberships (any spelling of the parameter). */
  private static boolean aboutSomeoneElse(HttpServletRequest request, String caller) {
    for (var parameter : request.getParameterMap().entrySet()) {
      String n = parameter.getKey().toLowerCase(Locale.ROOT);
      if (n.equals("member") || n.equals("userid")) {
        for (String v : parameter.getValue()) {
          if (!caller.equals(v)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static boolean byEmail(HttpServletRequest request) {
    for (String name : request.getParameterMap().keySet()) {
      String n = name.toLowerCase(Locale.ROOT);
      if (n.equals("email") || n.equals("emaillike")) {
        return true;
      }
    }
    String[] sortBy = request.getParameterValues("sortBy");
    if (sortBy != null) {
      for (String s : sortBy) {
        if (s != null && s.toLowerCase(Locale.ROOT).contains("email")) {
          return true;
        }
      }
    }
    return false;
  }

  /** Removes the e-mail of every profile but the caller's; whether anything changed. */
  static boolean withoutOthersEmail(JsonNode tree, String caller) {
    boolean changed = false;
    if (tree.isArray()) {
      for (JsonNode n : tree) {
        changed |= withoutOthersEmail(n, caller);
      }
    } else if (tree instanceof ObjectNode o && o.has("email")) {
      JsonNode id = o.get("id");
      if (id == null || !caller.equals(id.asText())) {
        o.remove("email");
        changed = true;
      }
    }
    return changed;
  }
}
