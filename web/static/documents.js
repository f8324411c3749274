// The meeting's documents, laid out as administrative documents (Decree
// 30/2020/NĐ-CP): the minutes of the year-end review meeting ("Biên bản
// họp bình xét thi đua") and the proposal for awards ("Tờ trình đề nghị
// tặng Cờ thi đua và Bằng khen"), filled from the season through the
// public API with the token the ranking page keeps. What the program cannot
// know (the number, the attendance, who chairs and signs) is typed on the
// page before printing, and is never stored or sent.

import { el, errorFrom } from './util.js';

const $ = (sel) => document.querySelector(sel);
const enc = encodeURIComponent;
const TOKEN_KEY = 'thidua.token';
const vi = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });
const pct = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2, style: 'percent' });
const AWARD = { flag: 'Cờ thi đua', certificate: 'Bằng khen' };

function token() {
  try { return localStorage.getItem(TOKEN_KEY); } catch { return null; }
}

async function api(path) {
  const res = await fetch(path, { headers: { Authorization: `Bearer ${token()}`, Accept: 'application/json' }, cache: 'no-store' });
  if (!res.ok) throw await errorFrom(res);
  return res.json();
}

/** events reads every event of the season, a page at a time. */
async function allEvents(season) {
  const out = [];
  let from = 1;
  for (;;) {
    const page = await api(`/api/v1/seasons/${enc(season)}/events?from_seq=${from}&limit=10000`);
    out.push(...page.events);
    if (page.events.length < 10000) return out;
    from = page.events[page.events.length - 1].seq + 1;
  }
}

/**
 * fill is a field typed on the page before printing: it prints as what was
 * typed, or as a dotted line to be written by hand.
 */
function fill(label, text = '', cls = '') {
  return el('span', { class: ['fill', cls], contenteditable: 'plaintext-only', role: 'textbox', 'aria-label': label, spellcheck: 'false', text });
}

function block(label, text = '') {
  return el('div', { class: 'fill block', contenteditable: 'plaintext-only', role: 'textbox', 'aria-multiline': 'true', 'aria-label': label, spellcheck: 'false', text });
}

const points = (n) => vi.format(n);
const ddmmyyyy = (iso) => (iso && /^\d{4}-\d{2}-\d{2}/.test(iso) ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '');

/** agency splits "Cụm thi đua số 2 – Ủy ban MTTQ Việt Nam thành phố Hà Nội" into the body above and the cluster. */
function agency(name) {
  const [cluster, parent] = String(name || '').split(/\s+[–-]\s+/, 2);
  return { parent: parent || '', cluster: cluster || name || '' };
}

/** place is the city the cluster is in, from its parent body's name ("… thành phố Hà Nội"). */
function place(parent) {
  const m = /(?:thành phố|tỉnh)\s+(.+)$/iu.exec(parent || '');
  return m ? m[1] : 'Hà Nội';
}

