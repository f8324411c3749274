// The unit's scoring sheet in <dialog id="sheet">: summary, gates, the rubric
// as a tree with the events behind each item's points, bonus, deductions,
// the committee's decisions and every fact with its status and evidence.

import { t, label, bi, num, delta, date, getLang, addStrings } from './i18n.js';
import { el, safeURL } from './util.js';
import { fileSize, shownInTab } from './files.js';

addStrings({
  vi: {
    'basis.rank': 'theo thứ hạng',
    'basis.ballot': (v, n) => `theo bỏ phiếu ${v}/${n}`,
    'basis.revoked': (no) => `thu hồi theo QĐ ${no}`,
    'sheet.basis': 'Căn cứ khen thưởng',
    'by.reviewed': 'người xử lý',
  },
  en: {
    'basis.rank': 'by rank',
    'basis.ballot': (v, n) => `by ballot ${v}/${n}`,
    'basis.revoked': (no) => `revoked by ${no}`,
    'sheet.basis': 'How the award was decided',
    'by.reviewed': 'handled by',
  },
});

/** basisShort names how an award was decided in a few words (the ranking's cell). */
export function basisShort(b) {
  if (b.basis === 'ballot') return t('basis.ballot', num(b.votes), num(b.voters));
  if (b.basis === 'revoked') return t('basis.revoked', b.decision_no);
  return t('basis.rank');
}

/** awardBasis renders how an award was decided: a short label, the explanation in words. */
export function awardBasis(b, short) {
  if (!b) return null;
  const text = bi(b.explanation, b.explanation_en);
  return el('span', { class: ['award-basis', `basis-${b.basis}`], data: { basis: b.basis }, title: short ? text : null,
    text: short ? basisShort(b) : text });
}

/** personOf names a token's holder from GET /people ("" when it named nobody). */
function personOf(author, people) {
  const p = author?.token ? people?.[author.token] : null;
  return p ? (p.position ? `${p.holder} — ${p.position}` : p.holder) : '';
}

/** byLine says who recorded a fact or decision and who handled it, where the tokens named them. */
function byLine(x, ctx) {
  const by = personOf(x.author, ctx.people);
  const handled = x.by_author ? personOf(x.by_author, ctx.people) : '';
  if (!by && !handled) return null;
  return el('p', { class: 'by muted' },
    by ? el('span', { class: 'person', text: `${t('sheet.by')}: ${by}` }) : null,
    by && handled ? ' · ' : null,
    handled ? el('span', { class: 'person', text: `${t('by.reviewed')}: ${handled}` }) : null);
}

const STRUCK = new Set(['rejected', 'retracted', 'ignored']);
const whyLabel = (status) => (STRUCK.has(status) || status === 'verified' ? label('why', status) : t('sheet.reason'));

/** awardBadge renders a unit's (provisional) award, or a revoked one struck through. */
export function awardBadge(row, final) {
  const out = [];
  if (row.award) {
    out.push(el('span', { class: ['award', row.award] },
      el('span', { class: 'award-name', text: label('award', row.award) }),
      final ? null : el('span', { class: 'prov', text: ` (${t('award.provisional')})` })));
  }
  const rv = row.revoked_award;
  if (rv) {
    const kind = typeof rv === 'string' ? rv : rv.award;
    const reason = typeof rv === 'object' ? bi(rv.reason) : '';
    const title = [t('award.revoked'), reason, rv.decision_no].filter(Boolean).join(' · ');
    out.push(el('span', { class: 'award revoked', title },
      el('s', { text: label('award', kind) }),
      el('span', { class: 'revoked-why', text: ` ${t('award.revoked')}${reason ? ': ' + reason : ''}` })));
  }
  return out;
}

/**
 * gateReason says why a gate failed. The reason is part of the signed
 * ranking, so its bytes never change: a violation's kind stays there as a
 * code, and is named here.
 */
export function gateReason(g) {
  return bi(g.reason).replace(/\((discipline|corruption|other)\)/, (_, k) => `(${label('violation', k)})`);
}

/** gateLabel names a gate from the season's rubric (G1 → "no violation"). */
function gateLabel(gate, rubric) {
  const def = (rubric?.gates || []).find((g) => g.code === gate.code);
  if (def?.kind === 'no_violation') return t('gate.no_violation');
  if (def?.kind === 'item_positive') return t('gate.item_positive', def.item);
  return gate.code;
}

