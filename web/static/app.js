// The committee's live rankings page. It reads the same API as every other
// client: the season, the live rankings stream (the only source of live
// rankings: no polling), a unit's scoring sheet and the timeline.

import { t, label, bi, num, delta, clock, date, setLang, getLang } from './i18n.js';
import { shortName, el, ApiError, errorFrom } from './util.js';
import { readStream } from './sse.js';
import { renderSheet, awardBadge, gateReason, awardBasis } from './sheet.js';
import { renderChart } from './chart.js';
import { createWorkspace } from './workspace.js';
import { createCommittee } from './committee.js';
import { openFile } from './files.js';

const $ = (sel) => document.querySelector(sel);
const enc = encodeURIComponent;
const TOKEN_KEY = 'thidua.token';
const LANG_KEY = 'thidua.lang';
const BIG_KEY = 'thidua.big';
const VIEWS = ['claimed', 'verified', 'final'];
const REFRESH_MS = 2000; // timeline and season are re-read at most this often

const state = {
  token: null,
  me: null, // who the token is (GET /me): a unit token gets its workspace
  workspace: null,
  seasons: null, // the list, or null while GET /seasons does not exist
  seasonId: null,
  season: null,
  view: 'verified',
  ranking: null, // the last rankings message rendered
  rows: new Map(), // unit id → {tr, change}
  gen: 0, // bumped on every season/view switch; stale replies are dropped
  ctrl: null, // aborts the current stream and its reads
  live: { st: 'connecting', msg: '' },
  wake: null, // ends a reconnect back-off early (browser back online)
  sheet: { unit: null, ctrl: null, data: null, people: null, open: { closed: new Set() } },
  awards: new Map(), // unit → how its award was decided (the rankings' "awards")
  timeline: { missing: false, data: null },
  refresh: { last: 0, timer: 0 },
};

// ---------- storage and URL ----------

function store(key, value) {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch { /* storage disabled: the setting lasts for this page only */ }
}

function stored(key) {
  try { return localStorage.getItem(key); } catch { return null; }
}

