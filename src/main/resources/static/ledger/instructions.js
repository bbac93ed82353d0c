// 落实 · 领导批示：事项页面上列出分管领导、主要领导对事项的批示；该事项的分管领导或主要领导可在此作出批示。
// POST /api/items/{code}/instructions，沿用 Tasklist 的登录，带上会话的 X-XSRF-TOKEN。
L.instructions = function (section, item, me, reload) {
  if (!section) { return; }
  const list = item.instructions || [];
  section.innerHTML = '<h2>领导批示</h2>' + (list.length
    ? '<table><tr><th>时间</th><th>批示领导</th><th>批示内容</th></tr>' + list.map(x => '<tr><td>' + L.time(x.createdAt)
      + '</td><td>' + L.esc(x.authorName || x.author) + '</td><td class="pre">' + L.esc(x.text) + '</td></tr>').join('') + '</table>'
    : '<div class="muted">无</div>');
  const ended = item.status === 'CLOSED' || item.status === 'CANCELLED';
  if (!me || ended || !(me.id === item.leadLeader || me.principalLeader)) { return; }
  section.insertAdjacentHTML('beforeend',
    '<h2 style="margin-top:18px">作出批示</h2>'
    + '<p class="muted">批示发出后，责任单位的工作人员和责任人会收到通知，批示也会显示在该事项此后的待办表单中。</p>'
    + '<form class="inline" id="instruction-form">'
    + '<label for="instructionText">批示内容</label>'
    + '<textarea id="instructionText" name="text" maxlength="2000" required placeholder="如：请加快推进，月底前报送落实情况。"></textarea>'
    + '<div class="actions"><button type="submit" class="primary">发出批示</button><span class="result" role="status"></span></div>'
    + '</form>');
  const form = section.querySelector('#instruction-form');
  const result = form.querySelector('.result');
  form.addEventListener('submit', async ev => {
    ev.preventDefault();
    form.text.classList.remove('invalid');
    result.className = 'result';
    result.textContent = '正在发出……';
    const button = form.querySelector('button');
    button.disabled = true;
    try {
      await L.post('/api/items/' + encodeURIComponent(item.code) + '/instructions', { text: form.text.value });
      result.className = 'result done';
      result.textContent = '已发出。';
      setTimeout(reload, 600);
    } catch (e) {
      result.className = 'result refusal';
      result.textContent = e.message === 'login' ? '登录已过期，请重新登录 Tasklist 后再发出。' : e.message;
      if (e.field === 'text') { form.text.classList.add('invalid'); form.text.focus(); }
      button.disabled = false;
    }
  });
};