function statusBadge(status) {
  return el('span', { class: ['badge', `st-${status}`], text: label('status', status) });
}

/**
 * fileLink lists a stored file: its name, size and type, and a button that
 * opens it (images and PDFs, in a new tab) or saves it, through ctx.openFile
 * (the page fetches it with the token).
 */
function fileLink(e, ctx) {
  const show = shownInTab(e.file_type);
  const name = e.file_name || String(e.file).slice(0, 12);
  return el('span', { class: 'ev-file' }, ' · ',
    el('button', {
      type: 'button', class: 'linklike', 'data-file': e.file, title: e.file,
      on: { click: () => ctx.openFile?.(e) },
      text: `${show ? t('ev.file.open') : t('ev.file.save')}: ${name}${show ? ' ↗' : ''}`,
    }),
    el('span', { class: 'ev-meta', text: ` (${fileSize(e.file_size, getLang())}, ${label('ftype', e.file_type)})` }));
}

export function evidenceList(evidence, ctx) {
  if (!evidence?.length) return null;
  return el('ul', { class: 'evidence' }, evidence.map((e) => {
    const href = safeURL(e.url);
    return el('li', {},
      el('span', { class: 'ev-kind', text: label('kind', e.kind) }), ' ',
      e.doc_no ? el('span', { class: 'ev-doc', text: `${t('ev.doc')} ${e.doc_no}` }) : null,
      e.doc_no ? ' · ' : null,
      el('span', { class: 'ev-title', text: e.title || '' }),
      e.date ? ` · ${date(e.date)}` : null,
      href ? ' · ' : null,
      href ? el('a', { href, target: '_blank', rel: 'noopener noreferrer', text: `${t('ev.open')} ↗`, title: href }) : null,
      !href && e.url ? el('span', { class: 'ev-url', text: ` · ${e.url}` }) : null,
      e.sha256 ? el('span', { class: 'ev-hash', title: e.sha256, text: ` · ${t('ev.hash')} ${String(e.sha256).slice(0, 12)}…` }) : null,
      e.file ? fileLink(e, ctx) : null);
  }));
}

/** factLine renders one fact; attr is data-event-id (all facts) or data-event-ref (under an item). */
function factLine(f, attr, ctx) {
  const struck = STRUCK.has(f.status);
  // summary_en exists only for summaries the server wrote; a unit's own
  // title is shown as written (and never split on " / ").
  const summary = bi(f.summary, f.summary_en ?? '') || label('type', f.type);
  return el('li', { class: ['fact', struck && 'struck'], [attr]: f.id },
    el('div', { class: 'fact-head' },
      el('span', { class: 'when', text: date(f.date) }),
      struck ? el('s', { class: 'summary', text: summary }) : el('span', { class: 'summary', text: summary }),
      el('span', { class: 'ftype', text: label('type', f.type) }),
      statusBadge(f.status),
      !struck && f.counted === false ? el('span', { class: 'muted', text: t('sheet.notcounted') }) : null),
    f.reason ? el('p', { class: 'reason', text: `${whyLabel(f.status)}: ${bi(f.reason)}` }) : null,
    evidenceList(f.evidence, ctx),
    byLine(f, ctx));
}

/** decisionText says what a committee decision did, with numbers in the reader's format. */
function decisionText(d) {
  const pts = typeof d.points === 'number' ? d.points : null;
  switch (d.type) {
    case 'bonus.awarded': if (pts !== null) return t('dec.bonus', delta(pts)); break;
    case 'deduction.applied': if (pts !== null) return t('dec.deduction', delta(-Math.abs(pts))); break;
    case 'score.assessed': if (pts !== null && d.item) return t('dec.assessed', d.item, num(pts)); break;
    default: break;
  }
  return bi(d.summary) || label('type', d.type);
}