const query = () => new URL(location.href).searchParams;
const hashParams = () => new URLSearchParams(location.hash.replace(/^#/, ''));

function setQuery(key, value) {
  const u = new URL(location.href);
  if (value === null) u.searchParams.delete(key);
  else u.searchParams.set(key, value);
  history.replaceState(history.state, '', u);
}

function setHash(key, value) {
  const u = new URL(location.href);
  const h = hashParams();
  if (value === null) h.delete(key);
  else h.set(key, value);
  u.hash = h.toString();
  history.replaceState(history.state, '', u);
}

const sleep = (ms, signal) => new Promise((resolve) => {
  const done = () => { clearTimeout(timer); state.wake = null; resolve(); };
  const timer = setTimeout(done, ms);
  state.wake = done;
  signal?.addEventListener('abort', done, { once: true });
});

// ---------- API ----------

/** api GETs a path with the token; a 401 sends the reader to the token form. */
async function api(path, { signal } = {}) {
  let res;
  try {
    res = await fetch(path, {
      headers: { Authorization: `Bearer ${state.token}`, Accept: 'application/json' },
      cache: 'no-store',
      signal,
    });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(0, 'network', t('error.network'));
  }
  if (!res.ok) {
    const err = await errorFrom(res);
    if (err.status === 401) needLogin(err.message);
    throw err;
  }
  return res.json();
}

/**
 * post sends a body and answers {status, body} for any reply, so a form can
 * show the API's error on its field; it throws only when the network fails
 * (the form then keeps its client id for the retry).
 */
async function post(path, body) {
  const res = await fetch(path, {
    method: 'POST',
    headers: { Authorization: `Bearer ${state.token}`, Accept: 'application/json', 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
    cache: 'no-store',
  });
  let json = null;
  try { json = await res.json(); } catch { /* no body */ }
  if (res.status === 401) needLogin(json?.error?.message);
  return { status: res.status, body: json };
}

const seasonPath = () => `/api/v1/seasons/${enc(state.seasonId)}`;
const quiet = (e) => e.name === 'AbortError' || e.status === 401;

// ---------- header ----------

function applyLang() {
  const lang = getLang();
  document.documentElement.lang = lang;
  for (const e of document.querySelectorAll('[data-i18n]')) e.textContent = t(e.dataset.i18n);
  for (const e of document.querySelectorAll('[data-i18n-label]')) e.setAttribute('aria-label', t(e.dataset.i18nLabel));
  const btn = $('#lang');
  for (const s of btn.querySelectorAll('[data-lang]')) s.classList.toggle('on', s.dataset.lang === lang);
  btn.setAttribute('aria-label', lang === 'vi' ? 'Ngôn ngữ: Tiếng Việt. Chuyển sang tiếng Anh' : 'Language: English. Switch to Vietnamese');
  renderHeader();
  renderLive();
  if (state.season) renderHead();
  if (state.ranking) renderRanking(state.ranking, false);
  if (state.sheet.data) drawSheet();
  state.workspace?.relabel();
  drawChart();
}

/** renderSeasonInfo shows the cluster's head and deputy and the covenant the members signed. */
function renderSeasonInfo() {
  const s = state.season;
  const box = $('#season-info');
  const cov = s?.covenant || [];
  const roles = [[t('season.head'), s?.head], [t('season.deputy'), s?.deputy]].filter(([, id]) => id);
  box.hidden = !s || (!cov.length && !roles.length);
  if (box.hidden) return;
  box.querySelector('.roles').replaceChildren(...roles.flatMap(([label, id], i) => [
    i ? ' · ' : '', el('span', { class: 'muted', text: `${label}: ` }), el('strong', { text: nameOf(id) })]));
  const det = box.querySelector('.covenant');
  det.hidden = !cov.length;
  det.querySelector('summary').textContent = t('season.covenant', cov.length);
  det.querySelector('ol').replaceChildren(...cov.map((c) => el('li', {},
    el('strong', { text: c.title }), c.text ? el('span', { text: ` — ${c.text}` }) : null)));
}

function renderHeader() {
  const s = state.season;
  $('#cluster').textContent = s?.cluster?.name || '';
  const title = s?.year ? t('title.year', s.year) : t('title');
  $('#title').textContent = title;
  document.title = s?.cluster?.name ? `${title} — ${s.cluster.name}` : title;
  for (const b of document.querySelectorAll('button[data-view]')) {
    b.hidden = b.dataset.view === 'final' && !s?.closed;
    b.setAttribute('aria-pressed', String(b.dataset.view === state.view));
  }
  renderSeasonInfo();
  stampPrint();
  const list = state.seasons || [];
  const sel = $('#season-select');
  sel.closest('label').hidden = list.length < 2;
  sel.replaceChildren(...list.map((x) => el('option', {
    value: x.season,
    text: `${x.year} — ${x.cluster?.name || x.season}${x.closed ? ` (${t('closed')})` : ''}`,
  })));
  if (state.seasonId) sel.value = state.seasonId;
}

/**
 * stampPrint writes what a printed page says beside the seq: the view and
 * when it was printed (the screen shows the view on its buttons).
 */
function stampPrint() {
  const now = new Date();
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60000).toISOString();
  $('#print-stamp').textContent = state.season ? t('print.stamp', label('view', state.view), `${date(local)} ${clock(now)}`) : '';
}

// A modal dialog lives in the top layer, which prints as one fixed box:
// cut at the first page, and on the ranking's paper. For printing, the open
// sheet becomes a plain (non-modal) dialog in the page's flow, every item
// unfolded; it is modal again after printing. Its close events in between
// are not the reader closing it.
let sheetSwaps = 0;

function sheetForPrint() {
  const d = $('#sheet');
  if (!d.open || !d.matches(':modal')) return;
  for (const x of $('#sheet-body').querySelectorAll('details')) x.open = true;
  sheetSwaps++;
  d.close();
  d.show();
  d.classList.add('printing');
}

function sheetAfterPrint() {
  const d = $('#sheet');
  if (!d.classList.contains('printing')) return;
  d.classList.remove('printing');
  sheetSwaps++;
  d.close();
  d.showModal();
}

/** printSheet prints the open unit sheet whole, on its own portrait pages. */
function printSheet() {
  stampPrint();
  sheetForPrint();
  window.print();
}

function setLive(st, msg = '') {
  state.live = { st, msg };
  renderLive();
}

function renderLive() {
  const e = $('#live-status');
  const { st, msg } = state.live;
  e.dataset.state = st === 'reconnecting' ? 'connecting' : st;
  e.textContent = t(`live.${st}`) + (msg ? ` — ${msg}` : '');
}

function renderSeq(msg, arrived) {
  $('#seq').textContent = String(msg.seq);
  document.body.dataset.seq = String(msg.seq);
  const time = $('#updated');
  time.textContent = clock(arrived);
  time.dateTime = arrived.toISOString();
  $('.seq-wrap').hidden = false;
  $('.updated-wrap').hidden = false;
}

// ---------- the ranking table ----------

/** groups are the rubric's top-level items (I–IV), else the keys of the ranking. */
function groups() {
  const items = state.season?.rubric?.items;
  if (items?.length) return items.map((i) => ({ code: i.code, title: bi(i.title, i.title_en), max: i.max }));
  const g = state.ranking?.units?.[0]?.groups || {};
  return Object.keys(g).map((code) => ({ code, title: code, max: null }));
}

function renderHead() {
  const th = (cls, text, title) => el('th', { scope: 'col', class: cls, title }, text);
  $('#rankings thead tr').replaceChildren(
    th('rank', t('col.rank')),
    th('unit', t('col.unit')),
    th('num total', t('col.total')),
    ...groups().map((g) => el('th', {
      scope: 'col', class: 'num grp opt',
      title: g.max != null ? `${g.code}. ${g.title} (${t('max', num(g.max))})` : g.title,
    }, el('span', { class: 'gcode', text: g.code }), g.max != null ? el('span', { class: 'gmax', text: `/${num(g.max)}` }) : null)),
    th('num opt', `${t('col.bonus')} (+)`),
    th('num opt', `${t('col.deductions')} (−)`),
    th('opt cls', t('col.class')),
    th('opt elig', t('col.eligible'), t('col.eligible.title')),
    th('award-cell', t('col.award')),
  );
}

const round2 = (x) => Math.round(x * 100) / 100;

/** compare lists what changed for one unit between two messages, or null. */
function compare(p, u) {
  const c = {};
  if (p.rank !== u.rank) c.rank = p.rank - u.rank; // > 0: moved up
  if (p.total !== u.total) c.total = round2(u.total - p.total);
  if ((p.award || null) !== (u.award || null) ||
      JSON.stringify(p.revoked_award || null) !== JSON.stringify(u.revoked_award || null)) c.award = true;
  if (p.eligible !== u.eligible) c.eligible = true;
  if (p.classification !== u.classification) c.classification = true;
  return Object.keys(c).length ? c : null;
}

function failedReasons(u) {
  return (u.gates || []).filter((g) => !g.passed).map((g) => `${g.code}: ${gateReason(g) || t('gate.failed')}`);
}

function fillRow(r, u) {
  const c = r.change || {};
  const name = u.name || u.unit;
  const reasons = failedReasons(u);
  const mine = state.me?.role === 'unit' && u.unit === state.me.unit;
  r.tr.classList.toggle('mine', mine);
  r.tr.setAttribute('aria-label', `${name}${mine ? ` (${t('mine')})` : ''}: ${num(u.total)} ${t('points')}, ${t('announce.rank', u.rank)}`);
  r.tr.replaceChildren(
    el('td', { class: 'rank' },
      el('span', { class: 'rank-n', text: u.rank }),
      c.rank ? el('span', {
        class: ['move', c.rank > 0 ? 'up' : 'down'],
        title: t(c.rank > 0 ? 'rank.up' : 'rank.down', Math.abs(c.rank)),
        text: `${c.rank > 0 ? '▲' : '▼'}${Math.abs(c.rank)}`,
      }) : null),
    el('th', { scope: 'row', class: 'unit', title: name },
      el('span', { class: 'full', text: name }),
      el('span', { class: 'short', text: shortName(name) }),
      mine ? el('span', { class: 'mine-tag', text: t('mine') }) : null),
    el('td', { class: 'num total', data: { value: String(u.total) } },
      c.total ? el('span', { class: ['delta', c.total > 0 ? 'up' : 'down'], text: delta(c.total) }) : null,
      el('span', { class: 'val', text: num(u.total) })),
    ...groups().map((g) => el('td', { class: 'num grp opt', text: num(u.groups?.[g.code]) })),
    el('td', { class: 'num opt bonus', text: u.bonus ? delta(u.bonus) : num(0) }),
    el('td', { class: 'num opt ded', text: u.deductions ? delta(-u.deductions) : num(0) }),
    el('td', { class: 'opt cls', text: bi(u.classification, u.classification_en) }),
    el('td', { class: ['opt', 'elig', u.eligible ? 'ok' : 'bad'], title: u.eligible ? t('eligible.yes') : reasons.join('\n') || t('eligible.no') },
      el('span', { 'aria-hidden': 'true', text: u.eligible ? '✓' : '✗' }),
      el('span', { class: 'sr-only', text: u.eligible ? t('eligible.yes') : `${t('eligible.no')}: ${reasons.join('; ')}` })),
    el('td', { class: 'award-cell' }, u.award || u.revoked_award ? awardBadge(u, state.view === 'final') : el('span', { class: 'no-award', text: '–' }),
      awardBasis(state.awards.get(u.unit), true)),
  );
}

function wireRow(tr) {
  tr.addEventListener('click', (e) => {
    if (e.target.closest('a')) return;
    openSheet(tr.dataset.unit);
  });
  tr.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      openSheet(tr.dataset.unit);
    }
  });
}

