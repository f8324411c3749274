// The unit's report form ("Báo cáo kết quả"), made from the season's schema
// (GET …/schema): the season's codes are named choices, dates are typed as
// dd/mm/yyyy, amounts in đồng get their separators. The form keeps one
// client id until the server has accepted the event, so a double click or
// a retry after a dropped connection never makes two events. Errors come
// back from the API on the field they concern.

import { t, bi, getLang } from './i18n.js';
import { el } from './util.js';

const FACTS = ['activity.held', 'model.recognized', 'exemplar.honored', 'congress.completed', 'report.submitted', 'indicator.reported'];

/** newID makes a client event id; crypto.getRandomValues works over plain http too. */
export function newID() {
  const b = new Uint8Array(12);
  crypto.getRandomValues(b);
  return 'web-' + Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

/** isoDate turns dd/mm/yyyy into yyyy-mm-dd; anything else is sent as typed, for the API to name. */
export function isoDate(s) {
  const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(s || '');
  if (!m) return (s || '').trim();
  return `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`;
}

/** groupDigits writes an amount with the reader's separators: 2.500.000.000 or 2,500,000,000. */
export function groupDigits(digits) {
  const sep = getLang() === 'en' ? ',' : '.';
  return digits.replace(/^0+(?=\d)/, '').replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

/** fieldMessage says an API validation message in the reader's language. */
export function fieldMessage(msg) {
  const m = String(msg || '');
  let r;
  if (/is required/.test(m)) return t('err.required');
  if (/is not one of this season's|is not in this season's catalogue/.test(m)) return t('err.catalogue');
  if ((r = /outside the season's year (\d{4})/.exec(m))) return t('err.year', r[1]);
  if (/is not a date/.test(m)) return t('err.date');
  if (/cannot be negative/.test(m)) return t('err.negative');
  if (/percentage between 0 and 100/.test(m)) return t('err.percent');
  if (/longer than/.test(m)) return t('err.long');
  if (/http\(s\) link/.test(m)) return t('err.url');
  if (/is not one of the wards/.test(m)) return t('err.ward');
  if (/at least one evidence item/.test(m)) return t('err.evidence');
  if (/must be a number|not a JSON/.test(m)) return t('err.number');
  return getLang() === 'en' ? m : `${t('err.other')} (${m})`;
}

const title = (s) => bi(s?.title, s?.['x-title-en']);

let seq = 0;
const uid = (p) => `f${++seq}-${p.replace(/[^a-z0-9]/gi, '-')}`;

/**
 * A field is {path, node (the wrapper), input, get() → value or undefined,
 * schema}. fields builds them for an object schema, in x-order.
 */
function fields(objSchema, prefix, ctx) {
  const out = [];
  for (const name of objSchema['x-order'] || Object.keys(objSchema.properties || {})) {
    const s = objSchema.properties[name];
    const path = prefix ? `${prefix}.${name}` : name;
    out.push(field(s, path, name, (objSchema.required || []).includes(name), ctx));
  }
  return out;
}

function field(s, path, name, required, ctx) {
  const id = uid(path);
  const label = el('label', { for: id, class: 'flabel' }, title(s), required ? el('span', { class: 'req', 'aria-hidden': 'true', text: ' *' }) : null);
  const hint = bi(s.description, s['x-description-en']);
  const err = el('p', { class: 'ferr', id: `${id}-err`, role: 'alert', hidden: true });
  const wrap = (input, extra) => {
    const node = el('div', { class: ['field', `f-${name}`], data: { path } }, label, input, extra || null,
      hint ? el('p', { class: 'fhint', id: `${id}-hint`, text: hint }) : null, err);
    input.setAttribute('aria-describedby', [hint ? `${id}-hint` : '', `${id}-err`].filter(Boolean).join(' '));
    return node;
  };
  let choices = s.oneOf;
  if (name === 'ward' && ctx.wards) choices = ctx.wards;
  if (choices) {
    const sel = el('select', { id, name: path, required: required || null },
      el('option', { value: '', text: t('report.choose') }),
      choices.map((c) => el('option', { value: c.const, text: bi(c.title, c['x-title-en']) + (c['x-date'] ? ` (${shortDate(c['x-date'])})` : '') })));
    return { path, s, input: sel, node: wrap(sel), get: () => sel.value || undefined };
  }
  if (s.type === 'boolean') {
    const box = el('input', { id, type: 'checkbox', name: path });
    const node = el('div', { class: ['field', 'check', `f-${name}`], data: { path } }, box, label, err);
    return { path, s, input: box, node, get: () => (box.checked ? true : undefined) };
  }
  if (s.type === 'object') {
    const sub = fields(s, path, ctx);
    const node = el('fieldset', { class: ['group', `f-${name}`], data: { path } }, el('legend', { text: title(s) }), sub.map((f) => f.node), err);
    return {
      path, s, input: node, node, sub,
      get: () => {
        const o = {};
        for (const f of sub) { const v = f.get(); if (v !== undefined) o[f.path.split('.').pop()] = v; }
        return Object.keys(o).length ? o : undefined;
      },
    };
  }
  if (s.format === 'date') {
    const inp = el('input', { id, name: path, type: 'text', inputmode: 'numeric', placeholder: t('report.datehint'), autocomplete: 'off', class: 'date', required: required || null });
    return { path, s, input: inp, node: wrap(inp), get: () => (inp.value.trim() ? isoDate(inp.value) : undefined) };
  }
  if (s.type === 'integer' && s['x-unit'] === 'VND') {
    const inp = el('input', { id, name: path, type: 'text', inputmode: 'numeric', autocomplete: 'off', class: 'amount' });
    inp.addEventListener('input', () => {
      const d = inp.value.replace(/\D/g, '');
      inp.value = d ? groupDigits(d) : '';
    });
    const unit = el('span', { class: 'unit', text: getLang() === 'en' ? 'VND' : 'đồng' });
    return { path, s, input: inp, node: wrap(el('div', { class: 'with-unit' }, inp, unit)), get: () => { const d = inp.value.replace(/\D/g, ''); return d ? Number(d) : undefined; } };
  }
  if (s.type === 'integer' || s.type === 'number') {
    // A text input: a Vietnamese reader writes 42,5 and the browser's own
    // number input follows the browser's language, not the page's.
    const inp = el('input', { id, name: path, type: 'text', autocomplete: 'off', class: 'num', inputmode: s.type === 'integer' ? 'numeric' : 'decimal' });
    const unitText = s['x-unit'] === 'percent' ? '%' : bi(s['x-noun'], s['x-noun-en']);
    const input = unitText ? el('div', { class: 'with-unit' }, inp, el('span', { class: 'unit', text: unitText })) : inp;
    return { path, s, input: inp, node: wrap(input), get: () => parseNumber(inp.value, s.type === 'integer') };
  }
  const long = name === 'title' || name === 'text' || name === 'question' || name === 'reason';
  const inp = el(long ? 'textarea' : 'input', { id, name: path, type: long ? null : 'text', maxlength: s.maxLength ?? null, rows: long ? 2 : null, required: required || null });
  return { path, s, input: inp, node: wrap(inp), get: () => (inp.value.trim() ? inp.value.trim() : undefined) };
}

/**
 * parseNumber reads 42,5 or 42.5 (and 1.200 as twelve hundred when an
 * integer is expected); what does not parse is sent as typed, so that the
 * API names the field.
 */
export function parseNumber(text, integer) {
  let v = String(text || '').trim().replace(/\s/g, '');
  if (!v) return undefined;
  if (integer) v = v.replace(/[.,](?=\d{3}(\D|$))/g, '');
  else v = v.replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v;
}

function shortDate(iso) {
  const [y, m, d] = iso.split('-');
  return getLang() === 'en' ? iso : `${d}/${m}/${y}`;
}

/** applyWhen shows a field only when its x-when condition holds. */
function applyWhen(list) {
  const byName = new Map(list.map((f) => [f.path.split('.').pop(), f]));
  for (const f of list) {
    const w = f.s['x-when'];
    if (!w) continue;
    const other = byName.get(w.field);
    const update = () => { f.node.hidden = !w.in.includes(other?.get?.() ?? ''); };
    other?.input.addEventListener('change', update);
    update();
  }
}

/** evidenceEditor is the dossier: a list of items, each a small form of its own. */
function evidenceEditor(itemSchema, ctx) {
  const list = el('ol', { class: 'ev-list' });
  const items = [];
  const add = () => {
    const n = items.length;
    // sha256 names a document kept elsewhere: an integrator's field, not the secretary's.
    const sub = fields({ ...itemSchema, 'x-order': (itemSchema['x-order'] || []).filter((k) => k !== 'sha256' && k !== 'file') }, `evidence[${n}]`, ctx);
    const kind = sub.find((f) => f.path.endsWith('.kind'));
    if (kind) kind.input.value = 'document';
    const li = el('li', { class: 'ev-item' }, el('p', { class: 'ev-n', text: t('report.ev.n', n + 1) }), sub.map((f) => f.node));
    const entry = { li, sub };
    if (ctx.upload && itemSchema.properties?.file) entry.file = ctx.upload(li, sub);
    if (n > 0) {
      li.append(el('button', {
        type: 'button', class: 'link remove', text: t('report.ev.remove'),
        on: { click: () => { items.splice(items.indexOf(entry), 1); li.remove(); renumber(); } },
      }));
    }
    items.push(entry);
    list.append(li);
  };
  const renumber = () => items.forEach((it, i) => {
    it.li.querySelector('.ev-n').textContent = t('report.ev.n', i + 1);
    for (const f of it.sub) {
      const p = f.path.replace(/^evidence\[\d+\]/, `evidence[${i}]`);
      f.path = p;
      f.node.dataset.path = p;
    }
  });
  add();
  return {
    node: el('fieldset', { class: 'group evidence', data: { path: 'evidence' } },
      el('legend', { text: t('report.evidence') }),
      el('p', { class: 'fhint', text: t('report.evidence.help') }),
      list,
      el('button', { type: 'button', class: 'link add', text: t('report.ev.add'), on: { click: add } }),
      el('p', { class: 'ferr', role: 'alert', hidden: true })),
    fields: () => items.flatMap((it) => it.sub),
    get: () => items.map((it) => {
      const o = {};
      for (const f of it.sub) { const v = f.get(); if (v !== undefined) o[f.path.split('.').pop()] = v; }
      if (it.file?.sha256) {
        o.file = it.file.sha256;
        if (!o.title && it.file.name) o.title = it.file.name;
      }
      return o;
    }).filter((o) => Object.keys(o).some((k) => k !== 'kind')),
  };
}

/**
 * renderReport fills box with the report form. ctx: {schema (the season's),
 * unit, year, closed, post(body) → {status, body} or throws on a network
 * error, upload (optional), onSent(reply)}.
 */
export function renderReport(box, ctx) {
  if (ctx.closed) {
    box.replaceChildren(el('p', { class: 'notice', text: t('report.closed') }));
    return;
  }
  const types = FACTS.filter((ty) => ctx.schema?.types?.[ty]);
  const picker = el('fieldset', { class: 'types' }, el('legend', { text: t('report.pick') }),
    types.map((ty) => {
      const id = uid(ty);
      const s = ctx.schema.types[ty];
      return el('div', { class: 'type-choice' },
        el('input', { type: 'radio', name: 'fact-type', id, value: ty, on: { change: () => show(ty) } }),
        el('label', { for: id }, el('strong', { text: title(s) }), el('span', { class: 'muted', text: t(`report.type.${ty}`) })));
    }));
  const formBox = el('div', { class: 'form-box' });
  box.replaceChildren(picker, formBox);
  const params = new URLSearchParams(location.search);
  const initial = params.get('type');
  if (initial && types.includes(initial)) {
    picker.querySelector(`input[value="${initial}"]`).checked = true;
    show(initial);
  }

  function show(type) {
    const s = ctx.schema.types[type];
    const data = s.properties.data;
    const wardRule = (s.allOf || []).find((a) => a.if?.properties?.unit?.const === ctx.unit);
    const fctx = { wards: wardRule?.then?.properties?.data?.properties?.ward?.oneOf, upload: ctx.upload };
    const dateField = field({ ...s.properties.date, title: t('report.date'), 'x-title-en': t('report.date') }, 'date', 'date', true, fctx);
    const dataFields = fields(data, 'data', fctx);
    applyWhen(dataFields);
    const ev = evidenceEditor(s.properties.evidence.items, fctx);
    const status = el('div', { class: 'form-status', role: 'status', 'aria-live': 'polite' });
    const send = el('button', { type: 'submit', class: 'primary', text: t('report.send') });
    const form = el('form', { class: 'report', novalidate: true, data: { type } },
      el('h3', { text: title(s) }), dateField.node, dataFields.map((f) => f.node), ev.node, status, send);
    formBox.replaceChildren(form);
    let clientID = null; // kept until the server has the event
    let busy = false;
    const all = () => [dateField, ...dataFields.flatMap((f) => (f.sub ? [f, ...f.sub] : [f])), ...ev.fields()];
    const clearErrors = () => {
      for (const e of form.querySelectorAll('.ferr')) { e.hidden = true; e.textContent = ''; }
      for (const e of form.querySelectorAll('[aria-invalid]')) e.removeAttribute('aria-invalid');
    };
    const showError = (fieldPath, message) => {
      let target = all().find((f) => f.path === fieldPath);
      let node = target?.node;
      if (!node) { // the nearest enclosing group: evidence, data.structure, …
        let p = fieldPath || '';
        while (p && !node) {
          p = p.replace(/(\.[^.[\]]+|\[\d+\])$/, '');
          node = form.querySelector(`[data-path="${CSS.escape(p)}"]`);
        }
      }
      node = node || status;
      const e = node.querySelector(':scope > .ferr') || status;
      e.textContent = fieldMessage(message);
      e.hidden = false;
      target?.input?.setAttribute('aria-invalid', 'true');
      (target?.input || node).focus?.();
    };
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      if (busy) return;
      busy = true;
      send.disabled = true;
      send.textContent = t('report.sending');
      clearErrors();
      status.textContent = '';
      clientID = clientID || newID();
      const body = { id: clientID, type, unit: ctx.unit, date: dateField.get(), data: dataFields.reduce((o, f) => {
        const v = f.get();
        if (v !== undefined && !f.node.hidden) o[f.path.split('.').pop()] = v;
        return o;
      }, {}), evidence: ev.get() };
      let res;
      try {
        res = await ctx.post(body);
      } catch {
        status.textContent = t('report.offline');
        status.className = 'form-status warn';
        send.textContent = t('report.resend');
        send.disabled = false;
        busy = false;
        return;
      }
      busy = false;
      send.disabled = false;
      send.textContent = t('report.send');
      if (res.status === 201 || res.status === 200) {
        clientID = null;
        status.className = 'form-status ok';
        status.replaceChildren(
          el('p', { text: res.status === 201 ? t('report.sent', res.body.id) : t('report.already') }),
          el('button', { type: 'button', class: 'link', text: t('report.another'), on: { click: () => show(type) } }), ' · ',
          el('a', { href: '?tab=dossier', class: 'link', text: t('report.seeDossier'), on: { click: (ev2) => { ev2.preventDefault(); ctx.goto('dossier'); } } }));
        form.querySelectorAll('input, select, textarea').forEach((x) => { x.disabled = true; });
        send.hidden = true;
        ctx.onSent?.(res.body);
        return;
      }
      const err = res.body?.error || {};
      if (res.status >= 500 || res.status === 0) {
        status.textContent = t('report.offline');
        status.className = 'form-status warn';
        send.textContent = t('report.resend');
        return;
      }
      status.className = 'form-status bad';
      status.textContent = t('report.invalid');
      showError(err.field, err.message);
    });
  }
}
