// The unit's workspace: beside the ranking, "Báo cáo kết quả" (the report
// form), "Hồ sơ của đơn vị" (its facts, their review, questions to answer,
// withdrawals) and "Việc cần làm" (what it can still earn, soonest deadline
// first). It reads and writes the public API only, with the unit's token.

import { t, label, bi, num, date, getLang } from './i18n.js';
import { el } from './util.js';
import { renderReport, newID, fieldMessage } from './form.js';
import { evidenceList } from './sheet.js';
import { fileSize } from './files.js';

const TABS = ['ranking', 'report', 'dossier', 'todo'];
const $ = (sel) => document.querySelector(sel);
const enc = encodeURIComponent;

/**
 * createWorkspace wires the tabs. io: {api(path) → JSON, post(path, body) →
 * {status, body}, seasonPath(), me, season() (the season reply), schema()
 * (loaded lazily), onTab(tab)}.
 */
export function createWorkspace(io) {
  const ws = { tab: 'ranking', schema: null, gen: 0 };
  const nav = $('#tabs');
  nav.hidden = false;
  nav.replaceChildren(...TABS.map((tab) => el('button', {
    type: 'button', role: 'tab', id: `tab-btn-${tab}`, 'aria-controls': `tab-${tab}`, data: { tab },
    on: { click: () => go(tab) },
  }, el('span', { class: 'tab-label', text: t(`tab.${tab}`) }), el('span', { class: 'tab-count', hidden: true }))));

  const panel = (tab) => $(`#tab-${tab}`);
  const who = el('p', { class: 'ws-unit' });
  nav.after(who);
  const sayWho = () => {
    const m = (io.season()?.members || []).find((x) => x.id === io.me.unit);
    who.textContent = t('ws.for', m?.name || io.me.unit);
  };
  sayWho();

  function go(tab, push = true) {
    if (!TABS.includes(tab)) tab = 'ranking';
    ws.tab = tab;
    for (const b of nav.querySelectorAll('button')) b.setAttribute('aria-selected', String(b.dataset.tab === tab));
    $('#workspace').hidden = tab === 'ranking';
    for (const x of TABS.slice(1)) panel(x).hidden = x !== tab;
    io.onTab(tab);
    if (push) {
      const u = new URL(location.href);
      if (tab === 'ranking') u.searchParams.delete('tab');
      else u.searchParams.set('tab', tab);
      u.searchParams.delete('type');
      history.replaceState(history.state, '', u);
    }
    if (tab === 'report') showReport();
    if (tab === 'dossier') loadDossier();
    if (tab === 'todo') loadTodo();
  }

  async function schema() {
    if (!ws.schema) ws.schema = await io.api(`${io.seasonPath()}/schema`);
    return ws.schema;
  }

  async function showReport() {
    const box = panel('report');
    try {
      const s = await schema();
      renderReport(box, {
        schema: s, unit: io.me.unit, closed: io.season()?.closed,
        post: (body) => io.post(`${io.seasonPath()}/events`, body),
        goto: (tab) => go(tab),
        upload: (li, sub) => uploader(li, sub),
        onSent: (reply) => { loadDossier(true, reply?.seq); },
      });
    } catch (e) {
      box.replaceChildren(el('p', { class: 'error', text: e.message }));
    }
  }

  /**
   * uploader adds a file picker (and a drop zone) to one evidence item: the
   * file is sent as it is chosen, with its progress, and the item then
   * names it by its hash. An item sent with a file and no title takes
   * the file's name as its title.
   */
  function uploader(li, sub) {
    const state = { sha256: null, name: '' };
    const id = `up-${Math.random().toString(36).slice(2, 10)}`;
    const input = el('input', { id, type: 'file', accept: '.pdf,.jpg,.jpeg,.png,.webp,.doc,.docx,.xls,.xlsx,.odt,.ods', name: 'file' });
    const bar = el('progress', { max: 100, value: 0, hidden: true });
    const info = el('p', { class: 'upload-info', role: 'status' });
    const send = (file) => {
      if (!file) return;
      state.sha256 = null;
      bar.hidden = false;
      bar.value = 0;
      info.className = 'upload-info';
      info.textContent = t('report.uploading', 0);
      const xhr = new XMLHttpRequest();
      xhr.open('POST', `${io.seasonPath()}/files?name=${enc(file.name)}`);
      xhr.setRequestHeader('Authorization', `Bearer ${io.token()}`);
      xhr.upload.onprogress = (e) => {
        if (!e.lengthComputable) return;
        bar.value = Math.round((100 * e.loaded) / e.total);
        info.textContent = t('report.uploading', bar.value);
      };
      xhr.onerror = () => { bar.hidden = true; info.className = 'upload-info bad'; info.textContent = `${t('report.uploadfail')}: ${t('error.network')}`; };
      xhr.onload = () => {
        bar.hidden = true;
        let body = null;
        try { body = JSON.parse(xhr.responseText); } catch { /* not JSON */ }
        if (xhr.status === 201 || xhr.status === 200) {
          state.sha256 = body.sha256;
          li.dataset.file = body.sha256;
          info.className = 'upload-info ok';
          info.textContent = `${t('report.uploaded')} · ${t('report.file', file.name, fileSize(body.size, getLang()))}`;
          state.name = file.name.replace(/\.[^.]+$/, '');
          return;
        }
        info.className = 'upload-info bad';
        info.textContent = `${t('report.uploadfail')}: ${xhr.status === 413 ? t('report.toolarge') : xhr.status === 415 ? t('report.badtype') : fieldMessage(body?.error?.message)}`;
      };
      xhr.send(file);
    };
    input.addEventListener('change', () => send(input.files[0]));
    li.addEventListener('dragover', (e) => { e.preventDefault(); li.classList.add('drop'); });
    li.addEventListener('dragleave', () => li.classList.remove('drop'));
    li.addEventListener('drop', (e) => {
      e.preventDefault();
      li.classList.remove('drop');
      send(e.dataTransfer?.files?.[0]);
    });
    // The browser's own file button speaks the browser's language; this
    // one speaks the page's, and the input stays the keyboard's target.
    li.append(el('div', { class: 'field upload' },
      el('p', { class: 'flabel', text: t('report.upload') }), input,
      el('label', { for: id, class: 'pick', text: t('report.pickfile') }),
      el('p', { class: 'fhint', text: t('report.drop') }), bar, info));
    return state;
  }

  // ---------- Hồ sơ của đơn vị ----------

  // minSeq: after the unit's own write, read no older state than it (a
  // question or an answer changes no ranking, so no live message follows).
  async function loadDossier(quietly, minSeq) {
    const gen = ++ws.gen;
    const box = panel('dossier');
    let sheet;
    try {
      sheet = await io.api(`${io.seasonPath()}/units/${enc(io.me.unit)}/score?view=claimed${minSeq ? `&min_seq=${minSeq}` : ''}`);
    } catch (e) {
      if (!quietly) box.replaceChildren(el('p', { class: 'error', text: e.message }));
      return;
    }
    if (gen !== ws.gen) return;
    const facts = (sheet.facts || []).slice().sort((a, b) => (b.seq ?? 0) - (a.seq ?? 0));
    const queried = facts.filter((f) => f.status === 'queried');
    // :scope: the body carries data-tab too, and a bare selector would match through it.
    const count = nav.querySelector(':scope > [data-tab="dossier"] .tab-count');
    count.hidden = !queried.length;
    count.textContent = queried.length ? ` ${queried.length}` : '';
    count.setAttribute('aria-label', queried.length ? t('dossier.queried', queried.length) : '');
    if (ws.tab !== 'dossier' && quietly) return;
    // A live update never takes away what the secretary is typing: the
    // list is redrawn once the open answer or withdrawal is sent or dropped.
    if (quietly && box.querySelector('.action-form')) return;
    const parts = [];
    if (queried.length) {
      parts.push(el('h3', { class: 'queried-h', text: t('dossier.queried', queried.length) }));
      parts.push(el('ul', { class: 'cards' }, queried.map((f) => card(f))));
    }
    parts.push(el('h3', { text: t('dossier.all', facts.length) }));
    parts.push(facts.length ? el('ul', { class: 'cards all' }, facts.map((f) => card(f))) : el('p', { class: 'muted', text: t('dossier.empty') }));
    box.replaceChildren(...parts);
  }

  function card(f) {
    const struck = f.status === 'rejected' || f.status === 'retracted' || f.status === 'ignored';
    const summary = bi(f.summary, f.summary_en ?? '') || label('type', f.type);
    const actions = el('div', { class: 'actions' });
    const li = el('li', { class: ['fact-card', `st-${f.status}`], data: { eventId: f.id } },
      el('div', { class: 'fact-head' },
        el('span', { class: 'when', text: date(f.date) }),
        struck ? el('s', { class: 'summary', text: summary }) : el('span', { class: 'summary', text: summary }),
        el('span', { class: ['badge', `st-${f.status}`], text: label('status', f.status) })),
      el('p', { class: 'ftype muted', text: label('type', f.type) }),
      f.reason && f.status !== 'pending' ? el('p', { class: 'reason', text: `${label('why', f.status) || t('sheet.reason')}: ${bi(f.reason)}` }) : null,
      f.question ? el('p', { class: 'question' }, el('strong', { text: `${t('dossier.question')}: ` }), f.question) : null,
      evidence(f.evidence),
      exchanges(f.exchanges),
      actions);
    if (io.season()?.closed) return li;
    if (f.status === 'queried') actions.append(actionButton(t('dossier.answer'), () => answerForm(f, li, actions)));
    if (!struck) actions.append(actionButton(t('dossier.retract'), () => retractForm(f, li, actions), 'link'));
    return li;
  }

  function actionButton(text, fn, cls = 'secondary') {
    return el('button', { type: 'button', class: cls, text, on: { click: fn } });
  }

  const evidence = (items) => evidenceList(items, { openFile: io.openFile });

  function exchanges(list) {
    if (!list?.length) return null;
    return el('ol', { class: 'exchanges' }, list.map((x) => el('li', { class: x.type === 'fact.queried' ? 'q' : 'a' },
      el('strong', { text: `${t(`dossier.exchange.${x.type}`)} (${date((x.recorded || '').slice(0, 10))}): ` }),
      x.retracted ? el('s', { text: x.text }) : x.text,
      evidence(x.evidence))));
  }

  /** actionForm is a small inline form that posts one event with its own client id. */
  function actionForm(li, actions, { labelText, sendText, extra, build }) {
    actions.hidden = true;
    const id = `a-${li.dataset.eventId}-${Math.random().toString(36).slice(2, 8)}`;
    const text = el('textarea', { id, rows: 3, required: true, maxlength: 2000 });
    const err = el('p', { class: 'ferr', role: 'alert', hidden: true });
    const send = el('button', { type: 'submit', class: 'primary', text: sendText });
    const form = el('form', { class: 'action-form', novalidate: true },
      el('label', { for: id, text: labelText }), text, extra || null, err, send,
      el('button', { type: 'button', class: 'link', text: t('dossier.cancel'), on: { click: () => { form.remove(); actions.hidden = false; loadDossier(true); } } }));
    let clientID = null;
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      if (send.disabled) return;
      send.disabled = true;
      err.hidden = true;
      clientID = clientID || newID();
      let res;
      try {
        res = await io.post(`${io.seasonPath()}/events`, { id: clientID, ...build(text.value.trim()) });
      } catch {
        err.textContent = t('report.offline');
        err.hidden = false;
        send.disabled = false;
        return;
      }
      send.disabled = false;
      if (res.status === 201 || res.status === 200) {
        form.remove();
        loadDossier(false, res.body?.seq);
        loadTodo(true, res.body?.seq);
        return;
      }
      err.textContent = fieldMessage(res.body?.error?.message);
      err.hidden = false;
    });
    li.append(form);
    text.focus();
  }

  function answerForm(f, li, actions) {
    const docID = `d-${f.id}`;
    const doc = el('input', { id: docID, type: 'text', maxlength: 2000 });
    actionForm(li, actions, {
      labelText: t('dossier.answer.label'),
      sendText: t('dossier.answer.send'),
      extra: el('div', { class: 'field' }, el('label', { for: docID, text: t('dossier.answer.doc') }), doc),
      build: (text) => {
        const body = { type: 'fact.explained', unit: io.me.unit, data: { target: f.id, text } };
        if (doc.value.trim()) body.evidence = [{ kind: 'document', title: doc.value.trim() }];
        return body;
      },
    });
  }

  function retractForm(f, li, actions) {
    actionForm(li, actions, {
      labelText: t('dossier.retract.label'),
      sendText: t('dossier.retract.send'),
      build: (reason) => ({ type: 'fact.retracted', unit: io.me.unit, data: { target: f.id, reason } }),
    });
  }

  // ---------- Việc cần làm ----------

  async function loadTodo(quietly, minSeq) {
    const box = panel('todo');
    let td;
    try {
      // ?date=YYYY-MM-DD in the page's address shows the list as on that day.
      const day = new URLSearchParams(location.search).get('date');
      const q = new URLSearchParams();
      if (day) q.set('date', day);
      if (minSeq) q.set('min_seq', minSeq);
      td = await io.api(`${io.seasonPath()}/units/${enc(io.me.unit)}/todo${q.size ? `?${q}` : ''}`);
    } catch (e) {
      if (!quietly) box.replaceChildren(el('p', { class: 'error', text: e.message }));
      return;
    }
    if (td.closed) { box.replaceChildren(el('p', { class: 'notice', text: t('todo.closed') })); return; }
    const items = td.items || [];
    box.replaceChildren(
      el('p', { class: 'todo-sum' }, el('strong', { text: t('todo.reachable', num(td.reachable)) }), ' · ', el('span', { class: 'muted', text: t('todo.asof', date(td.date)) })),
      el('ul', { class: 'todo' }, items.map((it) => el('li', { class: ['todo-item', `td-${it.state}`], data: { code: it.code } },
        el('div', { class: 'todo-head' },
          el('span', { class: 'code', text: it.code }),
          el('span', { class: 'ititle', text: bi(it.title, it.title_en) }),
          el('span', { class: ['badge', `td-${it.state}`], text: t(`todo.state.${it.state}`) })),
        el('p', { class: 'what', text: bi(it.what, it.what_en) }),
        el('p', { class: 'muted nums' },
          t('todo.points', num(it.points), num(it.max)),
          it.reachable > 0 ? ` · ${t('todo.reachable', num(it.reachable))}` : null,
          it.due ? el('span', { class: ['due', it.state === 'overdue' && 'late'], text: ` · ${t('todo.due', date(it.due))}` }) : null,
          it.date ? ` · ${t('todo.date', date(it.date))}` : null)))));
  }

  // The live stream carries rankings: a question or a verdict that moves no
  // ranking arrives through this slower refresh of what is shown.
  const timer = setInterval(() => {
    if (document.visibilityState !== 'visible') return;
    if (ws.tab === 'dossier') loadDossier(true);
    if (ws.tab === 'todo') loadTodo(true);
  }, 30000);
  const onVisible = () => {
    if (document.visibilityState === 'visible' && ws.tab === 'dossier') loadDossier(true);
  };
  document.addEventListener('visibilitychange', onVisible);

  const initial = new URLSearchParams(location.search).get('tab');
  go(initial || 'ranking', false);

  return {
    go,
    /** stop ends the refresh (the token signed out). */
    stop() {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    },
    /** onChange: the season moved (a live rankings message); refresh what is shown. */
    onChange() {
      loadDossier(true); // re-renders the list when shown; keeps the count of questions in the tab
      if (ws.tab === 'todo') loadTodo(true);
    },
    /** onSeason: another season or an amended one; the schema is read again. */
    onSeason() { ws.schema = null; sayWho(); if (ws.tab !== 'ranking') go(ws.tab, false); },
    relabel() {
      sayWho();
      for (const b of nav.querySelectorAll('button')) b.querySelector('.tab-label').textContent = t(`tab.${b.dataset.tab}`);
      // A form being filled in keeps what was typed; it speaks the new
      // language when it is next opened.
      const filling = ws.tab === 'report' && panel('report').querySelector('form.report');
      if (ws.tab !== 'ranking' && !filling) go(ws.tab, false);
    },
  };
}