/**
 * renderRanking updates the table in place (rows are reused, moved only
 * when their place changes, so nothing flickers and scroll stays). With
 * diff, rows that changed since the last message are marked and announced.
 */
function renderRanking(msg, diff) {
  const prev = diff && state.ranking ? new Map(state.ranking.units.map((u) => [u.unit, u])) : null;
  state.awards = new Map((msg.awards || []).map((a) => [a.unit, a]));
  const tbody = $('#rankings tbody');
  const focused = document.activeElement;
  const changed = [];
  const seen = new Set();
  (msg.units || []).forEach((u, i) => {
    let r = state.rows.get(u.unit);
    if (!r) {
      r = { tr: el('tr', { tabindex: 0, data: { unit: u.unit } }), change: null };
      wireRow(r.tr);
      state.rows.set(u.unit, r);
    }
    if (diff) {
      const p = prev?.get(u.unit);
      r.change = prev ? (p ? compare(p, u) : { rank: 0, isNew: true }) : null;
      if (r.change) changed.push({ u, c: r.change });
    }
    fillRow(r, u);
    const at = tbody.children[i];
    if (at !== r.tr) tbody.insertBefore(r.tr, at || null);
    seen.add(u.unit);
  });
  for (const [unit, r] of state.rows) {
    if (!seen.has(unit)) { r.tr.remove(); state.rows.delete(unit); }
  }
  if (diff) {
    // Restart the fading highlight on every row changed by this message.
    for (const r of state.rows.values()) r.tr.classList.remove('changed');
    void tbody.offsetWidth;
    for (const r of state.rows.values()) if (r.change) r.tr.classList.add('changed');
  }
  if (focused?.tagName === 'TR' && focused.isConnected && document.activeElement !== focused) {
    focused.focus({ preventScroll: true });
  }
  return changed;
}

