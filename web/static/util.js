// Shared helpers: short unit names, DOM builders, link checks and API
// errors. Data from the API only ever reaches the page as text nodes
// (textContent), never as markup.

export const SVG_NS = 'http://www.w3.org/2000/svg';

const PREFIX = /^(?:Ủy|Uỷ)\s+ban\s+(?:MTTQ|Mặt\s+trận\s+Tổ\s+quốc)(?:\s+Việt\s+Nam)?\s+/iu;
const LEVELS = [
  [/^quận\s+/iu, 'Q. '], [/^huyện\s+/iu, 'H. '], [/^thị\s+xã\s+/iu, 'TX. '],
  [/^thành\s+phố\s+/iu, 'TP. '], [/^phường\s+/iu, 'P. '], [/^xã\s+/iu, 'X. '],
  [/^thị\s+trấn\s+/iu, 'TT. '],
];

/**
 * shortName turns "Ủy ban MTTQ Việt Nam quận Cầu Giấy" into "Q. Cầu Giấy":
 * the common prefix goes, and the administrative level is abbreviated.
 */
export function shortName(name) {
  if (typeof name !== 'string') return '';
  let s = name.replace(PREFIX, '');
  for (const [re, abbr] of LEVELS) {
    if (re.test(s)) { s = s.replace(re, abbr); break; }
  }
  return s || name;
}

/**
 * el builds an element. attrs: class, text, title, data (dataset), hidden,
 * on (event handlers), anything else as an attribute. Children are nodes or
 * strings (as text); null, undefined and false are skipped.
 */
export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  return build(e, attrs, children);
}

/** svg builds an SVG element the same way. */
export function svg(tag, attrs = {}, ...children) {
  return build(document.createElementNS(SVG_NS, tag), attrs, children);
}

function build(e, attrs, children) {
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'text') e.textContent = String(v);
    else if (k === 'data') Object.assign(e.dataset, v);
    else if (k === 'on') for (const [ev, fn] of Object.entries(v)) e.addEventListener(ev, fn);
    else if (k === 'class') e.setAttribute('class', Array.isArray(v) ? v.filter(Boolean).join(' ') : v);
    else e.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

/** safeURL returns the URL if it is http(s), else null (no javascript:, data:…). */
export function safeURL(u) {
  if (typeof u !== 'string' || !u) return null;
  try {
    const url = new URL(u);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

/** ApiError is a non-2xx reply: status plus the API's {code, message, field}. */
export class ApiError extends Error {
  constructor(status, code, message, field) {
    super(message || `HTTP ${status}`);
    this.status = status;
    this.code = code;
    this.field = field;
  }
}

/** errorFrom reads the API's error body from a failed response. */
export async function errorFrom(res) {
  let body = null;
  try { body = await res.json(); } catch { /* not JSON */ }
  const e = body && body.error ? body.error : {};
  return new ApiError(res.status, e.code, e.message || `HTTP ${res.status} ${res.statusText}`, e.field);
}
