// The committee's "Chờ xác minh" tab (Review queue): every fact not yet
// decided, oldest first, with its evidence and files, the points it would
// bring, and verify / reject with a reason / ask the unit to explain. Facts
// whose explanation has arrived come back into the list, marked; facts
// awaiting an explanation are listed apart. Several facts can be verified
// in one go: one fact.verified each, each with its own client id, so each
// succeeds or fails on its own and a retry never appends twice.
//
// It reads GET …/facts and writes POST …/events, nothing else. It stays
// live three ways: its own stream of the claimed view (a new fact moves it),
// the page's onChange, and a slower refresh while the page is visible.

import { t, addStrings, bi, num, delta, date, label } from './i18n.js';
import { el, shortName } from './util.js';
import { newID, fieldMessage } from './form.js';
import { evidenceList } from './sheet.js';
import { readStream } from './sse.js';

addStrings({
  vi: {
    'tab.queue': 'Chờ xác minh',
    'q.title': 'Việc chờ xác minh',
    'q.help': 'Việc các đơn vị đã báo cáo mà Ban Thường trực chưa quyết định, cũ nhất trước. Xem minh chứng, rồi xác minh, không công nhận (kèm lý do) hoặc yêu cầu đơn vị giải trình.',
    'q.summary': (n, m) => `${n} việc chờ xác minh · ${m} việc đang chờ đơn vị giải trình`,
    'q.unit': 'Đơn vị',
    'q.item': 'Mục chấm điểm',
    'q.all.units': 'Tất cả đơn vị',
    'q.all.items': 'Tất cả các mục',
    'q.waiting': (n) => `Chờ xác minh (${n})`,
    'q.queried': (n) => `Đang chờ đơn vị giải trình (${n})`,
    'q.queried.help': 'Đơn vị đã được yêu cầu giải trình. Khi đơn vị trả lời, việc trở lại danh sách chờ xác minh, có đánh dấu «Đã giải trình».',
    'q.empty': 'Không còn việc nào chờ xác minh.',
    'q.empty.filtered': 'Không có việc nào phù hợp với bộ lọc.',
    'q.none.queried': 'Không có việc nào đang chờ giải trình.',
    'q.select': 'Chọn để xác minh',
    'q.select.all': 'Chọn tất cả',
    'q.verify.selected': (n) => `Xác minh ${n} việc đã chọn`,
    'q.verify.selected.none': 'Chọn các việc cần xác minh',
    'q.verify': 'Xác minh',
    'q.reject': 'Không công nhận',
    'q.query': 'Yêu cầu giải trình',
    'q.reject.label': 'Lý do không công nhận (bắt buộc, đơn vị sẽ thấy lý do này)',
    'q.reject.send': 'Không công nhận',
    'q.reject.required': 'Cần ghi lý do không công nhận trước khi gửi.',
    'q.query.label': 'Nội dung đề nghị đơn vị giải trình (bắt buộc)',
    'q.query.send': 'Gửi yêu cầu giải trình',
    'q.query.required': 'Cần ghi nội dung đề nghị giải trình.',
    'q.cancel': 'Huỷ',
    'q.points': (p) => `Nếu xác minh: ${p} điểm vào tổng điểm của đơn vị`,
    'q.points.zero': 'Nếu xác minh: chưa thêm điểm (mục đã đủ điểm, hoặc chưa giao chỉ tiêu cho đơn vị)',
    'q.points.none': 'Không thuộc mục chấm điểm nào: xác minh không thay đổi điểm',
    'q.items': 'Tính vào mục',
    'q.reported': (d) => `báo cáo ngày ${d}`,
    'q.question': 'Ban Thường trực hỏi',
    'q.explained.mark': 'Đơn vị đã giải trình: xem câu trả lời bên dưới',
    'q.done.verify': (n) => `Đã xác minh ${n} việc.`,
    'q.done.reject': 'Đã ghi nhận: không công nhận.',
    'q.done.query': 'Đã gửi yêu cầu giải trình cho đơn vị.',
    'q.failed': (what, why) => `Chưa gửi được «${what}»: ${why}`,
    'q.offline': 'Mất kết nối: chưa gửi được. Bấm lại để gửi, hệ thống không ghi trùng.',
    'q.more': 'Xem thêm',
    'q.live': 'Tự cập nhật khi đơn vị báo cáo',
    'q.exchange.fact.queried': 'Ban Thường trực hỏi',
    'q.exchange.fact.explained': 'Đơn vị trả lời',
  },
  en: {
    'tab.queue': 'Review queue',
    'q.title': 'Facts waiting for review',
    'q.help': 'Facts the units reported that the committee has not decided yet, oldest first. Look at the evidence, then verify, reject (with a reason) or ask the unit to explain.',
    'q.summary': (n, m) => `${n} waiting for review · ${m} waiting for the unit's explanation`,
    'q.unit': 'Unit',
    'q.item': 'Rubric line',
    'q.all.units': 'All units',
    'q.all.items': 'All lines',
    'q.waiting': (n) => `Waiting for review (${n})`,
    'q.queried': (n) => `Waiting for the unit's explanation (${n})`,
    'q.queried.help': 'The unit was asked to explain. When it answers, the fact comes back to the review list, marked "Explained".',
    'q.empty': 'Nothing is waiting for review.',
    'q.empty.filtered': 'Nothing matches the filters.',
    'q.none.queried': 'No fact is waiting for an explanation.',
    'q.select': 'Select to verify',
    'q.select.all': 'Select all',
    'q.verify.selected': (n) => `Verify the ${n} selected`,
    'q.verify.selected.none': 'Select the facts to verify',
    'q.verify': 'Verify',
    'q.reject': 'Reject',
    'q.query': 'Ask the unit to explain',
    'q.reject.label': 'Why it is rejected (required; the unit sees it)',
    'q.reject.send': 'Reject',
    'q.reject.required': 'Write why the fact is rejected before sending.',
    'q.query.label': 'What the unit should explain (required)',
    'q.query.send': 'Send the question',
    'q.query.required': 'Write what the unit should explain.',
    'q.cancel': 'Cancel',
    'q.points': (p) => `If verified: ${p} points to the unit's total`,
    'q.points.zero': 'If verified: no points yet (the line is full, or no target is assigned to the unit)',
    'q.points.none': 'Counts on no rubric line: verifying it changes no points',
    'q.items': 'Counts on',
    'q.reported': (d) => `reported ${d}`,
    'q.question': 'The committee asks',
    'q.explained.mark': 'The unit has explained: see its answer below',
    'q.done.verify': (n) => `${n} verified.`,
    'q.done.reject': 'Rejected.',
    'q.done.query': 'The question was sent to the unit.',
    'q.failed': (what, why) => `Not sent: "${what}": ${why}`,
    'q.offline': 'Connection lost: not sent. Press again; nothing is recorded twice.',
    'q.more': 'Show more',
    'q.live': 'Updates itself as units report',
    'q.exchange.fact.queried': 'The committee asked',
    'q.exchange.fact.explained': 'The unit answered',
  },
});