function awardText(u) {
  const b = state.awards.get(u.unit);
  const why = b ? ` — ${bi(b.explanation, b.explanation_en)}` : '';
  if (u.award) return label('award', u.award) + (state.view === 'final' ? '' : ` (${t('award.provisional')})`) + why;
  return t('award.none') + why;
}

function announce(msg, changed) {
  if (!changed.length) return;
  const lines = changed.slice(0, 8).map(({ u, c }) => {
    const bits = [`${shortName(u.name)}: ${num(u.total)} ${t('points')}${c.total ? ` (${delta(c.total)})` : ''}`];
    if (c.rank || c.isNew) {
      bits.push(t('announce.rank', u.rank) + (c.rank ? ` (${t(c.rank > 0 ? 'rank.up' : 'rank.down', Math.abs(c.rank))})` : ''));
    }
    if (c.award) bits.push(awardText(u));
    if (c.eligible) bits.push(t(u.eligible ? 'eligible.yes' : 'eligible.no'));
    if (c.classification) bits.push(bi(u.classification, u.classification_en));
    return bits.join(', ') + '.';
  });
  $('#announce').textContent = [t('announce.update', msg.seq), ...lines].join(' ');
}

function onRankings(msg) {
  if (msg.season !== state.seasonId || msg.view !== state.view || !Array.isArray(msg.units)) return;
  const first = !state.ranking;
  const changed = renderRanking(msg, true);
  state.ranking = msg;
  $('#board').classList.remove('loading');
  renderSeq(msg, new Date());
  announce(msg, changed);
  if (state.sheet.unit) loadSheet();
  if (!first) state.workspace?.onChange();
  if (!first) scheduleRefresh();
  else drawChart(); // the legend follows the ranking
}

