// 落实 · 附件（佐证材料）：事项页面上列出附件，督查室、责任单位和责任人可上传（POST /api/items/{code}/attachments，
// multipart，带会话的 X-XSRF-TOKEN）。Tasklist 7.24 的表单没有文件选择控件，任务表单链接到这里上传和查看。
L.attachments = async function (section, item, me) {
  if (!section) { return; }
  const purposes = { PROGRESS: '进展佐证', COMPLETION: '完成佐证', RECTIFICATION: '整改佐证', OTHER: '其他' };
  const size = n => n >= 1048576 ? (n / 1048576).toFixed(1) + ' MB' : Math.max(1, Math.round(n / 1024)) + ' KB';
  const list = section.querySelector('.list');
  async function show() {
    try {
      const files = await L.get('/api/items/' + encodeURIComponent(item.code) + '/attachments');
      list.innerHTML = files.length ? '<table><tr><th>文件</th><th>用途</th><th>大小</th><th>上传人</th><th>上传时间</th></tr>'
        + files.map(f => '<tr><td><a class="attachment" target="_blank" rel="noopener" href="/api/attachments/' + f.id + '">' + L.esc(f.name) + '</a></td><td>'
          + L.esc(f.purposeName) + '</td><td>' + size(f.size) + '</td><td>' + L.esc(f.uploadedByName) + '</td><td>' + L.time(f.uploadedAt) + '</td></tr>').join('')
        + '</table>' : '<div class="muted">无</div>';
    } catch (e) { L.fail(list, e); }
  }
  await show();
  const mine = me && (me.office || me.id === item.responsiblePerson || (me.unitCodes || []).includes(item.unitCode));
  if (!mine || item.status === 'CANCELLED') { return; }
  const defaultPurpose = item.status === 'CLOSING' || item.status === 'IN_PROGRESS' && item.progressPercent >= 100 ? 'COMPLETION' : 'PROGRESS';
  section.insertAdjacentHTML('beforeend',
    '<p class="muted">可上传 PDF、图片（PNG、JPEG）、Word、Excel 文件；报送完成前请先上传完成佐证，督查室核验时在此查看。</p>'
    + '<form class="inline drop" id="attachment-form">'
    + '<label for="attachment-file">上传附件</label>'
    + '<input id="attachment-file" name="file" type="file" required accept=".pdf,.png,.jpg,.jpeg,.doc,.docx,.xls,.xlsx">'
    + '<label for="attachment-purpose">用途</label><select id="attachment-purpose" name="purpose">'
    + Object.entries(purposes).map(([k, v]) => '<option value="' + k + '"' + (k === defaultPurpose ? ' selected' : '') + '>' + v + '</option>').join('')
    + '</select>'
    + '<div class="actions"><button type="submit" class="primary">上传</button><span class="result" role="status"></span></div>'
    + '</form>');
  const form = section.querySelector('#attachment-form');
  const result = form.querySelector('.result');
  form.addEventListener('submit', async ev => {
    ev.preventDefault();
    const file = form.querySelector('#attachment-file').files[0];
    if (!file) { return; }
    const data = new FormData();
    data.append('file', file);
    data.append('purpose', form.querySelector('#attachment-purpose').value);
    const button = form.querySelector('button');
    button.disabled = true;
    result.className = 'result';
    result.textContent = '正在上传……';
    try {
      const a = await L.upload('/api/items/' + encodeURIComponent(item.code) + '/attachments', data);
      result.className = 'result done';
      result.textContent = '已上传：' + a.name;
      form.reset();
      await show();
    } catch (e) {
      result.className = 'result refusal';
      result.textContent = e.message === 'login' ? '登录已过期，请重新登录 Tasklist 后再上传。' : e.message;
    }
    button.disabled = false;
  });
};
