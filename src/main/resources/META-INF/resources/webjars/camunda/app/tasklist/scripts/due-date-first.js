// Luoshi: Tasklist sorts a task list by creation time unless its address says otherwise. District
// staff work to deadlines, so a list opens sorted by the item's deadline (process variable
// "deadline", an ISO date, so text order is date order: the overdue — red — item first), then by
// the task's own due date (the days a unit has to sign, an interview's date, …). Choosing another
// order in Tasklist still works: it is kept in the address, and only an address without any order
// gets this one. The filters keep the same order for REST clients (org.luoshi.tasklist.TasklistFilters).
const DEADLINE_FIRST = JSON.stringify([
  {sortBy: 'processVariable', sortOrder: 'asc', parameters: {variable: 'deadline', type: 'String'}},
  {sortBy: 'dueDate', sortOrder: 'asc'}
]);

function deadlineFirst() {
  const hash = window.location.hash || '#/';
  const [path, query = ''] = hash.substring(1).split('?');
  if (path !== '/') {
    return; // the login page and others keep their address
  }
  const params = new URLSearchParams(query);
  if (params.has('sorting')) {
    return;
  }
  params.set('sorting', DEADLINE_FIRST);
  window.location.replace('#/?' + params.toString());
}

deadlineFirst();
window.addEventListener('hashchange', deadlineFirst);

// the sorting bar names the variable by its label, not by its id
const angular = window.angular;
angular.module('cam.tasklist.custom').config(['$provide', $provide => {
  $provide.decorator('camSortingChoicesDirective', ['$delegate', $delegate => {
    const choices = $delegate[0];
    const link = choices.link;
    choices.compile = () => function(scope) {
      link.apply(this, arguments);
      const byLabel = scope.byLabel;
      scope.byLabel = index => {
        const label = byLabel(index);
        return label === 'deadline' ? '截止日期' : label;
      };
    };
    return $delegate;
  }]);
}]);

export default [];
