// Luoshi: Camunda Admin with names in Chinese order. The header names the administrator 王磊-style
// (not "管理员 系统"); the user lists of the user, group and tenant pages show 姓 before 名, and a
// user's page (its title and breadcrumb) names the person 督查一, not "查一 督". Editing keeps
// Camunda's two fields (名, 姓) as they are.
import {installShared, reordered, swap} from '../../luoshi/webapps.js';

const angular = window.angular;
const ngModule = angular.module('cam.admin.custom');
installShared(ngModule);

const LISTS = ['/users', '/groups/:groupId', '/tenants/:tenantId'];

function familyNameFirst(template) {
  let t = swap(template, "'USERS_FIRSTNAME'", "'USERS_LASTNAME'");
  t = swap(t, 'sort-by-property="firstName"', 'sort-by-property="lastName"');
  t = swap(t, '{{user.firstName}}', '{{user.lastName}}');
  t = swap(t, '{{ user.firstName }}', '{{ user.lastName }}');
  return swap(t, 'class="firstname"', 'class="lastname"');
}

ngModule.run(['$route', $route => {
  for (const path of LISTS) {
    const route = $route.routes[path];
    if (route && typeof route.template === 'string') {
      route.template = familyNameFirst(route.template);
    }
  }
  const user = $route.routes['/users/:userId'];
  if (user && typeof user.template === 'string') {
    user.template = user.template.replace('{{user.firstName}} {{user.lastName}}', '{{ user | luoshiName }}');
  }
}]);

// a user's page joins "firstName lastName" for its title and breadcrumb
ngModule.config(['$provide', $provide => {
  $provide.decorator('page', ['$delegate', '$route', (page, $route) => {
    const onUserPage = () => $route.current && $route.current.$$route
      && $route.current.$$route.originalPath === '/users/:userId';
    const titleSet = page.titleSet;
    page.titleSet = function(title) {
      const fixed = onUserPage() && typeof title === 'string'
        ? title.replace(/(\S+ \S+)$/, name => reordered(name)) : title;
      return titleSet.call(this, fixed);
    };
    const breadcrumbsAdd = page.breadcrumbsAdd;
    page.breadcrumbsAdd = function(crumb) {
      if (onUserPage() && crumb && typeof crumb.label === 'string') {
        crumb.label = reordered(crumb.label);
      }
      return breadcrumbsAdd.apply(this, arguments);
    };
    return page;
  }]);
}]);

export default [];