// ---------- the live stream ----------

/** start (re)opens the stream for the current season and view. */
function start() {
  state.gen++;
  state.ctrl?.abort();
  const ctrl = new AbortController();
  state.ctrl = ctrl;
  state.ranking = null;
  for (const r of state.rows.values()) { r.change = null; r.tr.classList.remove('changed'); }
  $('#board').classList.add('loading');
  runStream(ctrl.signal);
  clearTimeout(state.refresh.timer);
  state.refresh = { last: Date.now(), timer: 0 };
  loadTimeline();
}

async function runStream(signal) {
  const url = `${seasonPath()}/rankings/stream?view=${enc(state.view)}`;
  let backoff = 1000;
  let failed = false;
  setLive('connecting');
  while (!signal.aborted) {
    try {
      await readStream(url, state.token, {
        signal,
        onMessage: (m) => {
          if (m.event !== 'rankings' || signal.aborted) return;
          let body;
          try { body = JSON.parse(m.data); } catch { return; }
          backoff = 1000;
          if (state.live.st !== 'live') setLive('live');
          if (failed) { failed = false; state.timeline.missing = false; }
          onRankings(body);
        },
      });
    } catch (e) {
      if (signal.aborted) return;
      if (e instanceof ApiError && e.status === 401) { needLogin(e.message); return; }
      if (e instanceof ApiError && e.status >= 400 && e.status < 500 && e.status !== 408 && e.status !== 429) {
        setLive('error', e.message); // e.g. an unknown season or the final view of an open season
        return;
      }
    }
    if (signal.aborted) return;
    failed = true;
    setLive('reconnecting');
    await sleep(backoff, signal);
    backoff = Math.min(backoff * 2, 10000);
  }
}

function scheduleRefresh() {
  const r = state.refresh;
  if (r.timer) return;
  r.timer = setTimeout(() => {
    r.timer = 0;
    r.last = Date.now();
    loadTimeline();
    reloadSeason();
  }, Math.max(0, r.last + REFRESH_MS - Date.now()));
}

/** reloadSeason catches a closed season (the final view appears) or an amended rubric. */
async function reloadSeason() {
  const gen = state.gen;
  try {
    const s = await api(seasonPath(), { signal: state.ctrl?.signal });
    if (gen !== state.gen) return;
    state.season = s;
    renderHeader();
    renderHead();
    if (state.ranking) renderRanking(state.ranking, false);
  } catch (e) { /* the next message tries again */ }
}

// ---------- timeline chart ----------

async function loadTimeline() {
  if (state.timeline.missing) return;
  const gen = state.gen;
  try {
    const d = await api(`${seasonPath()}/timeline?view=${enc(state.view)}`, { signal: state.ctrl?.signal });
    if (gen !== state.gen) return;
    state.timeline.data = d;
    $('#chart-section').hidden = false;
    drawChart();
  } catch (e) {
    if (gen !== state.gen || quiet(e)) return;
    if (e.status === 404) state.timeline.missing = true; // not on this server yet
    state.timeline.data = null;
    $('#chart-section').hidden = true;
  }
}

