// What the committee's year tabs (meeting, next season, people) share: their
// stylesheet, a field-error helper and the client event id kept until the
// server accepts an event.

import { t, addStrings, num } from './i18n.js';
import { el } from './util.js';
import { fieldMessage, newID } from './form.js';

addStrings({
  vi: {
    'yk.failed': (s) => `Máy chủ không nhận (mã ${s}).`,
    'yk.network': 'Không kết nối được máy chủ. Kiểm tra mạng rồi bấm gửi lại: sự kiện không bị ghi hai lần.',
    'yk.id': 'Mã chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang, ví dụ bac-tu-liem.',
    'yk.twice': 'Mã này đã có ở dòng khác.',
    'yk.sum': (s, m) => `Các mục con cộng lại ${s}, khác điểm tối đa ${m}.`,
    'yk.member': 'Phải là một đơn vị thành viên của mùa thi đua.',
  },
  en: {
    'yk.failed': (s) => `The server refused it (status ${s}).`,
    'yk.network': 'The server cannot be reached. Check the network and send again: the event is never recorded twice.',
    'yk.id': 'An id is lower-case letters without accents, digits and dashes, e.g. bac-tu-liem.',
    'yk.twice': 'This id is already on another line.',
    'yk.sum': (s, m) => `The items add up to ${s}, not the maximum ${m}.`,
    'yk.member': 'It must be a member unit of the season.',
  },
});

/** useStyle adds year.css once: the tabs' own rules, print included. */
export function useStyle() {
  if (document.querySelector('link[data-year-css]')) return;
  document.head.append(el('link', { rel: 'stylesheet', href: '/assets/year.css', data: { yearCss: '1' } }));
}

/**
 * errors keeps a form's field errors: set(field, message) marks the input
 * registered for that API field (aria-invalid, a message under it) or,
 * for a field no input holds, the form's general line.
 */
export function errors(general) {
  const fields = new Map(); // API field → {input, msg}
  return {
    register(field, input) {
      const msg = el('p', { class: 'ferr', hidden: true, id: `ferr-${field.replace(/[^a-z0-9]+/gi, '-')}` });
      fields.set(field, { input, msg });
      input.setAttribute('aria-describedby', msg.id);
      return msg;
    },
    clear() {
      for (const { input, msg } of fields.values()) { input.removeAttribute('aria-invalid'); msg.hidden = true; msg.textContent = ''; }
      general.hidden = true;
      general.textContent = '';
    },
    /** set shows an error; it answers whether a field took it. */
    set(field, message) {
      const f = fields.get(field);
      if (f) {
        f.input.setAttribute('aria-invalid', 'true');
        f.msg.textContent = message;
        f.msg.hidden = false;
        return true;
      }
      general.textContent = message;
      general.hidden = false;
      return false;
    },
    /** api shows an API error body at its field; it focuses the field. */
    api(status, body) {
      const e = body?.error || {};
      const msg = e.field ? ownMessage(e.message) || fieldMessage(e.message) : (e.message || t('yk.failed', status));
      this.set(e.field || '', msg);
      fields.get(e.field)?.input.focus();
    },
  };
}

/** ownMessage says the year tabs' own API messages in the reader's words ("" for others). */
function ownMessage(m) {
  let r;
  if (/is not an id|is not a cluster id/.test(m)) return t('yk.id');
  if (/is listed twice/.test(m)) return t('yk.twice');
  if ((r = /add up to ([\d.]+), not its maximum ([\d.]+)/.exec(m))) return t('yk.sum', num(Number(r[1])), num(Number(r[2])));
  if (/is not a member/.test(m)) return t('yk.member');
  return '';
}

/**
 * sender posts an event with one client id until the server has taken it,
 * so that a double click or a retry never writes it twice.
 */
export function sender(io) {
  let id = null;
  return {
    /** send posts body to the season's events (or to path). */
    async send(body, path) {
      id = id || newID();
      let r;
      try {
        r = await io.post(path || `${io.seasonPath()}/events`, { id, ...body });
      } catch {
        return { status: 0, body: { error: { message: t('yk.network') } } };
      }
      if (r.status === 200 || r.status === 201) id = null;
      return r;
    },
    reset() { id = null; },
  };
}

/** field lays out a labelled input with its hint and error line. */
export function field(labelText, input, { hint, err, apiField, required } = {}) {
  const msg = err && apiField ? err.register(apiField, input) : null;
  return el('label', { class: 'field' },
    el('span', { class: 'flabel' }, labelText, required ? el('span', { class: 'req', 'aria-hidden': 'true', text: ' *' }) : null),
    input, hint ? el('span', { class: 'fhint', text: hint }) : null, msg);
}
