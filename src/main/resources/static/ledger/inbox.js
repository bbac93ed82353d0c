// 落实 · 我的消息：站内通知（下发、催办、待审核、约谈、督查问题、每日汇总……），点开即进入对应的台账页面。
(async () => {
  await L.header('inbox');
  const list = document.getElementById('list');
  let page = 0;
  async function load() {
    try {
      const r = await L.get('/api/notifications?size=20&page=' + page + (document.getElementById('unread').checked ? '&unread=true' : ''));
      if (!r.content.length) { list.innerHTML = '<div class="message">没有消息</div>'; return; }
      list.innerHTML = '<ul class="inbox">' + r.content.map(n => '<li class="' + (n.read ? '' : 'unread') + '" data-id="' + n.id + '">'
        + '<span class="muted">' + L.esc(L.time(n.createdAt)) + '</span>　<span class="title">' + L.esc(n.title) + '</span>'
        + '<div class="body">' + L.esc(n.body) + '</div>'
        + (n.link ? '<a class="open" href="' + L.esc(n.link) + '">查看</a>　' : '')
        + (n.read ? '' : '<a href="#" class="mark">标为已读</a>') + '</li>').join('') + '</ul>'
        + '<div class="pager"><button id="prev"' + (page === 0 ? ' disabled' : '') + '>上一页</button> 第 ' + (page + 1) + ' 页，共 '
        + Math.max(1, Math.ceil(r.totalElements / 20)) + ' 页<button id="next"' + ((page + 1) * 20 >= r.totalElements ? ' disabled' : '')
        + '>下一页</button></div>';
      document.getElementById('prev').onclick = () => { page--; load(); };
      document.getElementById('next').onclick = () => { page++; load(); };
    } catch (e) { L.fail(list, e); }
  }
  list.addEventListener('click', async ev => {
    const li = ev.target.closest('li[data-id]');
    if (!li) { return; }
    const opening = ev.target.classList.contains('open');
    if (opening || ev.target.classList.contains('mark')) {
      ev.preventDefault();
      try { await L.post('/api/notifications/' + li.dataset.id + '/read'); } catch (e) { /* the page opens all the same */ }
      if (opening) { location.href = ev.target.getAttribute('href'); } else { load(); }
    }
  });
  document.getElementById('unread').onchange = () => { page = 0; load(); };
  document.getElementById('read-all').onclick = async () => { await L.post('/api/notifications/read-all').catch(() => null); load(); };
  load();
})();
