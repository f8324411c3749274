// The timeline chart: each unit's total over the season by event date, one
// step line per unit, drawn by hand as inline SVG (no library).

import { t, num, date, month } from './i18n.js';
import { svg, el, shortName } from './util.js';

// Okabe–Ito colours (safe for the common colour-vision deficiencies), each
// with its own dash pattern so that lines differ without colour too.
export const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#000000', '#56B4E9', '#7F7F7F'];
export const DASHES = ['', '9 4', '2 3', '12 4 2 4', '5 5', '1 4', '16 4', '6 3 2 3 2 3'];

const DAY = 86400000;
const parseDay = (s) => Date.parse(String(s).slice(0, 10) + 'T00:00:00Z');

/** niceStep picks a gridline step giving at most about `ticks` lines. */
function niceStep(max, ticks) {
  for (const s of [1, 2, 5, 10, 20, 25, 50, 100]) if (max / s <= ticks) return s;
  return Math.ceil(max / ticks / 100) * 100;
}

/** styleFor returns a unit's colour and dash by its position in the season's member list. */
export function styleFor(index) {
  return { color: PALETTE[index % PALETTE.length], dash: DASHES[index % DASHES.length] };
}

/**
 * renderChart draws data ({dates, units:[{unit, name, totals}]}) into the
 * <svg>, the legend into the <ul>, and wires the hover/tap tooltip.
 * order maps unit id → member index (stable colours across renders).
 */
