// 落实 · 导入责任清单：上传 Excel → 逐行预览（尚未下发）→ 确认导入（POST /api/items/import/{token}）。
(async () => {
  await L.header('items');
  const form = document.getElementById('upload');
  const result = form.querySelector('.result');
  const preview = document.getElementById('preview');
  const confirm = document.getElementById('confirm');
  const confirmResult = document.getElementById('confirm-result');
  let token = null;

  form.addEventListener('submit', async ev => {
    ev.preventDefault();
    const file = document.getElementById('file').files[0];
    if (!file) { return; }
    result.className = 'result';
    result.textContent = '正在检查……';
    preview.hidden = true;
    confirmResult.textContent = '';
    const data = new FormData();
    data.append('file', file);
    try {
      const p = await L.upload('/api/items/import', data);
      token = p.token;
      result.className = 'result done';
      result.textContent = '已读取 ' + p.total + ' 行。';
      document.getElementById('summary').textContent = '共 ' + p.total + ' 行，无误 ' + p.okRows + ' 行'
        + (p.ready ? '，可以确认导入' : '，有 ' + (p.total - p.okRows) + ' 行需修改后重新上传');
      document.getElementById('rows').innerHTML = '<table><tr><th>行号</th><th>检查</th><th>事项名称</th><th>来源</th><th>类别</th><th>责任单位</th>'
        + '<th>分管领导</th><th>下发日期</th><th>截止日期</th><th>工作目标</th></tr>'
        + p.rows.map(r => {
          const i = r.item || {};
          return '<tr class="' + (r.ok ? '' : 'bad') + '"><td>' + r.row + '</td><td>'
            + (r.ok ? '无误' : '<ul class="errors">' + r.errors.map(e => '<li>' + L.esc(e.message) + '</li>').join('') + '</ul>')
            + '</td><td>' + L.esc(i.title) + '</td><td>' + L.esc(i.sourceName) + '</td><td>' + L.esc(i.categoryName)
            + '</td><td>' + L.esc(i.unitName) + '</td><td>' + L.esc(i.leadLeaderName) + '</td><td>' + L.esc(i.issuedOn || '导入当天')
            + '</td><td>' + L.esc(i.deadline) + '</td><td>' + L.esc(i.target) + '</td></tr>';
        }).join('') + '</table>';
      confirm.disabled = !p.ready;
      preview.hidden = false;
    } catch (e) {
      result.className = 'result refusal';
      result.textContent = e.message === 'login' ? '登录已过期，请重新登录 Tasklist。' : e.message;
    }
  });

  confirm.addEventListener('click', async () => {
    confirm.disabled = true;
    confirmResult.className = 'result';
    confirmResult.textContent = '正在下发……';
    try {
      const r = await L.post('/api/items/import/' + encodeURIComponent(token));
      confirmResult.className = 'result done';
      confirmResult.innerHTML = '已下发 ' + r.created.length + ' 项：' + r.created.map(c =>
        '<a href="/ledger/items/' + encodeURIComponent(c) + '">' + L.esc(c) + '</a>').join('、');
    } catch (e) {
      confirmResult.className = 'result refusal';
      confirmResult.textContent = e.message;
    }
  });
})();
