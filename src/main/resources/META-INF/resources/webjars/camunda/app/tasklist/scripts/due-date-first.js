// Luoshi: Tasklist sorts a task list by creation time unless its address says otherwise. District
// staff work to deadlines, so a list opens sorted by due date, nearest first (the order the
// filters themselves keep for REST clients). Choosing another order in Tasklist still works: it
// is kept in the address, and only an address without any order gets this one.
const DUE_DATE_FIRST = JSON.stringify([{sortBy: 'dueDate', sortOrder: 'asc'}]);

function dueDateFirst() {
  const hash = window.location.hash || '#/';
  const [path, query = ''] = hash.substring(1).split('?');
  if (path !== '/') {
    return; // the login page and others keep their address
  }
  const params = new URLSearchParams(query);
  if (params.has('sorting')) {
    return;
  }
  params.set('sorting', DUE_DATE_FIRST);
  window.location.replace('#/?' + params.toString());
}

dueDateFirst();
window.addEventListener('hashchange', dueDateFirst);

export default [];