/** decisionLine renders one committee decision; a retracted one is struck with its reason. */
function decisionLine(d, attr, ctx) {
  // A retracted decision counts nowhere; a superseded one (an older
  // assessment of the same item, an older target) was replaced by d.by.
  const struck = d.status === 'retracted' || d.status === 'superseded';
  const text = decisionText(d);
  return el('li', { class: ['fact', 'decision', struck && 'struck'], [attr]: d.id },
    el('div', { class: 'fact-head' },
      el('span', { class: 'when', text: date(d.date) }),
      struck ? el('s', { class: 'summary', text }) : el('span', { class: 'summary', text }),
      el('span', { class: 'ftype', text: label('type', d.type) }),
      struck ? statusBadge(d.status) : el('span', { class: ['badge', 'st-verified'], text: t('status.counted') })),
    d.reason ? el('p', { class: 'why', text: `${t('sheet.reason')}: ${bi(d.reason)}` }) : null,
    d.decision_no ? el('p', { class: 'why muted', text: `${t('sheet.decision_no')} ${d.decision_no}` }) : null,
    d.status === 'retracted' && d.retraction_reason ? el('p', { class: 'reason', text: `${t('status.retracted')}: ${bi(d.retraction_reason)}` }) : null,
    d.status === 'superseded' ? el('p', { class: 'reason', text: t('sheet.supersededby') }) : null,
    byLine(d, ctx || {}));
}

function refLine(id, lookup) {
  const f = lookup.facts.get(id);
  if (f) return factLine(f, 'data-event-ref', lookup.ctx);
  const d = lookup.decisions.get(id);
  if (d) return decisionLine(d, 'data-event-ref', lookup.ctx);
  return el('li', { class: 'fact', 'data-event-ref': id }, el('span', { class: 'muted', text: `${t('unknown.event')}: ${id}` }));
}

/** itemNode renders a rubric item with its points, rule, note, events and sub-items. */
function itemNode(it, depth, lookup, open) {
  const head = el('div', { class: 'item-head' },
    el('span', { class: 'code', text: it.code }),
    el('span', { class: 'ititle', text: bi(it.title, it.title_en) }),
    el('span', { class: 'pts' }, el('strong', { text: num(it.points) }), ` / ${num(it.max)}`));
  const body = [
    it.max > 0 ? el('meter', { min: 0, max: it.max, value: Math.max(0, Math.min(it.points, it.max)), 'aria-hidden': 'true' }) : null,
    it.rule ? el('p', { class: 'rule' }, el('span', { class: 'muted', text: `${t('sheet.rule')}: ` }), bi(it.rule)) : null,
    it.note || it.note_en ? el('p', { class: 'note', text: bi(it.note, it.note_en) }) : null,
    it.events?.length ? el('ul', { class: 'refs' }, it.events.map((id) => refLine(id, lookup))) : null,
    it.items?.length ? el('ul', { class: 'tree' }, it.items.map((c) => itemNode(c, depth + 1, lookup, open))) : null,
  ];
  if (depth === 0 && it.items?.length) {
    const det = el('details', { class: 'group', data: { code: it.code } }, el('summary', {}, head), ...body);
    det.open = !open.closed.has(it.code);
    det.addEventListener('toggle', () => (det.open ? open.closed.delete(it.code) : open.closed.add(it.code)));
    return el('li', { class: ['item', `d${depth}`] }, det);
  }
  return el('li', { class: ['item', `d${depth}`] }, head, ...body);
}

/**
 * renderSheet fills body with the unit's sheet (the score reply). ctx:
 * {rubric, view, final, units (ranking size), openFile (opens an evidence
 * file), basis (how its award was decided, from the rankings' awards),
 * people (token id → person, GET /people)}; open keeps which groups the
 * reader collapsed across re-renders.
 */
