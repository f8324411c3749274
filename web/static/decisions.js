// The committee's "Quyết định" tab (Decisions): targets per unit, manual
// items, bonuses and deductions, violations, and withdrawing one of its own
// decisions. Every form shows what the decision will change before it is
// sent: POST …/preview scores the unit as if the decision were folded (the
// same body and the same refusals as POST …/events, nothing written). Names
// and choices come from GET …/schema; the current targets, assessments and
// decisions from each unit's scoring sheet.

import { t, addStrings, bi, num, label } from './i18n.js';
import { el, shortName } from './util.js';
import { newID, fieldMessage, parseNumber, groupDigits } from './form.js';

addStrings({
  vi: {
    'tab.decisions': 'Quyết định',
    'd.title': 'Quyết định của Ban Thường trực',
    'd.help': 'Mỗi quyết định được xem trước: hệ thống cho biết tổng điểm của đơn vị thay đổi thế nào trước khi gửi.',
    'd.sec.targets': 'Giao chỉ tiêu',
    'd.sec.assess': 'Chấm điểm mục',
    'd.sec.adjust': 'Cộng / trừ điểm',
    'd.sec.violation': 'Ghi nhận vi phạm',
    'd.sec.withdraw': 'Rút quyết định',
    'd.unit': 'Đơn vị',
    'd.choose': '— Chọn —',
    'd.item': 'Mục do Ban Thường trực chấm',
    'd.item.max': (m) => `tối đa ${m} điểm`,
    'd.points': 'Số điểm',
    'd.points.assess': (m) => `Số điểm (từ 0 đến ${m})`,
    'd.reason': 'Lý do',
    'd.reason.withdraw': 'Lý do rút quyết định',
    'd.decision_no': 'Số quyết định',
    'd.decision_no.hint': 'Ví dụ: 15/QĐ-MTTQ. Được ghi kèm quyết định làm căn cứ.',
    'd.kind': 'Loại',
    'd.bonus': 'Cộng điểm',
    'd.deduction': 'Trừ điểm',
    'd.violation.kind': 'Loại vi phạm',
    'd.violation.discipline': 'Kỷ luật',
    'd.violation.corruption': 'Tham nhũng',
    'd.violation.other': 'Khác',
    'd.violation.help': 'Đơn vị có vi phạm không đủ điều kiện đề nghị khen thưởng (Cờ thi đua, Bằng khen); điểm số không đổi.',
    'd.decision': 'Quyết định cần rút',
    'd.none': 'Ban Thường trực chưa có quyết định nào về đơn vị này.',
    'd.send': 'Gửi quyết định',
    'd.sending': 'Đang gửi…',
    'd.sent': 'Đã ghi nhận quyết định.',
    'd.offline': 'Mất kết nối: chưa gửi được. Bấm «Gửi quyết định» lại; hệ thống không ghi trùng.',
    'd.invalid': 'Chưa gửi được. Vui lòng sửa ô được đánh dấu.',
    'd.preview': 'Xem trước',
    'd.preview.wait': 'Điền đủ các ô để xem quyết định sẽ thay đổi điều gì.',
    'd.preview.total': (u, a, b) => `Tổng điểm của ${u}: ${a} → ${b}`,
    'd.preview.claimed': (a, b) => `Tổng điểm tạm tính (gồm việc chưa xác minh): ${a} → ${b}`,
    'd.preview.same': 'Tổng điểm không thay đổi.',
    'd.preview.line': (code, title, a, b) => `${code} ${title}: ${a} → ${b}`,
    'd.preview.ineligible': 'Đơn vị sẽ không còn đủ điều kiện đề nghị khen thưởng.',
    'd.preview.eligible': 'Đơn vị sẽ trở lại đủ điều kiện đề nghị khen thưởng.',
    'd.history': 'Các lần chấm mục này',
    'd.history.none': 'Mục này chưa được chấm cho đơn vị.',
    'd.current': 'Đang tính',
    'd.targets.help': 'Mỗi ô là chỉ tiêu giao cho một đơn vị. Sửa các ô cần thay đổi; phần xem trước cho biết điểm thay đổi thế nào, rồi bấm gửi.',
    'd.targets.send': (n) => `Gửi ${n} thay đổi`,
    'd.targets.none': 'Chưa có thay đổi.',
    'd.targets.change': (u, ind, a, b) => `${u} · ${ind}: ${a} → ${b}`,
    'd.targets.sent': (n) => `Đã giao ${n} chỉ tiêu.`,
    'd.targets.unset': 'chưa giao',
    'd.dong': 'đồng',
    'd.pts': (n) => `${n} điểm`,
  },
  en: {
    'tab.decisions': 'Decisions',
    'd.title': "The committee's decisions",
    'd.help': "Every decision is previewed: you see how the unit's total changes before it is sent.",
    'd.sec.targets': 'Targets',
    'd.sec.assess': 'Assess an item',
    'd.sec.adjust': 'Bonus / deduction',
    'd.sec.violation': 'Record a violation',
    'd.sec.withdraw': 'Withdraw a decision',
    'd.unit': 'Unit',
    'd.choose': '— Choose —',
    'd.item': 'Item scored by the committee',
    'd.item.max': (m) => `up to ${m} points`,
    'd.points': 'Points',
    'd.points.assess': (m) => `Points (0 to ${m})`,
    'd.reason': 'Reason',
    'd.reason.withdraw': 'Why it is withdrawn',
    'd.decision_no': 'Decision number',
    'd.decision_no.hint': 'For example 15/QĐ-MTTQ. Recorded with the decision as its basis.',
    'd.kind': 'Kind',
    'd.bonus': 'Bonus',
    'd.deduction': 'Deduction',
    'd.violation.kind': 'Kind of violation',
    'd.violation.discipline': 'Discipline',
    'd.violation.corruption': 'Corruption',
    'd.violation.other': 'Other',
    'd.violation.help': 'A unit with a violation cannot be nominated for an award (flag, certificate); its points do not change.',
    'd.decision': 'Decision to withdraw',
    'd.none': 'The committee has no decision about this unit yet.',
    'd.send': 'Send the decision',
    'd.sending': 'Sending…',
    'd.sent': 'The decision was recorded.',
    'd.offline': 'Connection lost: not sent. Press "Send the decision" again; nothing is recorded twice.',
    'd.invalid': 'Not sent. Please correct the marked field.',
    'd.preview': 'Preview',
    'd.preview.wait': 'Fill in the fields to see what the decision will change.',
    'd.preview.total': (u, a, b) => `Total of ${u}: ${a} → ${b}`,
    'd.preview.claimed': (a, b) => `Provisional total (unverified facts included): ${a} → ${b}`,
    'd.preview.same': 'The total does not change.',
    'd.preview.line': (code, title, a, b) => `${code} ${title}: ${a} → ${b}`,
    'd.preview.ineligible': 'The unit will no longer be eligible for an award.',
    'd.preview.eligible': 'The unit will be eligible for an award again.',
    'd.history': 'Assessments of this item',
    'd.history.none': 'This item has not been assessed for the unit.',
    'd.current': 'Counts',
    'd.targets.help': 'Each cell is the target of one unit. Change the cells you need; the preview shows how the points move, then send.',
    'd.targets.send': (n) => `Send ${n} changes`,
    'd.targets.none': 'No change yet.',
    'd.targets.change': (u, ind, a, b) => `${u} · ${ind}: ${a} → ${b}`,
    'd.targets.sent': (n) => `${n} targets assigned.`,
    'd.targets.unset': 'not set',
    'd.dong': 'VND',
    'd.pts': (n) => `${n} points`,
  },
});