export function renderChart(root, tip, legend, data, { year, order, rankOf }) {
  const box = root.parentElement;
  const W = Math.max(280, Math.floor(box.clientWidth));
  const fs = parseFloat(getComputedStyle(root).fontSize) || 14;
  const H = Math.round(Math.min(Math.max(W * 0.42, 16 * fs), 34 * fs));
  const m = { top: fs * 0.8, right: fs * 1.2, bottom: fs * 2.2, left: fs * 2.8 };
  root.replaceChildren();
  root.setAttribute('viewBox', `0 0 ${W} ${H}`);
  root.setAttribute('width', W);
  root.setAttribute('height', H);
  root.setAttribute('aria-label', t('chart.label'));
  root.append(svg('title', { text: t('chart.label') }));

  const dates = (data.dates || []).map(parseDay);
  const units = (data.units || []).slice().sort((a, b) => (order.get(a.unit) ?? 99) - (order.get(b.unit) ?? 99));
  let x0 = Date.UTC(year, 0, 1);
  let x1 = Date.UTC(year, 11, 31);
  if (dates.length) { x0 = Math.min(x0, dates[0]); x1 = Math.max(x1, dates[dates.length - 1]); }
  const end = Math.min(x1, Math.max(dates.length ? dates[dates.length - 1] : x0, Date.now()));
  let vmax = 0;
  for (const u of units) for (const v of u.totals || []) vmax = Math.max(vmax, v);
  const step = niceStep(Math.max(vmax, 10), 6);
  const ymax = Math.max(step, Math.ceil(Math.max(vmax, 10) / step) * step);
  const pw = W - m.left - m.right;
  const ph = H - m.top - m.bottom;
  const X = (ms) => m.left + ((ms - x0) / (x1 - x0 || 1)) * pw;
  const Y = (v) => m.top + ph - (v / ymax) * ph;

  // Axes: horizontal gridlines with point labels, months along the bottom.
  const grid = svg('g', { class: 'grid' });
  for (let v = 0; v <= ymax + 1e-9; v += step) {
    grid.append(svg('line', { x1: m.left, x2: W - m.right, y1: Y(v), y2: Y(v), class: v === 0 ? 'axis' : null }));
    grid.append(svg('text', { x: m.left - fs * 0.4, y: Y(v), dy: '0.35em', 'text-anchor': 'end', text: num(v) }));
  }
  const band = pw / 12;
  const every = band >= fs * 2.6 ? 1 : band >= fs * 1.4 ? 2 : 3;
  for (let mo = 0; mo < 12; mo++) {
    const a = X(Date.UTC(year, mo, 1));
    grid.append(svg('line', { x1: a, x2: a, y1: Y(0), y2: Y(0) + fs * 0.35, class: 'tick' }));
    if (mo % every === 0) {
      const mid = X(Date.UTC(year, mo, 15));
      grid.append(svg('text', { x: mid, y: H - m.bottom + fs * 1.4, 'text-anchor': 'middle', text: month(mo) }));
    }
  }
  root.append(grid);

  if (!dates.length) {
    root.append(svg('text', { x: m.left + pw / 2, y: m.top + ph / 2, 'text-anchor': 'middle', class: 'empty', text: t('chart.empty') }));
  }

  // One step line per unit: 0 from the start of the season, then each total
  // holds from its date until the next one, up to the latest date (or today).
  const lines = svg('g', { class: 'lines' });
  for (const u of units) {
    const { color, dash } = styleFor(order.get(u.unit) ?? 0);
    let d = `M${X(x0).toFixed(1)},${Y(0).toFixed(1)}`;
    (u.totals || []).forEach((v, i) => {
      if (i >= dates.length) return;
      d += `H${X(dates[i]).toFixed(1)}V${Y(v).toFixed(1)}`;
    });
    d += `H${X(end).toFixed(1)}`;
    lines.append(svg('path', { d, stroke: color, 'stroke-dasharray': dash || null, class: 'series', data: { unit: u.unit } }));
  }
  root.append(lines);

  const guide = svg('line', { class: 'guide', y1: m.top, y2: Y(0), visibility: 'hidden' });
  root.append(guide);

  renderLegend(legend, units, order, rankOf);

  // Tooltip: the totals in force at the pointer's date.
  const hide = () => { tip.hidden = true; guide.setAttribute('visibility', 'hidden'); };
  const show = (ev) => {
    if (!dates.length) return;
    const r = root.getBoundingClientRect();
    const px = ((ev.clientX - r.left) / r.width) * W;
    if (px < m.left || px > W - m.right) { hide(); return; }
    const at = x0 + ((px - m.left) / pw) * (x1 - x0);
    let i = -1;
    while (i + 1 < dates.length && dates[i + 1] <= at + DAY / 2) i++;
    const day = new Date(Math.round(at / DAY) * DAY).toISOString().slice(0, 10);
    const rows = units.map((u) => ({ u, v: i >= 0 ? (u.totals || [])[i] ?? 0 : 0 }))
      .sort((a, b) => b.v - a.v);
    tip.replaceChildren(
      el('p', { class: 'tip-date', text: date(day) }),
      el('ul', {}, rows.map(({ u, v }) => {
        const { color } = styleFor(order.get(u.unit) ?? 0);
        return el('li', {},
          el('span', { class: 'swatch', 'aria-hidden': 'true', data: { c: color } }),
          el('span', { class: 'tip-name', text: shortName(u.name) }),
          el('span', { class: 'tip-val', text: num(v) }));
      })));
    for (const s of tip.querySelectorAll('.swatch')) s.style.backgroundColor = s.dataset.c;
    tip.hidden = false;
    const gx = m.left + ((at - x0) / (x1 - x0)) * pw;
    guide.setAttribute('x1', gx);
    guide.setAttribute('x2', gx);
    guide.setAttribute('visibility', 'visible');
    const br = box.getBoundingClientRect();
    const left = ev.clientX - br.left;
    const tw = tip.offsetWidth;
    const th = tip.offsetHeight;
    tip.style.left = `${Math.max(0, Math.min(br.width - tw, left > br.width / 2 ? left - tw - 16 : left + 16))}px`;
    tip.style.top = `${Math.max(0, Math.min(br.height - th, ev.clientY - br.top - th / 2))}px`;
  };
  root.onpointermove = show;
  root.onpointerdown = show;
  root.onpointerleave = (ev) => { if (ev.pointerType === 'mouse') hide(); };
  box.onclick = (ev) => { if (!root.contains(ev.target)) hide(); };
}

function renderLegend(legend, units, order, rankOf) {
  const items = units.slice().sort((a, b) => (rankOf(a.unit) ?? 99) - (rankOf(b.unit) ?? 99));
  legend.replaceChildren(...items.map((u) => {
    const { color, dash } = styleFor(order.get(u.unit) ?? 0);
    const sample = svg('svg', { width: 36, height: 12, viewBox: '0 0 36 12', 'aria-hidden': 'true' },
      svg('line', { x1: 1, x2: 35, y1: 6, y2: 6, stroke: color, 'stroke-dasharray': dash || null, class: 'series' }));
    const last = (u.totals || []).length ? u.totals[u.totals.length - 1] : 0;
    return el('li', { title: u.name, data: { unit: u.unit } }, sample,
      el('span', { class: 'legend-name', text: shortName(u.name) }),
      el('span', { class: 'legend-val', text: num(last) }));
  }));
}
