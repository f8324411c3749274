// The committee's "Họp cuối năm" tab (Year-end meeting): the flag ballot,
// with who would get the flag and why shown while the votes are typed;
// closing the season after a confirmation that says what closing does; and,
// once closed, revoking an award with its decision number and reason.

import { t, addStrings, bi, num, label } from './i18n.js';
import { el, shortName } from './util.js';
import { useStyle, errors, sender, field } from './yearkit.js';

addStrings({
  vi: {
    'tab.meeting': 'Họp cuối năm',
    'mt.title': 'Họp tổng kết cuối năm',
    'mt.loading': 'Đang tải bảng xếp hạng…',
    'mt.awards.prov': 'Khen thưởng dự kiến (theo điểm đã xác minh)',
    'mt.awards.final': 'Khen thưởng chính thức',
    'mt.awards.none': 'Chưa có đơn vị nào đạt khen thưởng.',
    'mt.ballot': 'Kết quả bỏ phiếu Cờ thi đua',
    'mt.ballot.help': 'Nhập số người có quyền bỏ phiếu và số phiếu của từng đơn vị. Đơn vị đủ điều kiện được quá nửa số người có quyền bỏ phiếu sẽ nhận Cờ, dù xếp hạng thấp hơn; nếu không, Cờ theo thứ hạng.',
    'mt.voters': 'Số người có quyền bỏ phiếu',
    'mt.votes': 'Số phiếu',
    'mt.col.unit': 'Đơn vị', 'mt.col.rank': 'Hạng', 'mt.col.total': 'Điểm', 'mt.col.elig': 'Đủ điều kiện',
    'mt.preview': 'Nếu ghi kết quả này',
    'mt.need': (n) => `Cần từ ${n} phiếu trở lên để quá nửa.`,
    'mt.flag.ballot': (u, v, n, r) => `Cờ thi đua: ${u} — theo kết quả bỏ phiếu, ${v}/${n} phiếu, quá nửa số người có quyền bỏ phiếu (xếp hạng ${r}).`,
    'mt.flag.instead': (u) => `Theo điểm, Cờ thuộc về ${u}.`,
    'mt.flag.rank': (u, r, p) => `Cờ thi đua: ${u} — theo thứ hạng (hạng ${r}, ${p} điểm): không đơn vị đủ điều kiện nào được quá nửa số phiếu.`,
    'mt.flag.none': 'Không đơn vị nào nhận Cờ thi đua: không ai được quá nửa số phiếu, và không đơn vị đủ điều kiện nào đạt điểm Cờ.',
    'mt.ineligible': (u) => `${u} được quá nửa số phiếu nhưng chưa đủ điều kiện đề nghị khen thưởng: phiếu của đơn vị này không trao Cờ.`,
    'mt.certs': (l) => `Bằng khen: ${l}.`,
    'mt.certs.none': 'Bằng khen: không đơn vị nào.',
    'mt.err.sum': (s, n) => `Tổng số phiếu (${s}) lớn hơn số người có quyền bỏ phiếu (${n}).`,
    'mt.err.voters': 'Cần ít nhất một người có quyền bỏ phiếu.',
    'mt.err.votes': 'Số phiếu là số nguyên từ 0 đến số người có quyền bỏ phiếu.',
    'mt.ballot.send': 'Ghi kết quả bỏ phiếu',
    'mt.ballot.sent': (seq) => `Đã ghi kết quả bỏ phiếu (sự kiện số ${seq}). Bảng xếp hạng đã cập nhật.`,
    'mt.close': 'Kết thúc mùa thi đua',
    'mt.close.help': 'Làm khi cuộc họp đã thống nhất kết quả: sau khi kết thúc, kết quả chính thức được chốt.',
    'mt.close.open': 'Kết thúc mùa thi đua…',
    'mt.close.q': (y) => `Kết thúc mùa thi đua năm ${y}?`,
    'mt.close.what': 'Khi kết thúc mùa thi đua:',
    'mt.close.1': 'Kết quả chính thức được chốt theo điểm đã xác minh: báo cáo chưa xác minh không được tính.',
    'mt.close.2': 'Không ghi nhận thêm gì cho mùa này: đơn vị không báo cáo thêm được; Ban Thường trực không xác minh, chấm điểm hay bỏ phiếu thêm được.',
    'mt.close.3': 'Chỉ còn có thể thu hồi khen thưởng, kèm số quyết định và lý do.',
    'mt.close.4': 'Máy chủ ký số bảng xếp hạng chính thức; không mở lại được mùa thi đua.',
    'mt.close.will': 'Khen thưởng sẽ là:',
    'mt.close.pending': (n) => `Còn ${n} đơn vị có điểm tự báo cáo cao hơn điểm đã xác minh: phần chưa xác minh sẽ không được tính.`,
    'mt.close.confirm': 'Kết thúc mùa thi đua',
    'mt.cancel': 'Hủy',
    'mt.closed': 'Mùa thi đua đã kết thúc. Kết quả chính thức đã được chốt và ký số.',
    'mt.closed.sent': (seq) => `Đã kết thúc mùa thi đua (sự kiện số ${seq}).`,
    'mt.revoke': 'Thu hồi khen thưởng',
    'mt.revoke.help': 'Khi có quyết định thu hồi (Luật Thi đua, khen thưởng 2022, chương VII). Khen thưởng bị thu hồi vẫn hiện là đã thu hồi và không chuyển cho đơn vị khác.',
    'mt.revoke.which': 'Khen thưởng bị thu hồi',
    'mt.revoke.no': 'Số quyết định thu hồi',
    'mt.revoke.reason': 'Lý do thu hồi',
    'mt.revoke.send': 'Thu hồi…',
    'mt.revoke.q': (a, u, no) => `Thu hồi ${a} của ${u} theo quyết định số ${no}? Việc này được ghi vào nhật ký và không xoá được.`,
    'mt.revoke.confirm': 'Xác nhận thu hồi',
    'mt.revoke.none': 'Không còn khen thưởng nào để thu hồi.',
    'mt.revoke.sent': (seq) => `Đã thu hồi (sự kiện số ${seq}).`,
    'mt.required': 'Cần điền mục này.',
  },
  en: {
    'tab.meeting': 'Year-end meeting',
    'mt.title': 'The year-end review meeting',
    'mt.loading': 'Loading the ranking…',
    'mt.awards.prov': 'Provisional awards (on verified points)',
    'mt.awards.final': 'Final awards',
    'mt.awards.none': 'No unit earns an award yet.',
    'mt.ballot': 'The flag ballot',
    'mt.ballot.help': 'Enter the number of eligible voters and each unit\'s votes. An eligible unit with more than half of the eligible voters gets the flag, whatever its rank; otherwise the flag goes by rank.',
    'mt.voters': 'Eligible voters',
    'mt.votes': 'Votes',
    'mt.col.unit': 'Unit', 'mt.col.rank': 'Rank', 'mt.col.total': 'Points', 'mt.col.elig': 'Eligible',
    'mt.preview': 'If this result is recorded',
    'mt.need': (n) => `${n} votes or more are more than half.`,
    'mt.flag.ballot': (u, v, n, r) => `Emulation flag: ${u} — by the ballot, ${v} of ${n} votes, more than half of the eligible voters (ranked ${r}).`,
    'mt.flag.instead': (u) => `By score the flag would go to ${u}.`,
    'mt.flag.rank': (u, r, p) => `Emulation flag: ${u} — by rank (rank ${r}, ${p} points): no eligible unit has more than half of the votes.`,
    'mt.flag.none': 'No unit gets the flag: nobody has more than half of the votes, and no eligible unit reaches the flag\'s points.',
    'mt.ineligible': (u) => `${u} has more than half of the votes but is not eligible for an award: its votes do not give it the flag.`,
    'mt.certs': (l) => `Certificates of merit: ${l}.`,
    'mt.certs.none': 'Certificates of merit: none.',
    'mt.err.sum': (s, n) => `The votes (${s}) add up to more than the eligible voters (${n}).`,
    'mt.err.voters': 'At least one eligible voter.',
    'mt.err.votes': 'Votes are a whole number from 0 to the number of eligible voters.',
    'mt.ballot.send': 'Record the ballot',
    'mt.ballot.sent': (seq) => `The ballot is recorded (event ${seq}). The ranking is updated.`,
    'mt.close': 'Close the season',
    'mt.close.help': 'Once the meeting has agreed the result: closing fixes the final result.',
    'mt.close.open': 'Close the season…',
    'mt.close.q': (y) => `Close the ${y} season?`,
    'mt.close.what': 'Closing the season:',
    'mt.close.1': 'fixes the final result on verified points: facts not verified do not count;',
    'mt.close.2': 'records nothing more for this season: units cannot report, and the committee cannot verify, assess or vote any more;',
    'mt.close.3': 'leaves only the revocation of an award, with its decision number and reason;',
    'mt.close.4': 'has the server sign the final ranking; the season cannot be reopened.',
    'mt.close.will': 'The awards will be:',
    'mt.close.pending': (n) => `${n} units claim more points than are verified: what is not verified will not count.`,
    'mt.close.confirm': 'Close the season',
    'mt.cancel': 'Cancel',
    'mt.closed': 'The season is closed. The final result is fixed and signed.',
    'mt.closed.sent': (seq) => `The season is closed (event ${seq}).`,
    'mt.revoke': 'Revoke an award',
    'mt.revoke.help': 'When a decision revokes an award (Law on Emulation and Commendation 2022, chapter VII). A revoked award stays shown as revoked and does not pass to another unit.',
    'mt.revoke.which': 'Award to revoke',
    'mt.revoke.no': 'Decision number',
    'mt.revoke.reason': 'Reason',
    'mt.revoke.send': 'Revoke…',
    'mt.revoke.q': (a, u, no) => `Revoke the ${a} of ${u} by decision ${no}? This is recorded on the log and cannot be erased.`,
    'mt.revoke.confirm': 'Confirm the revocation',
    'mt.revoke.none': 'No award is left to revoke.',
    'mt.revoke.sent': (seq) => `Revoked (event ${seq}).`,
    'mt.required': 'Please fill this in.',
  },
});