const SECTIONS = ['assess', 'targets', 'adjust', 'violation', 'withdraw'];
const WITHDRAWABLE = new Set(['target.assigned', 'score.assessed', 'bonus.awarded', 'deduction.applied', 'violation.recorded']);
const enc = encodeURIComponent;
let seq = 0;
const uid = (p) => `d${++seq}-${p}`;

export const tab = {
  id: 'decisions',
  mount(box, io) {
    const st = { section: 'assess', schema: null, sheets: {}, gen: 0 };
    const body = el('div', { class: 'd-body' });

    async function data(minSeq) {
      const gen = ++st.gen;
      const s = await io.api(`${io.seasonPath()}/schema${minSeq ? `?min_seq=${minSeq}` : ''}`);
      const members = io.season()?.members || [];
      const sheets = await Promise.all(members.map((m) => io.api(`${io.seasonPath()}/units/${enc(m.id)}/score?view=verified${minSeq ? `&min_seq=${minSeq}` : ''}`)));
      if (gen !== st.gen) return false;
      st.schema = s;
      st.sheets = Object.fromEntries(members.map((m, i) => [m.id, sheets[i]]));
      return true;
    }

    /** refreshSheets reads the sheets again, unless a fuller load started meanwhile. */
    async function refreshSheets() {
      const gen = st.gen;
      const ms = members();
      const sheets = await Promise.all(ms.map((m) => io.api(`${io.seasonPath()}/units/${enc(m.id)}/score?view=verified`)));
      if (gen === st.gen) st.sheets = Object.fromEntries(ms.map((m, i) => [m.id, sheets[i]]));
    }

    async function show(minSeq) {
      try {
        if (!(await data(minSeq))) return;
      } catch (e) {
        body.replaceChildren(el('p', { class: 'error', text: e.message }));
        return;
      }
      draw();
    }

    function drawShell() {
      const nav = el('div', { class: 'd-nav', role: 'group', 'aria-label': t('d.title') },
        SECTIONS.map((s) => el('button', {
          type: 'button', class: 'd-sec', data: { sec: s }, 'aria-pressed': String(s === st.section),
          text: t(`d.sec.${s}`), on: { click: () => { st.section = s; drawShell(); draw(); } },
        })));
      box.replaceChildren(el('h2', { text: t('d.title') }), el('p', { class: 'muted', text: t('d.help') }), nav, body);
    }

    function draw() {
      if (!st.schema) return;
      if (io.season()?.closed) { body.replaceChildren(el('p', { class: 'notice', text: t('report.closed') })); return; }
      const f = { assess, targets, adjust, violation, withdraw }[st.section];
      body.replaceChildren(f());
    }

    // ---------- helpers ----------
    const members = () => io.season()?.members || [];
    const unitName = (id) => shortName(members().find((m) => m.id === id)?.name || id);
    const dataSchema = (type) => st.schema?.types?.[type]?.properties?.data;

    function fieldBox(id, labelText, input, hint) {
      const err = el('p', { class: 'ferr', id: `${id}-err`, role: 'alert', hidden: true });
      input.setAttribute('aria-describedby', `${id}-err`);
      return el('div', { class: 'field' }, el('label', { for: id, class: 'flabel', text: labelText }), input,
        hint ? el('p', { class: 'fhint', text: hint }) : null, err);
    }

    function unitSelect(id, onChange) {
      return el('select', { id, on: { change: onChange } }, el('option', { value: '', text: t('d.choose') }),
        members().map((m) => el('option', { value: m.id, text: m.name })));
    }

    /** previewText says what a preview reply changes, in the reader's words. */
    function previewText(pv) {
      const [v, c] = pv.views;
      const out = [];
      const name = shortName(pv.unit_name);
      out.push(el('p', { class: 'd-total' }, el('strong', { text: t('d.preview.total', name, num(v.before.total), num(v.after.total)) })));
      if (c && c.after.total - c.before.total !== v.after.total - v.before.total) out.push(el('p', { class: 'muted', text: t('d.preview.claimed', num(c.before.total), num(c.after.total)) }));
      if (v.before.total === v.after.total) out.push(el('p', { class: 'muted', text: t('d.preview.same') }));
      if (pv.lines.length) {
        out.push(el('ul', { class: 'd-lines' }, pv.lines.map((l) => el('li', { text: t('d.preview.line', l.code, bi(l.title, l.title_en), num(l.before), num(l.after)) }))));
      }
      if (v.before.eligible && !v.after.eligible) out.push(el('p', { class: 'd-warn', text: t('d.preview.ineligible') }));
      if (!v.before.eligible && v.after.eligible) out.push(el('p', { class: 'd-ok', text: t('d.preview.eligible') }));
      return out;
    }

    /**
     * decisionForm builds a form whose preview follows what is typed and
     * whose send posts the same body with one client id until accepted.
     * fields: [{path (API field), node, input}]; build() → body or null
     * while something required is missing.
     */
    function decisionForm(cls, fields, build, extra) {
      const pv = el('div', { class: 'd-preview', role: 'status', 'aria-live': 'polite' }, el('p', { class: 'muted', text: t('d.preview.wait') }));
      const status = el('p', { class: 'form-status', role: 'status' });
      const send = el('button', { type: 'submit', class: 'primary', text: t('d.send') });
      const form = el('form', { class: ['report', 'd-form', cls], novalidate: true },
        fields.map((f) => f.node), extra || null,
        el('section', { class: 'd-preview-box', 'aria-label': t('d.preview') }, el('h3', { text: t('d.preview') }), pv),
        status, send);
      let clientID = null;
      let timer = 0;
      let pgen = 0;
      const clear = () => {
        for (const f of fields) { const e = f.node.querySelector('.ferr'); if (e) { e.hidden = true; e.textContent = ''; } f.input.removeAttribute('aria-invalid'); }
      };
      const showError = (err) => {
        const f = fields.find((x) => x.path === err?.field) || fields.find((x) => err?.field?.startsWith(x.path));
        const e = f?.node.querySelector('.ferr');
        if (!e) { status.className = 'form-status bad'; status.textContent = fieldMessage(err?.message); return; }
        e.textContent = fieldMessage(err?.message);
        e.hidden = false;
        f.input.setAttribute('aria-invalid', 'true');
      };
      const preview = async () => {
        const gen = ++pgen;
        const b = build();
        clear();
        if (!b) { pv.replaceChildren(el('p', { class: 'muted', text: t('d.preview.wait') })); return; }
        let res;
        try { res = await io.post(`${io.seasonPath()}/preview`, b); } catch { return; }
        if (gen !== pgen) return;
        if (res.status === 200) { pv.replaceChildren(...previewText(res.body)); return; }
        pv.replaceChildren();
        showError(res.body?.error);
      };
      const later = () => { clientID = null; status.textContent = ''; clearTimeout(timer); timer = setTimeout(preview, 250); };
      form.addEventListener('input', later);
      form.addEventListener('change', later);
      form.addEventListener('submit', async (e) => {
        e.preventDefault();
        if (send.disabled) return;
        const b = build(true);
        if (!b) return;
        send.disabled = true;
        send.textContent = t('d.sending');
        clientID = clientID || newID();
        let res;
        try {
          res = await io.post(`${io.seasonPath()}/events`, { id: clientID, ...b });
        } catch {
          status.className = 'form-status warn';
          status.textContent = t('d.offline');
          send.disabled = false;
          send.textContent = t('d.send');
          return;
        }
        send.disabled = false;
        send.textContent = t('d.send');
        if (res.status === 201 || res.status === 200) {
          clientID = null;
          await show(res.body?.seq);
          const s = body.querySelector('.d-form .form-status');
          if (s) { s.className = 'form-status ok'; s.textContent = t('d.sent'); }
          return;
        }
        status.className = 'form-status bad';
        status.textContent = t('d.invalid');
        showError(res.body?.error);
      });
      form.refresh = preview;
      return form;
    }

    /** required marks an empty required field at submit time, client-side. */
    function need(f, value, submitting) {
      if (value !== undefined && value !== '') return true;
      if (submitting) {
        const e = f.node.querySelector('.ferr');
        e.textContent = t('err.required');
        e.hidden = false;
        f.input.setAttribute('aria-invalid', 'true');
        f.input.focus();
      }
      return false;
    }

    // ---------- assess a manual item ----------
    function assess() {
      const items = dataSchema('score.assessed')?.properties?.item?.oneOf || [];
      const unit = unitSelect(uid('unit'), () => history());
      const item = el('select', { id: uid('item'), on: { change: () => { history(); pointsLabel(); } } }, el('option', { value: '', text: t('d.choose') }),
        items.map((c) => el('option', { value: c.const, text: `${bi(c.title, c['x-title-en'])} (${t('d.item.max', num(c.maximum))})` })));
      const points = el('input', { id: uid('points'), type: 'text', inputmode: 'decimal', class: 'num', autocomplete: 'off' });
      const reason = el('textarea', { id: uid('reason'), rows: 2, maxlength: 2000 });
      const f = {
        unit: { path: 'unit', input: unit, node: fieldBox(unit.id, t('d.unit'), unit) },
        item: { path: 'data.item', input: item, node: fieldBox(item.id, t('d.item'), item) },
        points: { path: 'data.points', input: points, node: fieldBox(points.id, t('d.points'), points) },
        reason: { path: 'data.reason', input: reason, node: fieldBox(reason.id, t('d.reason'), reason) },
      };
      const pointsLabel = () => {
        const c = items.find((x) => x.const === item.value);
        f.points.node.querySelector('label').textContent = c ? t('d.points.assess', num(c.maximum)) : t('d.points');
      };
      const hist = el('div', { class: 'd-history' });
      const history = () => {
        const lines = (st.sheets[unit.value]?.decisions || []).filter((d) => d.type === 'score.assessed' && d.item === item.value).reverse();
        if (!unit.value || !item.value) { hist.replaceChildren(); return; }
        hist.replaceChildren(el('h3', { text: t('d.history') }), lines.length
          ? el('ol', { class: 'd-hist' }, lines.map((d) => el('li', { class: `ds-${d.status}` },
            el(d.status === 'counted' ? 'strong' : 's', { text: t('d.pts', num(d.points)) }),
            ` — ${d.reason || ''} `,
            el('span', { class: ['badge', `st-${d.status}`], text: d.status === 'counted' ? t('d.current') : label('status', d.status) }),
            d.retraction_reason ? ` (${d.retraction_reason})` : null)))
          : el('p', { class: 'muted', text: t('d.history.none') }));
      };
      return decisionForm('d-assess', Object.values(f), (submitting) => {
        const p = parseNumber(points.value, false);
        const ok = [need(f.unit, unit.value, submitting), need(f.item, item.value, submitting), need(f.points, p, submitting), need(f.reason, reason.value.trim(), submitting)];
        if (ok.includes(false)) return null;
        return { type: 'score.assessed', unit: unit.value, data: { item: item.value, points: p, reason: reason.value.trim() } };
      }, hist);
    }

    // ---------- targets: units × indicators ----------
    function targets() {
      const inds = dataSchema('target.assigned')?.properties?.indicator?.oneOf || [];
      const current = (unit, ind) => {
        const d = (st.sheets[unit]?.decisions || []).filter((x) => x.type === 'target.assigned' && x.indicator === ind && x.status === 'counted').pop();
        return d ? d.value : null;
      };
      const unitOf = (c) => (c['x-unit'] === 'VND' ? t('d.dong') : bi(c['x-noun'], c['x-noun-en']));
      const amount = (v, c) => `${groupDigits(String(v))}${unitOf(c) ? ` ${unitOf(c)}` : ''}`;
      const cells = [];
      const table = el('table', { class: 'd-targets' },
        el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: t('d.unit') }),
          inds.map((c) => el('th', { scope: 'col' }, bi(c.title, c['x-title-en']), unitOf(c) ? el('span', { class: 'muted', text: ` (${unitOf(c)})` }) : null)))),
        el('tbody', {}, members().map((m) => el('tr', {}, el('th', { scope: 'row', text: shortName(m.name) }), inds.map((c) => {
          const was = current(m.id, c.const);
          const input = el('input', {
            type: 'text', inputmode: 'numeric', class: 'amount', autocomplete: 'off', value: was === null ? '' : groupDigits(String(was)),
            placeholder: t('d.targets.unset'), 'aria-label': `${m.name} · ${bi(c.title, c['x-title-en'])}`, data: { unit: m.id, ind: c.const },
          });
          input.addEventListener('input', () => { const d = input.value.replace(/\D/g, ''); input.value = d ? groupDigits(d) : ''; });
          cells.push({ input, unit: m.id, c, was });
          return el('td', {}, input);
        })))));
      const pv = el('div', { class: 'd-preview', role: 'status', 'aria-live': 'polite' }, el('p', { class: 'muted', text: t('d.targets.none') }));
      const status = el('p', { class: 'form-status', role: 'status' });
      const send = el('button', { type: 'button', class: 'primary', text: t('d.targets.send', 0), disabled: true });
      const ids = new Map();
      const changes = () => cells.filter((x) => {
        const v = x.input.value.replace(/\D/g, '');
        return v !== '' && Number(v) !== x.was;
      }).map((x) => ({ ...x, value: Number(x.input.value.replace(/\D/g, '')) }));
      const body = (x) => ({ type: 'target.assigned', unit: x.unit, data: { indicator: x.c.const, value: x.value } });
      let gen = 0;
      let timer = 0;
      const preview = async () => {
        const g = ++gen;
        const cs = changes();
        for (const x of cells) x.input.classList.toggle('changed', cs.some((y) => y.input === x.input));
        send.disabled = !cs.length;
        send.textContent = t('d.targets.send', cs.length);
        if (!cs.length) { pv.replaceChildren(el('p', { class: 'muted', text: t('d.targets.none') })); return; }
        const out = await Promise.all(cs.map(async (x) => {
          let res;
          try { res = await io.post(`${io.seasonPath()}/preview`, body(x)); } catch { return null; }
          const head = t('d.targets.change', unitName(x.unit), bi(x.c.title, x.c['x-title-en']), x.was === null ? t('d.targets.unset') : amount(x.was, x.c), amount(x.value, x.c));
          if (res.status !== 200) return el('li', { class: 'ferr', text: `${head}: ${fieldMessage(res.body?.error?.message)}` });
          const v = res.body.views[0];
          return el('li', {}, el('strong', { text: head }), ` · ${t('d.preview.total', shortName(res.body.unit_name), num(v.before.total), num(v.after.total))}`);
        }));
        if (g !== gen) return;
        pv.replaceChildren(el('ul', { class: 'd-lines' }, out.filter(Boolean)));
      };
      table.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(preview, 300); status.textContent = ''; });
      send.addEventListener('click', async () => {
        const cs = changes();
        send.disabled = true;
        let last = 0;
        let done = 0;
        const failed = [];
        for (const x of cs) {
          const key = `${x.unit}:${x.c.const}:${x.value}`;
          if (!ids.has(key)) ids.set(key, newID());
          let res;
          try { res = await io.post(`${io.seasonPath()}/events`, { id: ids.get(key), ...body(x) }); } catch { failed.push(t('d.offline')); break; }
          if (res.status === 201 || res.status === 200) { done++; last = Math.max(last, res.body?.seq || 0); ids.delete(key); } else failed.push(`${unitName(x.unit)}: ${fieldMessage(res.body?.error?.message)}`);
        }
        await show(last || undefined);
        const s = body.querySelector('.d-targets-box .form-status');
        if (s) { s.className = `form-status ${failed.length ? 'bad' : 'ok'}`; s.textContent = [done ? t('d.targets.sent', done) : '', ...failed].filter(Boolean).join(' '); }
      });
      return el('div', { class: 'd-targets-box' }, el('p', { class: 'muted', text: t('d.targets.help') }),
        el('div', { class: 'table-wrap' }, table),
        el('section', { class: 'd-preview-box', 'aria-label': t('d.preview') }, el('h3', { text: t('d.preview') }), pv), status, send);
    }

    // ---------- bonus and deduction ----------
    function adjust() {
      const name = uid('kind');
      const kinds = ['bonus.awarded', 'deduction.applied'];
      const radios = kinds.map((k, i) => el('input', { type: 'radio', name, id: `${name}-${i}`, value: k, checked: i === 0 || null }));
      const kindBox = el('fieldset', { class: 'group d-kind' }, el('legend', { text: t('d.kind') }),
        radios.map((r, i) => el('span', { class: 'type-choice' }, r, el('label', { for: r.id, text: t(i ? 'd.deduction' : 'd.bonus') }))));
      const unit = unitSelect(uid('unit'));
      const points = el('input', { id: uid('points'), type: 'text', inputmode: 'decimal', class: 'num', autocomplete: 'off' });
      const reason = el('textarea', { id: uid('reason'), rows: 2, maxlength: 2000 });
      const no = el('input', { id: uid('no'), type: 'text', maxlength: 200, autocomplete: 'off' });
      const f = {
        kind: { path: 'type', input: radios[0], node: kindBox },
        unit: { path: 'unit', input: unit, node: fieldBox(unit.id, t('d.unit'), unit) },
        points: { path: 'data.points', input: points, node: fieldBox(points.id, t('d.points'), points) },
        reason: { path: 'data.reason', input: reason, node: fieldBox(reason.id, t('d.reason'), reason) },
        no: { path: 'evidence', input: no, node: fieldBox(no.id, t('d.decision_no'), no, t('d.decision_no.hint')) },
      };
      kindBox.append(el('p', { class: 'ferr', hidden: true }));
      return decisionForm('d-adjust', Object.values(f), (submitting) => {
        const p = parseNumber(points.value, false);
        const ok = [need(f.unit, unit.value, submitting), need(f.points, p, submitting), need(f.reason, reason.value.trim(), submitting)];
        if (ok.includes(false)) return null;
        const type = radios.find((r) => r.checked)?.value || kinds[0];
        const b = { type, unit: unit.value, data: { points: p, reason: reason.value.trim() } };
        if (no.value.trim()) b.evidence = [{ kind: 'decision', title: `${t('d.decision_no')} ${no.value.trim()}`, doc_no: no.value.trim() }];
        return b;
      });
    }

    // ---------- violation ----------
    function violation() {
      const unit = unitSelect(uid('unit'));
      const kind = el('select', { id: uid('vkind') }, ['discipline', 'corruption', 'other'].map((k) => el('option', { value: k, text: t(`d.violation.${k}`) })));
      const no = el('input', { id: uid('no'), type: 'text', maxlength: 200, autocomplete: 'off' });
      const f = {
        unit: { path: 'unit', input: unit, node: fieldBox(unit.id, t('d.unit'), unit) },
        kind: { path: 'data.kind', input: kind, node: fieldBox(kind.id, t('d.violation.kind'), kind) },
        no: { path: 'data.decision_no', input: no, node: fieldBox(no.id, t('d.decision_no'), no) },
      };
      return decisionForm('d-violation', Object.values(f), (submitting) => {
        const ok = [need(f.unit, unit.value, submitting), need(f.no, no.value.trim(), submitting)];
        if (ok.includes(false)) return null;
        return { type: 'violation.recorded', unit: unit.value, data: { kind: kind.value, decision_no: no.value.trim() } };
      }, el('p', { class: 'fhint', text: t('d.violation.help') }));
    }

    // ---------- withdraw one of the committee's decisions ----------
    function withdraw() {
      const which = el('select', { id: uid('target') });
      const unit = unitSelect(uid('unit'), () => fill());
      const fill = () => {
        const ds = (st.sheets[unit.value]?.decisions || []).filter((d) => WITHDRAWABLE.has(d.type) && d.status !== 'retracted');
        which.replaceChildren(el('option', { value: '', text: ds.length || !unit.value ? t('d.choose') : t('d.none') }),
          ds.map((d) => el('option', { value: d.id, text: `${bi(d.summary)}${d.reason ? ` — ${d.reason}` : ''}${d.status === 'superseded' ? ` (${label('status', d.status)})` : ''}` })));
      };
      fill();
      const reason = el('textarea', { id: uid('reason'), rows: 2, maxlength: 2000 });
      const f = {
        unit: { path: 'unit', input: unit, node: fieldBox(unit.id, t('d.unit'), unit) },
        target: { path: 'data.target', input: which, node: fieldBox(which.id, t('d.decision'), which) },
        reason: { path: 'data.reason', input: reason, node: fieldBox(reason.id, t('d.reason.withdraw'), reason) },
      };
      return decisionForm('d-withdraw', Object.values(f), (submitting) => {
        const ok = [need(f.unit, unit.value, submitting), need(f.target, which.value, submitting), need(f.reason, reason.value.trim(), submitting)];
        if (ok.includes(false)) return null;
        return { type: 'committee.retracted', unit: unit.value, data: { target: which.value, reason: reason.value.trim() } };
      });
    }

    drawShell();
    return {
      show() { drawShell(); show(); },
      // The forms keep what is typed; the sheets behind the history, the
      // targets and the withdrawal list are read again for their next use.
      onChange() { if (!box.hidden && st.schema) refreshSheets().catch(() => {}); },
      relabel() { drawShell(); draw(); },
    };
  },
};