export function renderSheet(body, s, ctx, open) {
  const st = s.standing || {};
  const lookup = {
    facts: new Map((s.facts || []).map((f) => [f.id, f])),
    decisions: new Map((s.decisions || []).map((d) => [d.id, d])),
    ctx,
  };
  const stat = (label, value, cls) => el('div', { class: ['stat', cls] }, el('dt', { text: label }), el('dd', {}, value));
  const parts = [];

  parts.push(el('p', { class: 'muted', text: t('sheet.view', label('view', s.view)) }));
  const season = ctx.season || {};
  const role = s.unit && s.unit === season.head ? t('season.head') : s.unit && s.unit === season.deputy ? t('season.deputy') : '';
  // Wards are counted where the season lists them by name (a district's
  // wards); a ward that is itself a member has none to count.
  const wards = (season.members || []).find((m) => m.id === s.unit)?.ward_list?.length || 0;
  if (role || wards) {
    parts.push(el('p', { class: 'unit-role' },
      role ? el('strong', { text: role }) : null, role && wards ? ' · ' : null,
      wards ? t('sheet.wards', wards) : null));
  }
  parts.push(el('dl', { class: 'stats' },
    stat(t('sheet.total'), el('strong', { class: 'big-num', text: num(s.total) }), 'total'),
    stat(t('sheet.rank'), st.rank ? `${st.rank}${ctx.units ? ' / ' + ctx.units : ''}` : '–'),
    stat(t('sheet.content'), num(s.content)),
    stat(t('sheet.bonus'), delta(s.bonus_total ?? 0)),
    stat(t('sheet.deductions'), delta(-(s.deductions_total ?? 0))),
    stat(t('sheet.class'), bi(st.classification, st.classification_en) || '–', 'wide'),
    stat(t('sheet.award'), awardBadge(st, ctx.final).length ? awardBadge(st, ctx.final) : '–', 'wide')));
  if (ctx.basis) parts.push(el('p', { class: 'basis-line' }, el('strong', { text: `${t('sheet.basis')}: ` }), awardBasis(ctx.basis, false)));

  parts.push(el('h3', { text: t('sheet.gates') }));
  parts.push(el('ul', { class: 'gates' }, (st.gates || []).map((g) => el('li', { class: g.passed ? 'ok' : 'bad' },
    el('span', { class: 'mark', 'aria-hidden': 'true', text: g.passed ? '✓' : '✗' }),
    el('span', { class: 'code', text: g.code }), ' ',
    el('span', { text: gateLabel(g, ctx.rubric) }), ' — ',
    el('strong', { text: g.passed ? t('gate.passed') : t('gate.failed') }),
    g.reason ? el('span', { class: 'reason', text: ` (${gateReason(g)})` }) : null))));
  if (!(st.gates || []).length) parts.push(el('p', { class: 'muted', text: '–' }));

  parts.push(el('h3', { text: t('sheet.items') }));
  parts.push(el('ul', { class: 'tree root' }, (s.items || []).map((it) => itemNode(it, 0, lookup, open))));

  const capB = ctx.rubric?.bonus?.cap;
  parts.push(el('h3', {}, `${t('sheet.bonus')} `, el('span', { class: 'muted', text: capB ? `(${t('sheet.cap', num(capB))})` : '' })));
  parts.push(el('ul', { class: 'tree' }, (s.bonus || []).map((it) => itemNode(it, 1, lookup, open))));
  const capD = ctx.rubric?.deductions?.cap;
  parts.push(el('h3', {}, `${t('sheet.deductions')} `, el('span', { class: 'muted', text: capD ? `(${t('sheet.capd', num(capD))})` : '' })));
  parts.push(el('ul', { class: 'tree' }, (s.deductions || []).map((it) => itemNode(it, 1, lookup, open))));

  if (Array.isArray(s.decisions) && s.decisions.length) {
    parts.push(el('h3', { text: t('sheet.decisions') }));
    const ds = s.decisions.slice().sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
    parts.push(el('ul', { class: 'facts' }, ds.map((d) => decisionLine(d, 'data-event-id', ctx))));
  }

  parts.push(el('h3', { text: t('sheet.facts') }));
  const facts = (s.facts || []).slice().sort((a, b) => String(a.date).localeCompare(String(b.date)) || (a.seq ?? 0) - (b.seq ?? 0));
  parts.push(facts.length
    ? el('ul', { class: 'facts all' }, facts.map((f) => factLine(f, 'data-event-id', ctx)))
    : el('p', { class: 'muted', text: t('sheet.nofacts') }));

  const cov = season.covenant || [];
  if (cov.length) {
    parts.push(el('h3', { text: t('season.covenant', cov.length) }));
    parts.push(el('ol', { class: 'covenant-list' }, cov.map((c) => el('li', {},
      el('strong', { text: c.title }), c.text ? el('span', { text: ` — ${c.text}` }) : null))));
  }

  body.replaceChildren(...parts);
}
