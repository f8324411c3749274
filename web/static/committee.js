// The committee's workspace: beside the ranking, one tab per piece of the
// committee's year. Each tab lives in its own module, which exports
// tab = { id, mount(box, io) → { show(), stop(), onChange(), relabel() } }
// (every method optional) and adds its own strings with addStrings. The
// shell only switches tabs, keeps ?tab= in the address and tells the
// shown tab when the season moves.

import { t, addStrings } from './i18n.js';
import { el } from './util.js';
import { tab as queue } from './review.js';
import { tab as decisions } from './decisions.js';
import { tab as meeting } from './meeting.js';
import { tab as nextSeason } from './nextseason.js';
import { tab as people } from './people.js';

addStrings({
  vi: { 'ctabs': 'Không gian làm việc của Ban Thường trực', 'cws.for': 'Ban Thường trực cụm thi đua' },
  en: { 'ctabs': "The committee's workspace", 'cws.for': 'The cluster committee' },
});

const TABS = [queue, decisions, meeting, nextSeason, people];
const $ = (sel) => document.querySelector(sel);

/**
 * createCommittee wires the tabs. io is what the unit's workspace gets:
 * {api(path) → JSON, post(path, body) → {status, body}, seasonPath(), me,
 * season(), token(), openFile(evidence), onTab(tab)}.
 */
export function createCommittee(io) {
  const ws = { tab: 'ranking', mounted: new Map() };
  const nav = $('#tabs');
  nav.hidden = false;
  nav.setAttribute('aria-label', t('ctabs'));
  const ids = ['ranking', ...TABS.map((x) => x.id)];
  nav.replaceChildren(...ids.map((id) => el('button', {
    type: 'button', role: 'tab', id: `tab-btn-${id}`, 'aria-controls': `tab-${id}`, data: { tab: id },
    on: { click: () => go(id) },
  }, el('span', { class: 'tab-label', text: t(`tab.${id}`) }), el('span', { class: 'tab-count', hidden: true }))));
  const who = el('p', { class: 'ws-unit', text: t('cws.for') });
  nav.after(who);

  const area = $('#workspace');
  for (const x of TABS) {
    if (!$(`#tab-${x.id}`)) {
      area.append(el('div', { id: `tab-${x.id}`, class: 'ws-panel ws-wide', role: 'tabpanel', 'aria-labelledby': `tab-btn-${x.id}`, hidden: true }));
    }
  }

  /** count shows a number on a tab (0 hides it); modules call io.count(id, n). */
  const count = (id, n) => {
    const c = nav.querySelector(`button[data-tab="${id}"] .tab-count`);
    if (!c) return;
    c.hidden = !n;
    c.textContent = n ? String(n) : '';
  };
  const tio = { ...io, count, go: (id) => go(id) };

  function mounted(x) {
    if (!ws.mounted.has(x.id)) ws.mounted.set(x.id, x.mount($(`#tab-${x.id}`), tio) || {});
    return ws.mounted.get(x.id);
  }

  function go(id, push = true) {
    if (!ids.includes(id)) id = 'ranking';
    ws.tab = id;
    for (const b of nav.querySelectorAll('button')) b.setAttribute('aria-selected', String(b.dataset.tab === id));
    area.hidden = id === 'ranking';
    for (const x of TABS) $(`#tab-${x.id}`).hidden = x.id !== id;
    io.onTab(id);
    if (push) {
      const u = new URL(location.href);
      if (id === 'ranking') u.searchParams.delete('tab');
      else u.searchParams.set('tab', id);
      history.replaceState(history.state, '', u);
    }
    const x = TABS.find((m) => m.id === id);
    if (x) mounted(x).show?.();
  }

  // The queue counts what waits even when another tab is shown.
  mounted(queue);
  go(new URLSearchParams(location.search).get('tab') || 'ranking', false);

  return {
    go,
    stop() {
      for (const m of ws.mounted.values()) m.stop?.();
      ws.mounted.clear();
      for (const x of TABS) $(`#tab-${x.id}`)?.remove();
      who.remove();
    },
    onChange() { for (const m of ws.mounted.values()) m.onChange?.(); },
    onSeason() {
      for (const m of ws.mounted.values()) m.stop?.();
      ws.mounted.clear();
      mounted(queue);
      go(ws.tab, false);
    },
    relabel() {
      nav.setAttribute('aria-label', t('ctabs'));
      who.textContent = t('cws.for');
      for (const b of nav.querySelectorAll('button')) b.querySelector('.tab-label').textContent = t(`tab.${b.dataset.tab}`);
      for (const m of ws.mounted.values()) m.relabel?.();
    },
  };
}