function drawChart() {
  const d = state.timeline.data;
  const sec = $('#chart-section');
  if (!d || !state.season || sec.hidden) return;
  const order = new Map((state.season.members || []).map((m, i) => [m.id, i]));
  (d.units || []).forEach((u, i) => { if (!order.has(u.unit)) order.set(u.unit, order.size + i); });
  const ranks = new Map((state.ranking?.units || []).map((u) => [u.unit, u.rank]));
  renderChart($('#timeline'), $('#chart-tip'), $('#legend'), d, {
    year: state.season.year || new Date().getFullYear(),
    order,
    rankOf: (id) => ranks.get(id),
  });
}

// ---------- the scoring sheet ----------

function nameOf(unit) {
  const u = state.ranking?.units?.find((x) => x.unit === unit) || state.season?.members?.find((m) => m.id === unit);
  return u?.name || unit;
}

function openSheet(unit) {
  if (!unit) return;
  const sh = state.sheet;
  const d = $('#sheet');
  if (sh.unit !== unit) {
    sh.unit = unit;
    sh.data = null;
    sh.open.closed.clear();
    $('#sheet-title').textContent = nameOf(unit);
    $('#sheet-body').replaceChildren(el('p', { class: 'muted', text: t('sheet.loading') }));
  }
  if (!d.open) d.showModal();
  setHash('unit', unit);
  loadSheet();
}

async function loadSheet() {
  const sh = state.sheet;
  if (!sh.unit || !state.seasonId) return;
  sh.ctrl?.abort();
  const ctrl = new AbortController();
  sh.ctrl = ctrl;
  const unit = sh.unit;
  try {
    // The people behind the tokens name the authors; an older server has none.
    const [data, people] = await Promise.all([
      api(`${seasonPath()}/units/${enc(unit)}/score?view=${enc(state.view)}`, { signal: ctrl.signal }),
      api(`${seasonPath()}/people`, { signal: ctrl.signal }).catch((e) => { if (e.status === 401) throw e; return null; }),
    ]);
    if (ctrl.signal.aborted || sh.unit !== unit) return;
    sh.data = data;
    sh.people = people?.people || null;
    drawSheet();
  } catch (e) {
    if (quiet(e) || sh.unit !== unit) return;
    $('#sheet-body').replaceChildren(el('p', { class: 'error', text: e.message }));
  }
}

function drawSheet() {
  const sh = state.sheet;
  if (!sh.data) return;
  const body = $('#sheet-body');
  const top = body.scrollTop;
  $('#sheet-title').textContent = sh.data.name || nameOf(sh.unit);
  renderSheet(body, sh.data, {
    rubric: state.season?.rubric,
    season: state.season,
    final: sh.data.view === 'final',
    units: state.ranking?.units?.length,
    basis: state.awards.get(sh.unit),
    people: sh.people,
    openFile: (e) => openFile(seasonPath(), state.token, e).catch((err) => {
      if (err.status === 401) needLogin(err.message);
      else window.alert(`${t('ev.file.failed')}: ${err.message}`);
    }),
  }, sh.open);
  body.scrollTop = top;
}

function closedSheet() {
  const sh = state.sheet;
  sh.ctrl?.abort();
  sh.unit = null;
  sh.data = null;
  if (hashParams().has('unit')) setHash('unit', null);
}

// ---------- token, season choice, views ----------

function showOnly(id) {
  for (const s of ['#login', '#season-form-wrap', '#board']) $(s).hidden = s !== id;
  if (id !== '#board') $('#season-info').hidden = true;
  if (id !== '#board') $('#chart-section').hidden = true;
  $('#status-line').hidden = id !== '#board';
  $('#signout').hidden = id === '#login';
}

function stopAll() {
  state.gen++;
  state.ctrl?.abort();
  state.ctrl = null;
  clearTimeout(state.refresh.timer);
  state.refresh.timer = 0;
  if ($('#sheet').open) $('#sheet').close();
}

/** needLogin shows the token form, with the API's message if there is one. */
function needLogin(message) {
  stopAll();
  state.token = null;
  state.me = null;
  if (state.workspace) {
    state.workspace.stop();
    state.workspace = null;
    $('#tabs').hidden = true;
    document.querySelector('.ws-unit')?.remove();
    $('#workspace').hidden = true;
    delete document.body.dataset.tab;
  }
  store(TOKEN_KEY, null);
  showOnly('#login');
  const err = $('#login-error');
  err.textContent = message || '';
  err.hidden = !message;
  $('#token-input').value = '';
}