const enc = encodeURIComponent;
const PAGE = 100;

export const tab = {
  id: 'queue',
  mount(box, io) {
    const st = {
      unit: '', item: '', facts: [], counts: {}, next: 0, limit: PAGE, gen: 0,
      selected: new Set(), ids: new Map(), // fact id → client id of its pending verdict
      status: null, shown: false,
    };
    const ctrl = new AbortController();

    // ---------- filters and the selection bar (built once) ----------
    const unitSel = el('select', { id: 'q-unit', on: { change: () => { st.unit = unitSel.value; st.limit = PAGE; load(); } } });
    const itemSel = el('select', { id: 'q-item', on: { change: () => { st.item = itemSel.value; st.limit = PAGE; load(); } } });
    const allBox = el('input', { type: 'checkbox', id: 'q-all', on: { change: () => selectAll(allBox.checked) } });
    const verifyBtn = el('button', { type: 'button', class: 'primary', id: 'q-verify-selected', disabled: true, on: { click: () => verifySelected() } });
    const statusLine = el('div', { class: 'form-status', role: 'status', 'aria-live': 'polite' });
    const summary = el('p', { class: 'q-summary' });
    const list = el('div', { class: 'q-lists' });
    const head = el('div', { class: 'q-head' });
    box.replaceChildren(head, list);

    function drawHead() {
      const season = io.season();
      const members = season?.members || [];
      unitSel.replaceChildren(el('option', { value: '', text: t('q.all.units') }),
        members.map((m) => el('option', { value: m.id, text: m.name })));
      unitSel.value = st.unit;
      itemSel.replaceChildren(el('option', { value: '', text: t('q.all.items') }),
        rubricLines(season?.rubric).map((it) => el('option', { value: it.code, text: `${it.code} ${bi(it.title, it.title_en)}` })));
      itemSel.value = st.item;
      head.replaceChildren(
        el('h2', { text: t('q.title') }),
        el('p', { class: 'muted', text: t('q.help') }),
        summary,
        el('div', { class: 'q-filters' },
          el('div', { class: 'field' }, el('label', { for: 'q-unit', class: 'flabel', text: t('q.unit') }), unitSel),
          el('div', { class: 'field' }, el('label', { for: 'q-item', class: 'flabel', text: t('q.item') }), itemSel)),
        el('div', { class: 'q-bulk', hidden: closed() || null },
          el('span', { class: 'q-all' }, allBox, el('label', { for: 'q-all', text: t('q.select.all') })),
          verifyBtn),
        statusLine);
      drawBulk();
    }

    function drawBulk() {
      const n = st.selected.size;
      verifyBtn.disabled = n === 0;
      verifyBtn.textContent = n ? t('q.verify.selected', n) : t('q.verify.selected.none');
      const open = waiting();
      allBox.checked = open.length > 0 && open.every((f) => st.selected.has(f.id));
      allBox.disabled = open.length === 0;
    }

    const closed = () => Boolean(io.season()?.closed);
    const waiting = () => st.facts.filter((f) => f.status === 'pending' || f.status === 'explained');

    function say(text, cls) {
      statusLine.className = `form-status ${cls || ''}`;
      statusLine.textContent = text;
    }

    // ---------- loading ----------
    async function load(minSeq) {
      const gen = ++st.gen;
      const q = new URLSearchParams({ status: 'open', limit: String(Math.min(st.limit, 500)) });
      if (st.unit) q.set('unit', st.unit);
      if (st.item) q.set('item', st.item);
      if (minSeq) q.set('min_seq', String(minSeq));
      let r;
      try {
        r = await io.api(`${io.seasonPath()}/facts?${q}`);
      } catch (e) {
        if (gen === st.gen && st.shown) list.replaceChildren(el('p', { class: 'error', text: e.message }));
        return;
      }
      if (gen !== st.gen) return;
      st.facts = r.facts || [];
      st.counts = r.counts || {};
      st.next = r.next || 0;
      const present = new Set(st.facts.map((f) => f.id));
      for (const id of [...st.selected]) if (!present.has(id)) st.selected.delete(id);
      if (!st.unit && !st.item) io.count('queue', (st.counts.pending || 0) + (st.counts.explained || 0));
      summary.textContent = t('q.summary', num((st.counts.pending || 0) + (st.counts.explained || 0)), num(st.counts.queried || 0));
      // A live update never takes away what is being typed.
      if (list.querySelector('.action-form textarea')) { drawBulk(); return; }
      draw();
    }

    function draw() {
      const open = waiting();
      const queried = st.facts.filter((f) => f.status === 'queried');
      const filtered = st.unit || st.item;
      list.replaceChildren(
        el('h3', { class: 'q-h', text: t('q.waiting', (st.counts.pending || 0) + (st.counts.explained || 0)) }),
        open.length ? el('ul', { class: 'cards q-open' }, open.map(card)) : el('p', { class: 'notice', text: t(filtered ? 'q.empty.filtered' : 'q.empty') }),
        el('h3', { class: 'q-h queried-h', text: t('q.queried', st.counts.queried || 0) }),
        el('p', { class: 'muted', text: t('q.queried.help') }),
        queried.length ? el('ul', { class: 'cards q-queried' }, queried.map(card)) : el('p', { class: 'muted', text: t('q.none.queried') }),
        st.next ? el('button', { type: 'button', class: 'secondary', text: t('q.more'), on: { click: () => { st.limit += PAGE; load(); } } }) : null);
      drawBulk();
    }

    // ---------- one fact ----------
    function card(f) {
      // A closed season takes no more verdicts: the facts are shown as they stand.
      const sel = f.status !== 'queried' && !closed();
      const boxID = `q-sel-${f.id}`;
      const actions = el('div', { class: 'actions', hidden: closed() || null },
        el('button', { type: 'button', class: 'primary q-verify', text: t('q.verify'), on: { click: () => verify([f]) } }),
        el('button', { type: 'button', class: 'secondary q-reject', text: t('q.reject'), on: { click: () => reasonForm(f, li, actions, 'reject') } }),
        f.status !== 'queried' ? el('button', { type: 'button', class: 'secondary q-query', text: t('q.query'), on: { click: () => reasonForm(f, li, actions, 'query') } }) : null);
      const summaryText = bi(f.summary, f.summary_en ?? '') || bi(f.type_name, f.type_name_en);
      const li = el('li', { class: ['fact-card', 'q-card', `qs-${f.status}`], data: { eventId: f.id } },
        el('div', { class: 'fact-head' },
          sel ? el('input', {
            type: 'checkbox', id: boxID, class: 'q-sel', checked: st.selected.has(f.id) || null, 'aria-label': `${t('q.select')}: ${summaryText}`,
            on: { change: (e) => { if (e.target.checked) st.selected.add(f.id); else st.selected.delete(f.id); drawBulk(); } },
          }) : null,
          el('strong', { class: 'q-unit', text: shortName(f.unit_name), title: f.unit_name }),
          el('span', { class: 'when', text: date(f.date) }),
          el('span', { class: ['badge', `st-${f.status}`], text: label('status', f.status) })),
        el('p', { class: 'summary' }, sel ? el('label', { for: boxID, text: summaryText }) : summaryText),
        el('p', { class: 'ftype muted', text: `${bi(f.type_name, f.type_name_en)} · ${t('q.reported', date((f.recorded || '').slice(0, 10)))}` }),
        f.status === 'explained' ? el('p', { class: 'q-mark', text: t('q.explained.mark') }) : null,
        f.question ? el('p', { class: 'question' }, el('strong', { text: `${t('q.question')}: ` }), f.question) : null,
        points(f),
        evidenceList(f.evidence, { openFile: io.openFile }),
        exchanges(f.exchanges),
        actions);
      return li;
    }

    function points(f) {
      const items = f.items || [];
      let text = t('q.points', delta(f.points));
      if (!f.points) text = items.length ? t('q.points.zero') : t('q.points.none');
      const parts = [];
      items.forEach((it, i) => {
        if (i) parts.push('; ');
        parts.push(el('span', { class: 'code', text: it.code }), ` ${bi(it.title, it.title_en)} (${it.points ? delta(it.points) : num(0)})`);
      });
      return el('div', { class: 'q-points' },
        el('p', { class: ['q-gain', f.points > 0 && 'up', f.points < 0 && 'down'], text }),
        items.length ? el('p', { class: 'muted q-items' }, `${t('q.items')}: `, ...parts) : null);
    }

    function exchanges(xs) {
      if (!xs?.length) return null;
      return el('ol', { class: 'exchanges' }, xs.map((x) => el('li', { class: x.type === 'fact.queried' ? 'q' : 'a' },
        el('strong', { text: `${t(`q.exchange.${x.type}`)} (${date((x.recorded || '').slice(0, 10))}): ` }),
        x.retracted ? el('s', { text: x.text }) : x.text,
        evidenceList(x.evidence, { openFile: io.openFile }))));
    }

    // ---------- verdicts ----------
    /** send posts one event about fact f with the client id kept for it until accepted. */
    async function send(f, kind, body) {
      const key = `${kind}:${f.id}`;
      if (!st.ids.has(key)) st.ids.set(key, newID());
      const res = await io.post(`${io.seasonPath()}/events`, { id: st.ids.get(key), ...body });
      if (res.status === 201 || res.status === 200) st.ids.delete(key);
      return res;
    }

    async function verify(facts) {
      if (!facts.length) return;
      verifyBtn.disabled = true;
      say('');
      let done = 0;
      let last = 0;
      const failures = [];
      for (const f of facts) {
        let res;
        try {
          res = await send(f, 'verify', { type: 'fact.verified', unit: f.unit, data: { target: f.id } });
        } catch {
          failures.push(t('q.offline'));
          break;
        }
        if (res.status === 201 || res.status === 200) {
          done++;
          last = Math.max(last, res.body?.seq || 0);
          st.selected.delete(f.id);
        } else {
          failures.push(t('q.failed', bi(f.summary, f.summary_en ?? ''), fieldMessage(res.body?.error?.message)));
        }
      }
      say([done ? t('q.done.verify', done) : '', ...failures].filter(Boolean).join(' '), failures.length ? 'bad' : 'ok');
      await load(last);
    }

    function verifySelected() {
      verify(st.facts.filter((f) => st.selected.has(f.id)));
    }

    function selectAll(on) {
      for (const f of waiting()) { if (on) st.selected.add(f.id); else st.selected.delete(f.id); }
      for (const b of list.querySelectorAll('input.q-sel')) b.checked = on;
      drawBulk();
    }

    /** reasonForm asks for a rejection's reason or the question to the unit; neither is sent empty. */
    function reasonForm(f, li, actions, kind) {
      actions.hidden = true;
      const id = `q-${kind}-${f.id}`;
      const text = el('textarea', { id, rows: 3, maxlength: 2000, required: true, 'aria-describedby': `${id}-err` });
      const err = el('p', { class: 'ferr', id: `${id}-err`, role: 'alert', hidden: true });
      const sendBtn = el('button', { type: 'submit', class: 'primary', text: t(`q.${kind}.send`) });
      const form = el('form', { class: ['action-form', `q-${kind}-form`], novalidate: true },
        el('label', { for: id, class: 'flabel', text: t(`q.${kind}.label`) }), text, err,
        el('div', { class: 'actions' }, sendBtn,
          el('button', { type: 'button', class: 'link', text: t('q.cancel'), on: { click: () => { form.remove(); actions.hidden = false; load(); } } })));
      form.addEventListener('submit', async (e) => {
        e.preventDefault();
        const v = text.value.trim();
        err.hidden = true;
        text.removeAttribute('aria-invalid');
        if (!v) {
          err.textContent = t(`q.${kind}.required`);
          err.hidden = false;
          text.setAttribute('aria-invalid', 'true');
          text.focus();
          return;
        }
        if (sendBtn.disabled) return;
        sendBtn.disabled = true;
        const body = kind === 'reject'
          ? { type: 'fact.rejected', unit: f.unit, data: { target: f.id, reason: v } }
          : { type: 'fact.queried', unit: f.unit, data: { target: f.id, question: v } };
        let res;
        try {
          res = await send(f, kind, body);
        } catch {
          err.textContent = t('q.offline');
          err.hidden = false;
          sendBtn.disabled = false;
          return;
        }
        sendBtn.disabled = false;
        if (res.status === 201 || res.status === 200) {
          form.remove();
          st.selected.delete(f.id);
          say(t(kind === 'reject' ? 'q.done.reject' : 'q.done.query'), 'ok');
          load(res.body?.seq);
          return;
        }
        err.textContent = fieldMessage(res.body?.error?.message);
        err.hidden = false;
        text.setAttribute('aria-invalid', 'true');
      });
      li.append(form);
      text.focus();
    }

    // ---------- staying live ----------
    // The page's stream follows the view it shows; a new fact moves the
    // claimed view, so the queue listens to that one itself.
    (async () => {
      let wait = 1000;
      while (!ctrl.signal.aborted) {
        try {
          await readStream(`${io.seasonPath()}/rankings/stream?view=claimed`, io.token(), {
            signal: ctrl.signal,
            onOpen: () => { wait = 1000; },
            onMessage: (m) => { if (m.event === 'rankings') load(); },
          });
        } catch (e) {
          if (ctrl.signal.aborted || e.status === 401 || e.status === 403) return;
        }
        await new Promise((r) => setTimeout(r, wait));
        wait = Math.min(wait * 2, 30000);
      }
    })();
    const timer = setInterval(() => { if (document.visibilityState === 'visible') load(); }, 10000);
    const onVisible = () => { if (document.visibilityState === 'visible') load(); };
    document.addEventListener('visibilitychange', onVisible);

    drawHead();
    load();

    return {
      show() { st.shown = true; load(); },
      stop() {
        ctrl.abort();
        clearInterval(timer);
        document.removeEventListener('visibilitychange', onVisible);
      },
      onChange() { load(); },
      relabel() { drawHead(); load(); },
    };
  },
};

/** rubricLines lists the rubric's groups and lines whose rule counts facts, in order. */
function rubricLines(rubric) {
  const out = [];
  const walk = (items) => {
    for (const it of items || []) {
      if (!it.rule) { out.push(it); walk(it.items); } else if (it.rule.match) out.push(it);
    }
  };
  walk(rubric?.items);
  walk(rubric?.bonus?.items);
  walk(rubric?.deductions?.items);
  return out;
}
