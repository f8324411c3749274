// Evidence files. The page holds its bearer token in script, so a plain
// link cannot send it, and a token in a URL would end up in histories and
// logs. A file is therefore fetched with the Authorization header and handed
// to the browser as a blob: URL, revoked a minute later. Only images and
// PDFs are shown, in a new tab; any other file is saved, typed
// application/octet-stream, so no uploaded bytes are ever rendered as a
// page of this origin.

import { errorFrom } from './util.js';

const SHOWN = new Set(['application/pdf', 'image/jpeg', 'image/png', 'image/webp']);

/** shownInTab says whether a file of this type opens in a tab (else it is saved). */
export const shownInTab = (type) => SHOWN.has(type);

/** fileSize says a size for people: 1,2 MB; 340 kB; 87 B. */
export function fileSize(n, lang) {
  const fmt = (v) => v.toLocaleString(lang === 'en' ? 'en-GB' : 'vi-VN', { maximumFractionDigits: 1 });
  if (!(n >= 0)) return '';
  if (n >= 1e6) return `${fmt(n / 1e6)} MB`;
  if (n >= 1e3) return `${fmt(n / 1e3)} kB`;
  return `${n} B`;
}

/**
 * openFile fetches a season's file with the token and shows or saves it.
 * The tab is opened during the click, before the fetch, so that a popup
 * blocker lets it through; it is closed again if the fetch fails.
 */
export async function openFile(seasonPath, token, e) {
  const show = shownInTab(e.file_type);
  const tab = show ? window.open('', '_blank') : null;
  try {
    const res = await fetch(`${seasonPath}/files/${encodeURIComponent(e.file)}`, {
      headers: { Authorization: `Bearer ${token}` },
      cache: 'no-store',
    });
    if (!res.ok) throw await errorFrom(res);
    const served = (res.headers.get('Content-Type') || '').split(';')[0].trim();
    const type = show && shownInTab(served) ? served : 'application/octet-stream';
    const url = URL.createObjectURL(new Blob([await res.arrayBuffer()], { type }));
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    if (tab && type !== 'application/octet-stream') {
      tab.opener = null;
      tab.location.href = url;
      return;
    }
    tab?.close();
    const a = document.createElement('a');
    a.href = url;
    a.download = e.file_name || e.file;
    a.rel = 'noopener';
    document.body.append(a);
    a.click();
    a.remove();
  } catch (err) {
    tab?.close();
    throw err;
  }
}