function showSeasonForm(message) {
  stopAll();
  showOnly('#season-form-wrap');
  setLive('error');
  const err = $('#season-error');
  err.textContent = message || '';
  err.hidden = !message;
  $('#season-input').value = state.seasonId || '';
}

function pickSeason(list) {
  const newest = (a, b) => (b.year ?? 0) - (a.year ?? 0) || String(b.season).localeCompare(String(a.season));
  const open = list.filter((s) => !s.closed).sort(newest);
  return (open[0] || list.slice().sort(newest)[0])?.season || null;
}

async function boot() {
  stopAll();
  if (!state.token) { needLogin(''); return; }
  showOnly('#board');
  setLive('connecting');
  let list = null;
  try {
    list = (await api('/api/v1/seasons')).seasons || [];
  } catch (e) {
    if (e.status === 401) return;
    if (e.status !== 404) { // the server is restarting or unreachable: try again
      setLive('reconnecting', e.message);
      await sleep(3000);
      if (state.token) boot();
      return;
    }
  }
  state.seasons = list;
  try {
    state.me = await api('/api/v1/me');
  } catch (e) {
    if (e.status === 401) return;
    state.me = null; // an older server: the ranking alone
  }
  const id = query().get('season') || (list ? pickSeason(list) : null);
  if (!id) { showSeasonForm(list ? t('season.none') : ''); return; }
  await loadSeason(id);
}

async function loadSeason(id) {
  stopAll();
  state.seasonId = id;
  state.season = null;
  state.ranking = null;
  state.timeline = { missing: false, data: null };
  for (const r of state.rows.values()) r.tr.remove();
  state.rows.clear();
  let s;
  try {
    s = await api(`/api/v1/seasons/${enc(id)}`);
  } catch (e) {
    if (e.status === 401) return;
    if (e.status === 404 || e.status === 403) { showSeasonForm(`${t('season.notfound')} (${e.message})`); return; }
    setLive('reconnecting', e.message);
    await sleep(3000);
    if (state.token && state.seasonId === id) loadSeason(id);
    return;
  }
  if (state.seasonId !== id) return;
  state.season = s;
  const v = query().get('view');
  state.view = VIEWS.includes(v) && (v !== 'final' || s.closed) ? v : 'verified';
  if (v && v !== state.view) setQuery('view', state.view);
  showOnly('#board');
  renderHeader();
  renderHead();
  start();
  openWorkspace();
  showDocLinks();
  const unit = hashParams().get('unit');
  if (unit) openSheet(unit);
}

/**
 * showDocLinks offers the committee and the auditors the season's
 * documents: the scoring table to download (fetched with the token, as a
 * plain link cannot send it) and the meeting's printable documents.
 */
function showDocLinks() {
  const box = $('#doc-links');
  box.hidden = !['committee', 'auditor'].includes(state.me?.role);
  if (box.hidden) return;
  $('#doc-minutes').href = `/documents/minutes.html?season=${enc(state.seasonId)}`;
  $('#doc-proposal').href = `/documents/proposal.html?season=${enc(state.seasonId)}`;
}

async function downloadTable(kind) {
  const err = $('#doc-error');
  err.hidden = true;
  try {
    const path = kind === 'csv' ? 'export.csv?table=summary&' : 'export.xlsx?';
    const res = await fetch(`${seasonPath()}/${path}view=${enc(state.view)}`, {
      headers: { Authorization: `Bearer ${state.token}` }, cache: 'no-store',
    });
    if (!res.ok) throw await errorFrom(res);
    const name = /filename="([^"]+)"/.exec(res.headers.get('Content-Disposition') || '')?.[1] || `thidua.${kind}`;
    const url = URL.createObjectURL(await res.blob());
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    const a = el('a', { href: url, download: name, rel: 'noopener' });
    document.body.append(a);
    a.click();
    a.remove();
  } catch (e) {
    err.textContent = `${t('docs.failed')}: ${e.message}`;
    err.hidden = false;
  }
}

