// 落实 · 随时填报进展：责任人或责任单位的工作人员在事项页面上随时报送进展（不必等每月的“月度进展”任务）。
// POST /api/items/{code}/progress，沿用 Tasklist 的登录，带上会话的 X-XSRF-TOKEN。
L.progressForm = function (section, item, me, reload) {
  if (!section || !me || item.status !== 'IN_PROGRESS') { return; }
  const lead = me.id === item.responsiblePerson || (me.unitCodes || []).includes(item.unitCode);
  // a member of a co-unit (协办单位) reports its own part; the item's progress stays the lead unit's
  const coUnit = lead ? null : (item.coUnits || []).find(u => (me.unitCodes || []).includes(u.unitCode));
  if (!lead && !coUnit) { return; }
  section.insertAdjacentHTML('beforeend',
    '<h2 style="margin-top:18px">' + (coUnit ? '填报协办进展（' + L.esc(coUnit.unitName) + '承担部分）' : '填报进展') + '</h2>'
    + '<p class="muted">有新进展即可报送，不必等每月 25 日的月度进展任务；报送后分管领导和督查室在台账中即可看到。</p>'
    + '<form class="inline" id="progress-form">'
    + '<label for="progressPercent">完成进度（%）</label>'
    + '<input id="progressPercent" name="progressPercent" type="number" min="0" max="100" step="1" required style="width:8em" value="' + (coUnit ? 0 : item.progressPercent || 0) + '">'
    + '<label for="progressNote">进展情况</label>'
    + '<textarea id="progressNote" name="progressNote" maxlength="2000" required placeholder="做了哪些工作、取得什么成效、下一步安排"></textarea>'
    + '<div class="actions"><button type="submit" class="primary">报送进展</button><span class="result" role="status"></span></div>'
    + '</form>');
  const form = section.querySelector('#progress-form');
  const result = form.querySelector('.result');
  form.addEventListener('submit', async ev => {
    ev.preventDefault();
    for (const el of form.querySelectorAll('.invalid')) { el.classList.remove('invalid'); }
    result.className = 'result';
    result.textContent = '正在报送……';
    const button = form.querySelector('button');
    button.disabled = true;
    try {
      const percent = form.progressPercent.value.trim();
      await L.post('/api/items/' + encodeURIComponent(item.code) + '/progress',
        { progressPercent: percent === '' ? null : Number(percent), progressNote: form.progressNote.value });
      result.className = 'result done';
      result.textContent = '已报送。';
      setTimeout(reload, 600);
    } catch (e) {
      result.className = 'result refusal';
      result.textContent = e.message === 'login' ? '登录已过期，请重新登录 Tasklist 后再报送。' : e.message;
      const field = e.field && form.querySelector('[name="' + e.field + '"]');
      if (field) { field.classList.add('invalid'); field.focus(); }
      button.disabled = false;
    }
  });
};