/** head is the national emblem's block and the agency's, side by side (Decree 30, Appendix I). */
function head(d, symbol) {
  const a = agency(d.season.cluster?.name);
  const [y, m, day] = (d.date || '').split('-');
  return el('header', { class: 'doc-head' },
    el('div', { class: 'agency' },
      a.parent ? el('p', { class: 'parent', text: a.parent.toUpperCase() }) : null,
      el('p', { class: 'org', text: a.cluster.toUpperCase() }),
      el('p', { class: 'rule-short' }),
      el('p', { class: 'number' }, 'Số: ', fill('Số văn bản', '', 'num'), `/${symbol}`)),
    el('div', { class: 'nation' },
      el('p', { class: 'motto1', text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM' }),
      el('p', { class: 'motto2', text: 'Độc lập - Tự do - Hạnh phúc' }),
      el('p', { class: 'rule-long' }),
      el('p', { class: 'place-date' }, `${place(a.parent)}, ngày `, fill('Ngày', day || '', 'dd'), ' tháng ', fill('Tháng', m || '', 'dd'),
        ` năm ${y || d.season.year}`)));
}

function rankingTable(units, cols) {
  return el('table', { class: 'doc-table' },
    el('thead', {}, el('tr', {}, cols.map((c) => el('th', { text: c.head })))),
    el('tbody', {}, units.map((u) => el('tr', {}, cols.map((c) => el('td', { class: c.cls, text: c.cell(u) }))))));
}

function eligibility(u) {
  if (u.eligible) return 'Đủ điều kiện';
  const why = (u.gates || []).filter((g) => !g.passed).map((g) => String(g.reason || g.code).split(' / ')[0]
    .replace(/\((discipline|corruption|other)\)/, (_, k) => `(${{ discipline: 'kỷ luật', corruption: 'tham nhũng', other: 'khác' }[k]})`));
  return `Chưa đủ điều kiện${why.length ? `: ${why.join('; ')}` : ''}`;
}

function signatures(left, right) {
  const sig = (s) => s ? el('div', { class: 'sig' },
    s.over ? el('p', { class: 'sig-over', text: s.over }) : null,
    el('p', { class: 'sig-role', text: s.role }),
    el('p', { class: 'sig-note', text: '(Ký, ghi rõ họ tên)' }),
    el('div', { class: 'sig-space' }),
    fill(`Họ tên ${s.role.toLowerCase()}`, '', 'sig-name')) : el('div', { class: 'sig' });
  return el('div', { class: 'signatures' }, sig(left), sig(right));
}

function recipients(lines) {
  return el('div', { class: 'recipients' },
    el('p', { class: 'rc-title', text: 'Nơi nhận:' }),
    block('Nơi nhận', lines.join('\n')));
}

/** flagBallot is the live flag ballot: the latest one the committee did not retract. */
function flagBallot(evs) {
  const retracted = new Set(evs.filter((e) => e.type === 'committee.retracted').map((e) => e.data?.target));
  return evs.filter((e) => e.type === 'ballot.recorded' && e.data?.question === 'flag' && !retracted.has(e.id)).pop() || null;
}

/**
 * ballotResult says what the ballot decided: the flag goes to an eligible
 * unit with more than half the votes; otherwise it goes by the totals.
 */
function ballotResult(d, b, flag) {
  const { votes, voters } = b.data;
  const byTotal = flag.length ? `Cờ thi đua được xét theo tổng điểm: ${flag.map((u) => u.name).join(', ')}.` : 'không đơn vị nào đủ điều kiện nhận Cờ thi đua.';
  if (flag.length && (votes[flag[0].unit] || 0) * 2 > voters) {
    return `Kết quả: ${flag[0].name} được quá nửa số phiếu (${vi.format(votes[flag[0].unit])}/${vi.format(voters)}), được đề nghị tặng Cờ thi đua.`;
  }
  const winner = Object.keys(votes).find((u) => votes[u] * 2 > voters);
  if (winner) {
    const u = d.ranking.units.find((x) => x.unit === winner);
    return `Kết quả: ${nameOf(d, winner)} được quá nửa số phiếu (${vi.format(votes[winner])}/${vi.format(voters)}) nhưng ${u ? lowerFirst(eligibility(u)) : 'chưa đủ điều kiện'}; ${byTotal}`;
  }
  return `Kết quả: không đơn vị nào được quá nửa số phiếu; ${byTotal}`;
}

const lowerFirst = (s) => s.charAt(0).toLowerCase() + s.slice(1);

function nameOf(d, id) {
  return d.season.members?.find((m) => m.id === id)?.name || id;
}

function minutes(d) {
  const flag = d.ranking.units.filter((u) => u.award === 'flag');
  const certs = d.ranking.units.filter((u) => u.award === 'certificate');
  const b = d.ballot;
  const ballotPart = b
    ? [
      el('p', {}, `Hội nghị bỏ phiếu kín đề nghị tặng Cờ thi đua; số thành viên được bỏ phiếu: ${vi.format(b.data.voters)}.`),
      rankingTable(Object.entries(b.data.votes).sort((x, y) => y[1] - x[1]).map(([unit, votes]) => ({ unit, votes })), [
        { head: 'Đơn vị', cell: (r) => nameOf(d, r.unit) },
        { head: 'Số phiếu', cls: 'n', cell: (r) => vi.format(r.votes) },
        { head: 'Tỷ lệ', cls: 'n', cell: (r) => pct.format(r.votes / b.data.voters) },
      ]),
      el('p', { text: ballotResult(d, b, flag) }),
    ]
    : [el('p', { text: 'Hội nghị không tổ chức bỏ phiếu; Cờ thi đua được xét theo tổng điểm và điều kiện khen thưởng.' })];
  return [
    head(d, 'BB-CTĐ'),
    el('h1', { class: 'doc-title' }, 'BIÊN BẢN', el('span', { class: 'sub', text: `Họp bình xét thi đua năm ${d.season.year}` })),
    el('p', {}, 'Thời gian: ', fill('Thời gian họp', '')),
    el('p', {}, 'Địa điểm: ', fill('Địa điểm họp', '')),
    el('p', {}, 'Chủ trì: ', fill('Người chủ trì', '')),
    el('p', {}, 'Thư ký: ', fill('Thư ký', '')),
    el('p', { text: 'Thành phần tham dự (mỗi người một dòng):' }),
    block('Thành phần tham dự'),
    el('h2', { text: 'I. Kết quả chấm điểm thi đua' }),
    el('p', { text: `Hội nghị đã nghe báo cáo kết quả chấm điểm thi đua năm ${d.season.year} của các đơn vị trong Cụm (${d.viewName}), như sau:` }),
    rankingTable(d.ranking.units, [
      { head: 'Hạng', cls: 'c', cell: (u) => String(u.rank) },
      { head: 'Đơn vị', cell: (u) => u.name },
      { head: 'Tổng điểm', cls: 'n', cell: (u) => points(u.total) },
      { head: 'Xếp loại', cell: (u) => u.classification },
      { head: 'Điều kiện khen thưởng', cell: eligibility },
    ]),
    el('h2', { text: 'II. Kết quả bỏ phiếu' }),
    ...ballotPart,
    el('h2', { text: 'III. Đề nghị khen thưởng' }),
    el('p', { text: `Hội nghị thống nhất đề nghị ${agency(d.season.cluster?.name).parent || 'cấp trên'} xem xét, khen thưởng:` }),
    el('p', { text: `1. Cờ thi đua: ${flag.length ? flag.map((u) => `${u.name} (${points(u.total)} điểm)`).join('; ') : 'không có'}.` }),
    el('p', { text: `2. Bằng khen: ${certs.length ? certs.map((u) => `${u.name} (${points(u.total)} điểm)`).join('; ') : 'không có'}.` }),
    el('p', {}, 'Ý kiến khác: ', fill('Ý kiến khác', '')),
    el('p', {}, 'Hội nghị kết thúc lúc ', fill('Giờ kết thúc', ''), ' cùng ngày. Biên bản đã được thông qua trước Hội nghị./.'),
    signatures({ role: 'THƯ KÝ' }, { role: 'CHỦ TRÌ' }),
    recipients(['- Các đơn vị trong Cụm;', '- Lưu: VT, Cụm.']),
    d.footnote,
  ];
}

function proposal(d) {
  const a = agency(d.season.cluster?.name);
  const flag = d.ranking.units.filter((u) => u.award === 'flag');
  const certs = d.ranking.units.filter((u) => u.award === 'certificate');
  const cols = [
    { head: 'TT', cls: 'c', cell: (u) => String(u.i) },
    { head: 'Đơn vị', cell: (u) => u.name },
    { head: 'Tổng điểm', cls: 'n', cell: (u) => points(u.total) },
    { head: 'Hạng', cls: 'c', cell: (u) => String(u.rank) },
    { head: 'Xếp loại', cell: (u) => u.classification },
  ];
  const list = (us) => us.map((u, i) => ({ ...u, i: i + 1 }));
  const ballot = d.ballot ? `, kết quả bỏ phiếu ngày ${ddmmyyyy(d.ballot.date)}` : '';
  return [
    head(d, 'TTr-CTĐ'),
    el('h1', { class: 'doc-title' }, 'TỜ TRÌNH',
      el('span', { class: 'sub', text: `Về việc đề nghị tặng Cờ thi đua và Bằng khen năm ${d.season.year}` })),
    el('p', { class: 'to' }, 'Kính gửi: ', fill('Kính gửi', a.parent || '')),
    ...(d.season.legal_basis || []).map((l) => el('p', { class: 'basis', text: `Căn cứ ${l};` })),
    el('p', { class: 'basis', text: `Căn cứ kết quả chấm điểm thi đua năm ${d.season.year} của các đơn vị trong Cụm${ballot} và Biên bản họp bình xét thi đua của Cụm,` }),
    el('p', { text: `${a.cluster} kính đề nghị xem xét, tặng thưởng cho các đơn vị sau:` }),
    el('h2', { text: `1. Cờ thi đua: ${vi.format(flag.length)} đơn vị` }),
    flag.length ? rankingTable(list(flag), cols) : el('p', { text: 'Không có đơn vị đủ điều kiện.' }),
    el('h2', { text: `2. Bằng khen: ${vi.format(certs.length)} đơn vị` }),
    certs.length ? rankingTable(list(certs), cols) : el('p', { text: 'Không có đơn vị đủ điều kiện.' }),
    el('p', { text: `(Kèm theo Bảng tổng hợp kết quả chấm điểm thi đua và Biên bản họp bình xét thi đua.)` }),
    el('p', { text: `${a.cluster} kính trình xem xét, quyết định./.` }),
    el('div', { class: 'foot' },
      recipients(['- Như trên;', '- Các đơn vị trong Cụm;', '- Lưu: VT, Cụm.']),
      el('div', { class: 'sig' },
        el('p', { class: 'sig-over', text: `TM. ${a.cluster.toUpperCase()}` }),
        el('p', { class: 'sig-role', text: 'CỤM TRƯỞNG' }),
        el('p', { class: 'sig-note', text: `(${nameOf(d, d.season.head) || 'đơn vị Cụm trưởng'})` }),
        el('div', { class: 'sig-space' }),
        fill('Họ tên người ký', '', 'sig-name'))),
    d.footnote,
  ];
}

const KINDS = {
  minutes: { title: 'Biên bản họp bình xét thi đua', render: minutes },
  proposal: { title: 'Tờ trình đề nghị tặng Cờ thi đua và Bằng khen', render: proposal },
};

async function main() {
  const kind = document.body.dataset.doc;
  const doc = KINDS[kind];
  const season = new URLSearchParams(location.search).get('season');
  const paper = $('#paper');
  $('#back').href = `/?season=${enc(season || '')}`;
  $('#print').addEventListener('click', () => window.print());
  if (!token() || !season) {
    paper.replaceChildren(el('p', { class: 'error', text: 'Hãy mở văn bản này từ bảng xếp hạng, sau khi nhập mã truy cập. / Open this document from the ranking page, after entering your access token.' }));
    return;
  }
  try {
    const s = await api(`/api/v1/seasons/${enc(season)}`);
    const view = s.closed ? 'final' : 'verified';
    const [ranking, evs] = await Promise.all([api(`/api/v1/seasons/${enc(season)}/rankings?view=${view}`), allEvents(season)]);
    const closed = evs.find((e) => e.type === 'season.closed');
    const ballot = flagBallot(evs);
    const d = {
      season: s, ranking, ballot,
      viewName: s.closed ? 'kết quả chính thức' : 'số liệu đã xác minh, chưa kết thúc mùa thi đua',
      date: closed?.date || ballot?.date || '',
      footnote: el('p', { class: 'footnote', text: `Số liệu của thidua: mùa ${season}, ${s.closed ? 'kết quả chính thức' : 'đã xác minh (dự thảo)'}, đến sự kiện số ${ranking.seq}.` }),
    };
    document.title = `${doc.title} năm ${s.year} — ${s.cluster?.name || season}`;
    document.body.classList.toggle('draft', !s.closed);
    paper.replaceChildren(...doc.render(d).filter(Boolean));
    document.body.dataset.seq = String(ranking.seq);
  } catch (e) {
    paper.replaceChildren(el('p', { class: 'error', text: e.message }));
  }
}

main();