/**
 * openWorkspace gives a unit token its tabs beside the ranking, and the
 * committee its own.
 */
function openWorkspace() {
  const create = { unit: createWorkspace, committee: createCommittee }[state.me?.role];
  if (!create) return;
  if (state.workspace) { state.workspace.onSeason(); return; }
  state.workspace = create({
    api, post, me: state.me, seasonPath, season: () => state.season, token: () => state.token,
    openFile: (e) => openFile(seasonPath(), state.token, e).catch(() => {}),
    onTab: (tab) => { document.body.dataset.tab = tab; },
  });
}

function switchView(v) {
  if (v === state.view || !state.season) return;
  state.view = v;
  setQuery('view', v);
  renderHeader();
  start();
  if (state.sheet.unit) loadSheet();
}

/** takeToken moves a token from the URL fragment to storage and out of the URL. */
function takeToken() {
  const h = hashParams();
  const tok = h.get('token');
  if (!tok) return false;
  state.token = tok.trim();
  store(TOKEN_KEY, state.token);
  setHash('token', null);
  return true;
}

function applyBig(on) {
  document.documentElement.classList.toggle('big', on);
  $('#big').setAttribute('aria-pressed', String(on));
  store(BIG_KEY, on ? '1' : '0');
  drawChart();
}

function init() {
  const ql = query().get('lang');
  setLang(ql === 'en' || ql === 'vi' ? ql : stored(LANG_KEY) || 'vi');
  const qb = query().get('big');
  applyBig(qb === '1' || qb === '0' ? qb === '1' : stored(BIG_KEY) === '1');
  takeToken();
  if (!state.token) state.token = stored(TOKEN_KEY);
  applyLang();

  $('#lang').addEventListener('click', () => {
    setLang(getLang() === 'vi' ? 'en' : 'vi');
    store(LANG_KEY, getLang());
    if (query().has('lang')) setQuery('lang', getLang());
    applyLang();
  });
  $('#big').addEventListener('click', () => {
    const on = !document.documentElement.classList.contains('big');
    applyBig(on);
    if (query().has('big')) setQuery('big', on ? '1' : '0');
  });
  $('#views').addEventListener('click', (e) => {
    const b = e.target.closest('button[data-view]');
    if (b) switchView(b.dataset.view);
  });
  $('#season-select').addEventListener('change', (e) => {
    setQuery('season', e.target.value);
    loadSeason(e.target.value);
  });
  $('#signout').addEventListener('click', () => needLogin(''));
  $('#login-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const tok = $('#token-input').value.trim();
    if (!tok) return;
    state.token = tok;
    store(TOKEN_KEY, tok);
    boot();
  });
  $('#season-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const id = $('#season-input').value.trim();
    if (!id) return;
    setQuery('season', id);
    showOnly('#board');
    loadSeason(id);
  });

  $('#print').addEventListener('click', () => { stampPrint(); window.print(); });
  window.addEventListener('beforeprint', () => { stampPrint(); sheetForPrint(); });
  window.addEventListener('afterprint', sheetAfterPrint);
  const dlg = $('#sheet');
  $('#sheet-close').addEventListener('click', () => dlg.close());
  $('#sheet-print').addEventListener('click', printSheet);
  $('#doc-links').addEventListener('click', (e) => {
    const b = e.target.closest('button[data-export]');
    if (b) downloadTable(b.dataset.export);
  });
  dlg.addEventListener('close', () => {
    if (sheetSwaps > 0) { sheetSwaps--; return; }
    closedSheet();
  });
  dlg.addEventListener('click', (e) => { if (e.target === dlg) dlg.close(); }); // the backdrop

  window.addEventListener('hashchange', () => {
    if (takeToken()) { boot(); return; }
    const unit = hashParams().get('unit');
    if (unit && state.season) openSheet(unit);
    else if (!unit && dlg.open) dlg.close();
  });
  window.addEventListener('online', () => state.wake?.());

  let lastWidth = 0;
  new ResizeObserver((entries) => {
    const w = Math.round(entries[0].contentRect.width);
    if (w !== lastWidth) { lastWidth = w; requestAnimationFrame(drawChart); }
  }).observe($('.chart'));

  boot();
}

init();
