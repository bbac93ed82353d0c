// 落实 · 督办文书：事项页面上列出督办通知单、督办函、整改通知书（Word），已印发的显示文号。
// GET /api/items/{code}/documents；下载 GET /api/items/{code}/documents/{kind}.docx（督查室首次打开即印发并编号）。
L.documents = async function (section, item, me) {
  if (!section) { return; }
  try {
    const list = await L.get('/api/items/' + encodeURIComponent(item.code) + '/documents');
    const office = me && (me.office || (me.groups || []).includes('camunda-admin'));
    section.innerHTML = '<h2>督办文书</h2><table><tr><th>文书</th><th>文号</th><th>印发</th><th></th></tr>'
      + list.map(d => '<tr><td>' + L.esc(d.title) + '</td><td>' + L.esc(d.number || '尚未印发') + '</td><td>'
        + (d.issuedAt ? L.time(d.issuedAt) + '　' + L.esc(d.issuedByName) : '—') + '</td><td>'
        + (d.number || office ? '<a href="' + L.esc(d.url) + '">' + (d.number ? '下载（Word）' : '印发并下载（Word）') + '</a>' : '')
        + '</td></tr>').join('') + '</table>';
  } catch (e) { L.fail(section, e); }
};