/**
 * preview applies the award rule (domain.md §3 Awards) to the verified
 * ranking with a ballot: the flag to the eligible unit with more than half
 * of the voters, else to the best-ranked eligible unit at the flag's
 * points; certificates to the next eligible units in rank order.
 */
export function preview(units, rubric, voters, votes) {
  const a = rubric?.awards || {};
  const byRank = units.find((u) => u.eligible && u.total >= (a.flag_min ?? 90)) || null;
  const ballot = voters > 0 ? units.find((u) => u.eligible && (votes[u.unit] || 0) * 2 > voters) || null : null;
  const ineligible = voters > 0 ? units.find((u) => !u.eligible && (votes[u.unit] || 0) * 2 > voters) || null : null;
  const flag = ballot || byRank;
  const certs = [];
  for (const u of units) {
    if (certs.length >= (a.certificates ?? 3)) break;
    if (u !== flag && u.eligible && u.total >= (a.certificate_min ?? 75)) certs.push(u);
  }
  return { flag, byBallot: !!ballot, byRank, ineligible, certs };
}

export const tab = {
  id: 'meeting',
  mount(box, io) {
    useStyle();
    const st = { gen: 0, season: null, ranking: null, voters: '', votes: {}, status: null, busy: false };
    const ballotSend = sender(io);
    const closeSend = sender(io);
    const revokeSend = sender(io);
    const name = (u) => u?.name || u?.unit || '';

    async function load(minSeq) {
      const gen = ++st.gen;
      box.dataset.state = 'loading';
      const q = minSeq ? `?min_seq=${minSeq}` : '';
      try {
        const s = await io.api(`${io.seasonPath()}${q}`);
        const view = s.closed ? 'final' : 'verified';
        const [r, claimed] = await Promise.all([
          io.api(`${io.seasonPath()}/rankings?view=${view}${minSeq ? `&min_seq=${minSeq}` : ''}`),
          s.closed ? null : io.api(`${io.seasonPath()}/rankings?view=claimed`),
        ]);
        if (gen !== st.gen) return;
        // Nothing moved since the last render: keep the page (and focus) as it is.
        const shown = JSON.stringify([s.closed, r.view, r.units, r.awards, claimed?.units]);
        const same = shown === st.shown && !minSeq;
        st.shown = shown;
        st.season = s;
        st.ranking = r;
        st.claimed = claimed;
        if (!same) render();
        box.dataset.state = 'ready';
      } catch (e) {
        if (gen !== st.gen || e.name === 'AbortError') return;
        box.replaceChildren(el('h2', { text: t('mt.title') }), el('p', { class: 'error', text: e.message }));
      }
    }

    function awardsList(r, final) {
      const list = r.awards || [];
      if (!list.length) return el('p', { class: 'muted', text: t('mt.awards.none') });
      const units = new Map(r.units.map((u) => [u.unit, u]));
      return el('ul', { class: 'basis-list' }, list.map((b) => el('li', { class: ['basis-item', `basis-${b.basis}`], data: { unit: b.unit, basis: b.basis } },
        el('strong', { text: `${label('award', b.award)}${b.basis === 'revoked' ? ` (${t('award.revoked')})` : ''}${final ? '' : ` (${t('award.provisional')})`}` }), ' — ',
        el('span', { class: 'bunit', text: name(units.get(b.unit)) || b.name }),
        el('p', { class: 'why', text: bi(b.explanation, b.explanation_en) }))));
    }

    /** outcome writes a preview as sentences. */
    function outcome(p, voters) {
      const lines = [];
      if (p.flag && p.byBallot) {
        lines.push(t('mt.flag.ballot', name(p.flag), num(st.votes[p.flag.unit] || 0), num(voters), p.flag.rank));
        if (p.byRank && p.byRank !== p.flag) lines.push(t('mt.flag.instead', name(p.byRank)));
      } else if (p.flag) {
        lines.push(t('mt.flag.rank', name(p.flag), p.flag.rank, num(p.flag.total)));
      } else {
        lines.push(t('mt.flag.none'));
      }
      if (p.ineligible) lines.push(t('mt.ineligible', name(p.ineligible)));
      lines.push(p.certs.length ? t('mt.certs', p.certs.map(name).join('; ')) : t('mt.certs.none'));
      return lines;
    }

    function ballotForm() {
      const units = st.ranking.units;
      const general = el('p', { class: 'error', role: 'alert', hidden: true });
      const err = errors(general);
      const voters = el('input', { type: 'number', id: 'ballot-voters', min: 1, step: 1, inputmode: 'numeric', class: 'num', value: st.voters, required: true });
      const out = el('div', { class: 'preview', id: 'ballot-preview', role: 'status', 'aria-live': 'polite' });
      const status = el('p', { class: 'form-status', role: 'status' });
      const inputs = new Map();
      const rows = units.map((u) => {
        const inp = el('input', { type: 'number', min: 0, step: 1, inputmode: 'numeric', class: 'num votes', data: { unit: u.unit },
          'aria-label': `${t('mt.votes')}: ${name(u)}`, value: st.votes[u.unit] ?? '' });
        inputs.set(u.unit, inp);
        const msg = err.register(`data.votes.${u.unit}`, inp);
        return el('tr', { data: { unit: u.unit } },
          el('td', { class: 'num', text: u.rank }),
          el('th', { scope: 'row' }, el('span', { class: 'full', text: name(u) }), el('span', { class: 'short', text: shortName(name(u)) })),
          el('td', { class: 'num', text: num(u.total) }),
          el('td', { class: u.eligible ? 'ok' : 'bad', text: u.eligible ? '✓' : '✗', title: u.eligible ? t('eligible.yes') : t('eligible.no') }),
          el('td', {}, inp, msg));
      });
      const send = el('button', { type: 'submit', class: 'primary', id: 'ballot-send', text: t('mt.ballot.send') });

      /** update reads the inputs, checks them and shows who would get the flag. */
      function update() {
        st.voters = voters.value;
        const n = Number(voters.value);
        st.votes = {};
        let sum = 0;
        let bad = false;
        err.clear();
        for (const [unit, inp] of inputs) {
          if (inp.value === '') continue;
          const v = Number(inp.value);
          if (!Number.isInteger(v) || v < 0 || (n > 0 && v > n)) { err.set(`data.votes.${unit}`, t('mt.err.votes')); bad = true; continue; }
          st.votes[unit] = v;
          sum += v;
        }
        if (voters.value !== '' && (!Number.isInteger(n) || n < 1)) { err.set('data.voters', t('mt.err.voters')); bad = true; }
        if (n >= 1 && sum > n) { err.set('data.voters', t('mt.err.sum', num(sum), num(n))); bad = true; }
        const ready = n >= 1 && !bad;
        send.disabled = !ready || st.busy;
        if (!ready) { out.replaceChildren(); out.hidden = true; return; }
        const p = preview(units, st.season.rubric, n, st.votes);
        out.hidden = false;
        out.dataset.flag = p.flag?.unit || '';
        out.dataset.by = p.byBallot ? 'ballot' : p.flag ? 'rank' : 'none';
        out.replaceChildren(el('h4', { text: t('mt.preview') }), el('p', { class: 'muted', text: t('mt.need', Math.floor(n / 2) + 1) }),
          ...outcome(p, n).map((line) => el('p', { text: line })));
      }
      const form = el('form', { class: 'action-form', id: 'ballot-form', novalidate: true, on: { input: update } },
        el('h3', { text: t('mt.ballot') }),
        el('p', { class: 'fhint', text: t('mt.ballot.help') }),
        field(t('mt.voters'), voters, { err, apiField: 'data.voters', required: true }),
        el('div', { class: 'table-wrap' }, el('table', { class: 'ballot' },
          el('thead', {}, el('tr', {}, ...['mt.col.rank', 'mt.col.unit', 'mt.col.total', 'mt.col.elig', 'mt.votes'].map((k) => el('th', { scope: 'col', text: t(k) })))),
          el('tbody', {}, rows))),
        out, general, send, status);
      form.addEventListener('submit', async (e) => {
        e.preventDefault();
        update();
        if (send.disabled) return;
        st.busy = true;
        send.disabled = true;
        status.textContent = '';
        const r = await ballotSend.send({ type: 'ballot.recorded', data: { question: 'flag', voters: Number(voters.value), votes: st.votes } });
        st.busy = false;
        if (r.status === 201 || r.status === 200) {
          st.status = { cls: 'ok', text: t('mt.ballot.sent', r.body.seq) };
          await load(r.body.seq);
          return;
        }
        send.disabled = false;
        err.api(r.status, r.body);
      });
      update();
      return form;
    }

    function closeSection() {
      const dlg = el('dialog', { class: 'confirm', id: 'close-dialog', 'aria-labelledby': 'close-q' });
      const status = el('p', { class: 'form-status', role: 'status' });
      const general = el('p', { class: 'error', role: 'alert', hidden: true });
      const claimed = new Map((st.claimed?.units || []).map((u) => [u.unit, u.total]));
      const pending = st.ranking.units.filter((u) => (claimed.get(u.unit) ?? u.total) > u.total).length;
      const confirm = el('button', { type: 'button', class: 'primary danger', id: 'close-confirm', text: t('mt.close.confirm') });
      const cancel = el('button', { type: 'button', class: 'secondary', text: t('mt.cancel'), on: { click: () => dlg.close() } });
      dlg.append(
        el('h3', { id: 'close-q', text: t('mt.close.q', st.season.year) }),
        el('p', { text: t('mt.close.what') }),
        el('ul', {}, ['mt.close.1', 'mt.close.2', 'mt.close.3', 'mt.close.4'].map((k) => el('li', { text: t(k) }))),
        pending ? el('p', { class: 'warn', text: t('mt.close.pending', pending) }) : null,
        el('p', {}, el('strong', { text: t('mt.close.will') })),
        // What the server says the awards are now: they become final.
        (st.ranking.awards || []).length
          ? el('ul', {}, st.ranking.awards.map((b) => el('li', { text: `${label('award', b.award)}: ${name(st.ranking.units.find((u) => u.unit === b.unit)) || b.name} — ${bi(b.explanation, b.explanation_en)}` })))
          : el('p', { text: t('mt.awards.none') }),
        general,
        el('div', { class: 'actions' }, cancel, confirm));
      confirm.addEventListener('click', async () => {
        confirm.disabled = true;
        const r = await closeSend.send({ type: 'season.closed', data: {} });
        confirm.disabled = false;
        if (r.status === 201 || r.status === 200) {
          dlg.close();
          st.status = { cls: 'ok', text: t('mt.closed.sent', r.body.seq) };
          await load(r.body.seq);
          return;
        }
        general.textContent = r.body?.error?.message || t('yk.failed', r.status);
        general.hidden = false;
      });
      const open = el('button', { type: 'button', class: 'secondary danger', id: 'close-open', text: t('mt.close.open'),
        on: { click: () => { general.hidden = true; dlg.showModal(); cancel.focus(); } } });
      return el('section', { class: 'action-form close-season' },
        el('h3', { text: t('mt.close') }), el('p', { class: 'fhint', text: t('mt.close.help') }), open, status, dlg);
    }

    function revokeForm() {
      const held = st.ranking.units.filter((u) => u.award);
      if (!held.length) return el('section', { class: 'action-form' }, el('h3', { text: t('mt.revoke') }), el('p', { class: 'muted', text: t('mt.revoke.none') }));
      const general = el('p', { class: 'error', role: 'alert', hidden: true });
      const err = errors(general);
      const which = el('select', { id: 'revoke-which' }, held.map((u) => el('option', { value: `${u.unit}|${u.award}`, text: `${label('award', u.award)} — ${name(u)}` })));
      const no = el('input', { type: 'text', id: 'revoke-no', autocomplete: 'off', placeholder: '15/QĐ-MTTQ-BTT' });
      const reason = el('textarea', { id: 'revoke-reason', rows: 3 });
      const ask = el('div', { class: 'confirm-inline', hidden: true, role: 'alertdialog', 'aria-labelledby': 'revoke-q' });
      const send = el('button', { type: 'submit', class: 'secondary danger', id: 'revoke-send', text: t('mt.revoke.send') });
      const form = el('form', { class: 'action-form', id: 'revoke-form', novalidate: true },
        el('h3', { text: t('mt.revoke') }), el('p', { class: 'fhint', text: t('mt.revoke.help') }),
        field(t('mt.revoke.which'), which, { err, apiField: 'data.award', required: true }),
        field(t('mt.revoke.no'), no, { err, apiField: 'data.decision_no', required: true }),
        field(t('mt.revoke.reason'), reason, { err, apiField: 'data.reason', required: true }),
        general, send, ask);
      form.addEventListener('input', () => { ask.hidden = true; });
      form.addEventListener('submit', (e) => {
        e.preventDefault();
        err.clear();
        let ok = true;
        for (const [f, inp] of [['data.decision_no', no], ['data.reason', reason]]) {
          if (!inp.value.trim()) { err.set(f, t('mt.required')); ok = false; }
        }
        if (!ok) { (no.value.trim() ? reason : no).focus(); return; }
        const [unit, award] = which.value.split('|');
        const u = held.find((x) => x.unit === unit);
        const yes = el('button', { type: 'button', class: 'primary danger', id: 'revoke-confirm', text: t('mt.revoke.confirm') });
        const no2 = el('button', { type: 'button', class: 'secondary', text: t('mt.cancel'), on: { click: () => { ask.hidden = true; send.focus(); } } });
        ask.replaceChildren(el('p', { id: 'revoke-q', text: t('mt.revoke.q', label('award', award), name(u), no.value.trim()) }), el('div', { class: 'actions' }, no2, yes));
        ask.hidden = false;
        yes.focus();
        yes.addEventListener('click', async () => {
          yes.disabled = true;
          const r = await revokeSend.send({ type: 'award.revoked', unit, data: { award, decision_no: no.value.trim(), reason: reason.value.trim() } });
          yes.disabled = false;
          if (r.status === 201 || r.status === 200) {
            st.status = { cls: 'ok', text: t('mt.revoke.sent', r.body.seq) };
            await load(r.body.seq);
            return;
          }
          ask.hidden = true;
          err.api(r.status, r.body);
        });
      });
      return form;
    }

    function render() {
      const s = st.season;
      const r = st.ranking;
      const parts = [el('h2', { text: t('mt.title') })];
      if (st.status) parts.push(el('p', { class: ['form-status', st.status.cls], role: 'status', id: 'meeting-status', text: st.status.text }));
      if (s.closed) parts.push(el('p', { class: 'notice', id: 'meeting-closed', text: t('mt.closed') }));
      parts.push(el('section', { class: 'awards-now' },
        el('h3', { text: t(s.closed ? 'mt.awards.final' : 'mt.awards.prov') }), awardsList(r, s.closed)));
      if (!s.closed) parts.push(ballotForm(), closeSection());
      else parts.push(revokeForm());
      box.replaceChildren(...parts);
    }

    return {
      show() {
        if (!st.ranking) box.replaceChildren(el('h2', { text: t('mt.title') }), el('p', { class: 'muted', text: t('mt.loading') }));
        load();
      },
      // The ranking moved (a fact verified, a ballot from another screen):
      // read it again unless a form is being filled in.
      onChange() {
        if (box.hidden || box.contains(document.activeElement) && document.activeElement.matches('input, textarea, select')) return;
        if (box.querySelector('dialog[open]')) return;
        load();
      },
      relabel() { if (st.ranking) render(); },
      stop() { st.gen++; },
    };
  },
};
