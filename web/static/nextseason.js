// The committee's "Mùa thi đua mới" tab (Next season): opens next year's
// season from the one shown. GET /seasons/{id} answers in season.opened's
// shape, so the form starts from a copy: the year and season id one on, the
// rubric's dates moved to the new year, head and deputy rotated. Members are
// typed or pasted from a spreadsheet; the rubric's totals are checked as
// they are typed (and by the server, whose 400 lands on the field). Once the
// season is open, the units' sign-in tokens are issued to named people in
// one step and printed, one link per unit.

import { t, addStrings, num, date } from './i18n.js';
import { el, shortName } from './util.js';
import { isoDate } from './form.js';
import { useStyle, errors, sender, field } from './yearkit.js';

addStrings({
  vi: {
    'tab.nextseason': 'Mùa thi đua mới',
    'ns.title': 'Mở mùa thi đua mới',
    'ns.from': (y, c) => `Bắt đầu từ bản sao mùa ${y} của ${c}: sửa những gì thay đổi rồi bấm Mở mùa thi đua.`,
    'ns.loading': 'Đang tải mùa thi đua hiện tại…',
    'ns.s.season': '1. Mùa thi đua',
    'ns.season': 'Mã mùa thi đua',
    'ns.season.hint': 'Chữ thường không dấu, số và dấu gạch ngang; dùng trong đường dẫn.',
    'ns.year': 'Năm',
    'ns.cluster.name': 'Tên cụm thi đua',
    'ns.cluster.id': 'Mã cụm',
    'ns.s.members': '2. Các đơn vị thành viên',
    'ns.m.id': 'Mã đơn vị', 'ns.m.name': 'Tên đơn vị', 'ns.m.wards': 'Số phường/xã', 'ns.m.list': 'Danh sách phường/xã (mỗi dòng một tên, không bắt buộc)',
    'ns.m.add': '+ Thêm đơn vị', 'ns.m.remove': 'Bỏ đơn vị này',
    'ns.paste': 'Dán từ bảng tính',
    'ns.paste.hint': 'Mỗi dòng một đơn vị, các cột cách nhau bằng Tab (chép thẳng từ Excel): mã, tên, rồi số phường/xã hoặc danh sách phường/xã cách nhau bằng dấu chấm phẩy.',
    'ns.paste.add': 'Thay danh sách bằng dữ liệu dán',
    'ns.paste.done': (n) => `Đã nhận ${n} đơn vị từ dữ liệu dán.`,
    'ns.paste.bad': (l) => `Dòng ${l} thiếu mã hoặc tên.`,
    'ns.s.roles': '3. Cụm trưởng, cụm phó',
    'ns.head': 'Cụm trưởng', 'ns.deputy': 'Cụm phó', 'ns.none': '— Chưa chọn —',
    'ns.rotate': (h, d) => `Gợi ý luân phiên: cụm trưởng ${h} (cụm phó năm trước), cụm phó ${d} (đơn vị kế tiếp).`,
    'ns.rotate.use': 'Dùng gợi ý',
    'ns.s.covenant': '4. Nội dung giao ước thi đua',
    'ns.c.title': 'Nội dung', 'ns.c.text': 'Diễn giải (không bắt buộc)', 'ns.c.add': '+ Thêm nội dung', 'ns.c.remove': 'Bỏ nội dung này',
    'ns.legal': 'Căn cứ pháp lý (mỗi dòng một văn bản)',
    'ns.s.catalogue': '5. Các dịp kỷ niệm trong năm',
    'ns.o.hint': 'Các dịp của năm trước được giữ lại để sửa: thay bằng các dịp của năm mới.',
    'ns.o.id': 'Mã', 'ns.o.name': 'Tên dịp', 'ns.o.name_en': 'Tên tiếng Anh', 'ns.o.date': 'Ngày (dd/mm/yyyy)', 'ns.o.add': '+ Thêm dịp', 'ns.o.remove': 'Bỏ dịp này',
    'ns.s.rubric': '6. Bộ tiêu chí chấm điểm',
    'ns.r.hint': (y) => `Các hạn trong bộ tiêu chí đã được dời sang năm ${y}. Điểm tối đa của mỗi nhóm phải bằng tổng các mục con.`,
    'ns.r.code': 'Mã', 'ns.r.title': 'Tiêu chí', 'ns.r.max': 'Tối đa', 'ns.r.rule': 'Cách tính',
    'ns.r.sum.ok': (s) => `Các mục con cộng lại ${s}: khớp.`,
    'ns.r.sum.bad': (s, m) => `Các mục con cộng lại ${s}, khác điểm tối đa ${m}.`,
    'ns.r.content': (s, d) => `Tổng điểm nội dung: ${s}${d ? ` (khai báo ${d})` : ''}.`,
    'ns.r.content.bad': (s, d) => `Các nhóm cộng lại ${s}, khác tổng khai báo ${d}.`,
    'ns.r.bonuscap': 'Điểm thưởng tối đa', 'ns.r.dedcap': 'Điểm trừ tối đa',
    'ns.r.explicit': 'Bộ tiêu chí này cố ý để điểm tối đa như đã ghi (không kiểm tra tổng).',
    'ns.r.badnum': 'Nhập điểm, tối đa hai chữ số thập phân (ví dụ 2,5).',
    'ns.rule.each': 'mỗi sự kiện', 'ns.rule.any': 'có là đủ', 'ns.rule.deadline': 'đúng hạn', 'ns.rule.share': 'tỉ lệ phường', 'ns.rule.target': 'theo chỉ tiêu', 'ns.rule.manual': 'Ban Thường trực chấm', 'ns.rule.committee': 'theo quyết định',
    'ns.advanced': 'Nâng cao: nội dung JSON của sự kiện season.opened',
    'ns.advanced.hint': 'Sửa trực tiếp rồi bấm Áp dụng; biểu mẫu sẽ theo nội dung này.',
    'ns.advanced.apply': 'Áp dụng JSON',
    'ns.advanced.bad': (m) => `JSON không hợp lệ: ${m}`,
    'ns.problems': (n) => `Còn ${n} chỗ cần sửa trước khi mở mùa thi đua.`,
    'ns.open': 'Mở mùa thi đua',
    'ns.opening': 'Đang mở…',
    'ns.opened': (s, seq) => `Đã mở mùa thi đua ${s} (sự kiện số ${seq}).`,
    'ns.s.tokens': 'Cấp mã đăng nhập cho các đơn vị',
    'ns.t.hint': 'Mỗi đơn vị một mã, cấp cho một người cụ thể. Tên người nhận được ghi vào nhật ký và hiện là người ghi các báo cáo của đơn vị.',
    'ns.t.holder': 'Người nhận', 'ns.t.position': 'Chức vụ',
    'ns.t.issue': (n) => `Cấp mã cho ${n} đơn vị`,
    'ns.t.issuing': (i, n) => `Đang cấp ${i}/${n}…`,
    'ns.t.failed': (u, m) => `Không cấp được mã cho ${u}: ${m}`,
    'ns.t.once': 'Các mã chỉ hiện một lần: in hoặc lưu tờ này ngay, rồi trao tận tay từng người.',
    'ns.t.print': 'In tờ đăng nhập',
    'ns.sheet.title': (y, c) => `Đường dẫn đăng nhập — mùa thi đua ${y} — ${c}`,
    'ns.sheet.for': 'Trao cho',
    'ns.sheet.link': 'Mở đường dẫn này để vào không gian làm việc của đơn vị:',
    'ns.sheet.keep': 'Giữ kín: ai có đường dẫn này đều ghi được báo cáo thay đơn vị. Mất thì báo Ban Thường trực để thu hồi và cấp mã mới.',
    'ns.sheet.id': 'Mã số',
  },
  en: {
    'tab.nextseason': 'Next season',
    'ns.title': 'Open the next season',
    'ns.from': (y, c) => `This starts from a copy of ${c}'s ${y} season: change what differs, then press Open the season.`,
    'ns.loading': 'Loading the current season…',
    'ns.s.season': '1. The season',
    'ns.season': 'Season id',
    'ns.season.hint': 'Lower-case letters, digits and dashes; it is part of the address.',
    'ns.year': 'Year',
    'ns.cluster.name': 'Cluster name',
    'ns.cluster.id': 'Cluster id',
    'ns.s.members': '2. Member units',
    'ns.m.id': 'Unit id', 'ns.m.name': 'Unit name', 'ns.m.wards': 'Wards', 'ns.m.list': 'Ward list (one name a line, optional)',
    'ns.m.add': '+ Add a unit', 'ns.m.remove': 'Remove this unit',
    'ns.paste': 'Paste from a spreadsheet',
    'ns.paste.hint': 'One unit a line, columns separated by Tab (copied from Excel): id, name, then the number of wards or the wards separated by semicolons.',
    'ns.paste.add': 'Replace the list with the pasted rows',
    'ns.paste.done': (n) => `${n} units taken from the pasted rows.`,
    'ns.paste.bad': (l) => `Line ${l} lacks an id or a name.`,
    'ns.s.roles': '3. Head and deputy',
    'ns.head': 'Head', 'ns.deputy': 'Deputy', 'ns.none': '— None —',
    'ns.rotate': (h, d) => `Rotation suggests: head ${h} (last year's deputy), deputy ${d} (the next unit).`,
    'ns.rotate.use': 'Use the suggestion',
    'ns.s.covenant': '4. The covenant',
    'ns.c.title': 'Content', 'ns.c.text': 'Details (optional)', 'ns.c.add': '+ Add a content', 'ns.c.remove': 'Remove this content',
    'ns.legal': 'Legal basis (one document a line)',
    'ns.s.catalogue': '5. The year\'s occasions',
    'ns.o.hint': 'Last year\'s occasions are kept for editing: replace them with the new year\'s.',
    'ns.o.id': 'Id', 'ns.o.name': 'Name', 'ns.o.name_en': 'English name', 'ns.o.date': 'Date (dd/mm/yyyy)', 'ns.o.add': '+ Add an occasion', 'ns.o.remove': 'Remove this occasion',
    'ns.s.rubric': '6. The rubric',
    'ns.r.hint': (y) => `The rubric's deadlines are moved to ${y}. Each group's maximum must equal its items' total.`,
    'ns.r.code': 'Code', 'ns.r.title': 'Item', 'ns.r.max': 'Max', 'ns.r.rule': 'Rule',
    'ns.r.sum.ok': (s) => `The items add up to ${s}: it matches.`,
    'ns.r.sum.bad': (s, m) => `The items add up to ${s}, not the maximum ${m}.`,
    'ns.r.content': (s, d) => `Content total: ${s}${d ? ` (declared ${d})` : ''}.`,
    'ns.r.content.bad': (s, d) => `The groups add up to ${s}, not the declared ${d}.`,
    'ns.r.bonuscap': 'Bonus cap', 'ns.r.dedcap': 'Deductions cap',
    'ns.r.explicit': 'This rubric keeps its maxima as stated on purpose (totals are not checked).',
    'ns.r.badnum': 'Enter points, at most two decimals (e.g. 2.5).',
    'ns.rule.each': 'per fact', 'ns.rule.any': 'any one', 'ns.rule.deadline': 'on time', 'ns.rule.share': 'share of wards', 'ns.rule.target': 'against a target', 'ns.rule.manual': 'scored by the committee', 'ns.rule.committee': 'by decision',
    'ns.advanced': 'Advanced: the season.opened event as JSON',
    'ns.advanced.hint': 'Edit it, then press Apply; the form follows it.',
    'ns.advanced.apply': 'Apply the JSON',
    'ns.advanced.bad': (m) => `The JSON is not valid: ${m}`,
    'ns.problems': (n) => `${n} things to fix before the season can be opened.`,
    'ns.open': 'Open the season',
    'ns.opening': 'Opening…',
    'ns.opened': (s, seq) => `Season ${s} is open (event ${seq}).`,
    'ns.s.tokens': 'Sign-in tokens for the units',
    'ns.t.hint': 'One token per unit, issued to a named person. The name is recorded on the log and shown as the author of what the unit reports.',
    'ns.t.holder': 'Issued to', 'ns.t.position': 'Position',
    'ns.t.issue': (n) => `Issue tokens to ${n} units`,
    'ns.t.issuing': (i, n) => `Issuing ${i} of ${n}…`,
    'ns.t.failed': (u, m) => `No token for ${u}: ${m}`,
    'ns.t.once': 'The tokens are shown once: print or save this sheet now, and hand each link to its person.',
    'ns.t.print': 'Print the sign-in sheet',
    'ns.sheet.title': (y, c) => `Sign-in links — ${y} season — ${c}`,
    'ns.sheet.for': 'For',
    'ns.sheet.link': 'Open this link to reach the unit\'s workspace:',
    'ns.sheet.keep': 'Keep it private: whoever has the link can report for the unit. If it is lost, tell the committee to revoke it and issue a new one.',
    'ns.sheet.id': 'Token id',
  },
});

const clone = (x) => JSON.parse(JSON.stringify(x ?? null));

/** slug makes an id from a Vietnamese name: "Phường Nghĩa Đô" → "phuong-nghia-do". */
export function slug(s) {
  return String(s || '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd')
    .toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 63);
}

/** parsePoints reads "2,5" or "2.5" as 2.5; NaN when it is not points. */
export function parsePoints(s) {
  const v = String(s ?? '').trim().replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(v)) return NaN;
  return Number(v);
}

const cents = (p) => Math.round(p * 100);

/** shiftDates moves the rubric's dates (deadlines, "after") by years. */
function shiftDates(items, years) {
  const move = (d) => (/^\d{4}-/.test(d || '') ? `${Number(d.slice(0, 4)) + years}${d.slice(4)}` : d);
  for (const it of items || []) {
    if (it.rule) {
      if (it.rule.due) it.rule.due = move(it.rule.due);
      if (it.rule.match?.after) it.rule.match.after = move(it.rule.match.after);
    }
    shiftDates(it.items, years);
  }
}

/**
 * parseMembers reads pasted spreadsheet rows: id, name, and wards as a
 * number or a list ("Nghĩa Đô; Dịch Vọng"). It returns {members, error}.
 */
export function parseMembers(text) {
  const members = [];
  const lines = String(text || '').split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].trim()) continue;
    const cols = lines[i].split('\t').map((c) => c.trim());
    const [id, name, third = ''] = cols;
    if (!id || !name) return { members, error: t('ns.paste.bad', i + 1) };
    const m = { id: slug(id) || id, name, wards: 1 };
    if (/^\d+$/.test(third)) m.wards = Number(third);
    else if (third) {
      const names = cols.slice(2).join(';').split(/[;,]/).map((x) => x.trim()).filter(Boolean);
      m.ward_list = names.map((n) => ({ id: slug(n), name: n }));
      m.wards = names.length;
    }
    members.push(m);
  }
  return { members, error: null };
}

/** rotate suggests next year's head and deputy: last year's deputy leads, the unit after it deputises. */
export function rotate(members, head, deputy) {
  const ids = members.map((m) => m.id);
  if (!ids.length) return { head: '', deputy: '' };
  let h = ids.includes(deputy) ? deputy : ids[(ids.indexOf(head) + 1) % ids.length] || ids[0];
  let i = ids.indexOf(h);
  let d = ids[(i + 1) % ids.length];
  if (d === h) d = '';
  return { head: h, deputy: d };
}

export const tab = {
  id: 'nextseason',
  mount(box, io) {
    useStyle();
    const st = { gen: 0, from: null, draft: null, opened: null, tokens: null, holders: {} };
    const openSend = sender(io);

    async function load() {
      const gen = ++st.gen;
      box.replaceChildren(el('h2', { text: t('ns.title') }), el('p', { class: 'muted', text: t('ns.loading') }));
      try {
        const s = await io.api(io.seasonPath());
        let tokens = null;
        try { tokens = (await io.api('/api/v1/tokens')).tokens; } catch { /* an older server */ }
        if (gen !== st.gen) return;
        st.from = s;
        st.draft = draftFrom(s);
        // Last year's holders are this year's first guess.
        for (const tk of (tokens || []).filter((x) => x.role === 'unit' && !x.revoked_at && x.holder)) {
          st.holders[tk.unit] = { holder: tk.holder, position: tk.position || '' };
        }
        render();
      } catch (e) {
        if (gen !== st.gen) return;
        box.replaceChildren(el('h2', { text: t('ns.title') }), el('p', { class: 'error', text: e.message }));
      }
    }

    /** draftFrom copies a season into next year's season.opened. */
    function draftFrom(s) {
      const year = (s.year || new Date().getFullYear()) + 1;
      const rubric = clone(s.rubric);
      shiftDates(rubric.items, 1);
      shiftDates(rubric.bonus?.items, 1);
      shiftDates(rubric.deductions?.items, 1);
      const members = clone(s.members) || [];
      const rot = rotate(members, s.head, s.deputy);
      const prevId = String(s.season || '');
      const id = /-\d{4}$/.test(prevId) ? prevId.replace(/\d{4}$/, String(year)) : `${s.cluster?.id || 'cum'}-${year}`;
      return {
        id,
        data: {
          cluster: clone(s.cluster), year, members, head: rot.head, deputy: rot.deputy, rubric,
          legal_basis: clone(s.legal_basis) || [], catalogue: clone(s.catalogue) || undefined, covenant: clone(s.covenant) || [],
        },
        rotation: rot,
      };
    }

    function render() {
      const d = st.draft;
      const general = el('p', { class: 'error', role: 'alert', hidden: true, id: 'ns-error' });
      const err = errors(general);
      const problems = el('p', { class: 'form-status warn', role: 'status', id: 'ns-problems', hidden: true });
      const parts = [
        el('h2', { text: t('ns.title') }),
        el('p', { class: 'fhint', text: t('ns.from', st.from.year, st.from.cluster?.name || '') }),
      ];
      const form = el('form', { class: 'ns-form', id: 'ns-form', novalidate: true });

      // 1. The season.
      const sid = el('input', { type: 'text', id: 'ns-season', value: d.id, autocomplete: 'off', on: { input: (e) => { d.id = e.target.value.trim(); } } });
      const year = el('input', { type: 'number', id: 'ns-year', value: d.data.year, min: 2000, max: 2200, class: 'num', on: { input: (e) => { d.data.year = Number(e.target.value); } } });
      const cname = el('input', { type: 'text', id: 'ns-cluster-name', value: d.data.cluster?.name || '', on: { input: (e) => { d.data.cluster.name = e.target.value; } } });
      const cid = el('input', { type: 'text', id: 'ns-cluster-id', value: d.data.cluster?.id || '', on: { input: (e) => { d.data.cluster.id = e.target.value.trim(); } } });
      form.append(el('fieldset', { class: 'group ns-sec' }, el('legend', { text: t('ns.s.season') }),
        el('div', { class: 'row2' },
          field(t('ns.season'), sid, { err, apiField: 'season', required: true, hint: t('ns.season.hint') }),
          field(t('ns.year'), year, { err, apiField: 'data.year', required: true })),
        el('div', { class: 'row2' },
          field(t('ns.cluster.name'), cname, { err, apiField: 'data.cluster.name', required: true }),
          field(t('ns.cluster.id'), cid, { err, apiField: 'data.cluster.id', required: true }))));

      // 2. Members.
      const memberList = el('ol', { class: 'ns-members', id: 'ns-members' });
      const drawMembers = () => {
        memberList.replaceChildren(...d.data.members.map((m, i) => {
          const f = `data.members[${i}]`;
          const mid = el('input', { type: 'text', value: m.id, data: { f: 'id' }, on: { input: (e) => { m.id = e.target.value.trim(); drawRoles(); } } });
          const mname = el('input', { type: 'text', value: m.name, data: { f: 'name' }, on: { input: (e) => { m.name = e.target.value; drawRoles(); } } });
          const mw = el('input', { type: 'number', class: 'num', min: 1, value: m.wards, data: { f: 'wards' }, on: { input: (e) => { m.wards = Number(e.target.value); } } });
          const ml = el('textarea', { rows: 2, data: { f: 'ward_list' }, on: { input: (e) => {
            const names = e.target.value.split('\n').map((x) => x.trim()).filter(Boolean);
            if (names.length) { m.ward_list = names.map((n) => ({ id: slug(n), name: n })); m.wards = names.length; mw.value = names.length; } else delete m.ward_list;
          } } }, (m.ward_list || []).map((w) => w.name).join('\n'));
          return el('li', { class: 'ns-member', data: { i: String(i) } },
            el('div', { class: 'row3' },
              field(t('ns.m.id'), mid, { err, apiField: `${f}.id`, required: true }),
              field(t('ns.m.name'), mname, { err, apiField: `${f}.name`, required: true }),
              field(t('ns.m.wards'), mw, { err, apiField: `${f}.wards`, required: true })),
            el('details', { class: 'wards' }, el('summary', { text: t('ns.m.list') }), field(t('ns.m.list'), ml, { err, apiField: `${f}.ward_list` })),
            el('button', { type: 'button', class: 'link', text: t('ns.m.remove'), on: { click: () => { d.data.members.splice(i, 1); drawMembers(); drawRoles(); } } }));
        }));
      };
      const paste = el('textarea', { id: 'ns-paste', rows: 4, placeholder: 'cau-giay\tỦy ban MTTQ Việt Nam quận Cầu Giấy\t8' });
      const pasteMsg = el('p', { class: 'form-status', role: 'status' });
      const membersErr = el('p', { class: 'ferr', hidden: true });
      form.append(el('fieldset', { class: 'group ns-sec' }, el('legend', { text: t('ns.s.members') }),
        memberList,
        el('button', { type: 'button', class: 'secondary', text: t('ns.m.add'), on: { click: () => { d.data.members.push({ id: '', name: '', wards: 1 }); drawMembers(); drawRoles(); memberList.lastChild?.querySelector('input')?.focus(); } } }),
        el('details', { class: 'paste' }, el('summary', { text: t('ns.paste') }),
          el('p', { class: 'fhint', text: t('ns.paste.hint') }),
          field(t('ns.paste'), paste),
          el('button', { type: 'button', class: 'secondary', id: 'ns-paste-add', text: t('ns.paste.add'), on: { click: () => {
            const { members, error } = parseMembers(paste.value);
            pasteMsg.className = `form-status ${error ? 'bad' : 'ok'}`;
            pasteMsg.textContent = error || t('ns.paste.done', members.length);
            if (error || !members.length) return;
            d.data.members = members;
            const r = rotate(members, st.from.head, st.from.deputy);
            d.data.head = r.head;
            d.data.deputy = r.deputy;
            d.rotation = r;
            drawMembers();
            drawRoles();
          } } }), pasteMsg),
        membersErr));
      err.register('data.members', memberList);

      // 3. Head and deputy.
      const roles = el('div', { class: 'row2', id: 'ns-roles' });
      const rotHint = el('p', { class: 'fhint', id: 'ns-rotation' });
      const drawRoles = () => {
        const opts = (cur) => [el('option', { value: '', text: t('ns.none') }),
          ...d.data.members.filter((m) => m.id).map((m) => el('option', { value: m.id, text: m.name || m.id, selected: m.id === cur }))];
        const head = el('select', { id: 'ns-head', on: { change: (e) => { d.data.head = e.target.value; } } }, opts(d.data.head));
        const dep = el('select', { id: 'ns-deputy', on: { change: (e) => { d.data.deputy = e.target.value; } } }, opts(d.data.deputy));
        roles.replaceChildren(field(t('ns.head'), head, { err, apiField: 'data.head' }), field(t('ns.deputy'), dep, { err, apiField: 'data.deputy' }));
        const r = rotate(d.data.members, st.from.head, st.from.deputy);
        const nm = (id) => shortName(d.data.members.find((m) => m.id === id)?.name || id);
        rotHint.replaceChildren(r.head ? t('ns.rotate', nm(r.head), nm(r.deputy)) : '', r.head ? ' ' : null,
          r.head ? el('button', { type: 'button', class: 'link', text: t('ns.rotate.use'), on: { click: () => { d.data.head = r.head; d.data.deputy = r.deputy; drawRoles(); } } }) : null);
      };
      form.append(el('fieldset', { class: 'group ns-sec' }, el('legend', { text: t('ns.s.roles') }), rotHint, roles));

      // 4. Covenant and legal basis.
      const covList = el('ol', { class: 'ns-covenant', id: 'ns-covenant' });
      const drawCov = () => {
        covList.replaceChildren(...d.data.covenant.map((c, i) => el('li', {},
          field(t('ns.c.title'), el('input', { type: 'text', value: c.title, on: { input: (e) => { c.title = e.target.value; } } }), { err, apiField: `data.covenant[${i}].title`, required: true }),
          field(t('ns.c.text'), el('textarea', { rows: 2, on: { input: (e) => { c.text = e.target.value; } } }, c.text || ''), { err, apiField: `data.covenant[${i}].text` }),
          el('button', { type: 'button', class: 'link', text: t('ns.c.remove'), on: { click: () => { d.data.covenant.splice(i, 1); drawCov(); } } }))));
      };
      const legal = el('textarea', { id: 'ns-legal', rows: 3, on: { input: (e) => { d.data.legal_basis = e.target.value.split('\n').map((x) => x.trim()).filter(Boolean); } } }, d.data.legal_basis.join('\n'));
      form.append(el('fieldset', { class: 'group ns-sec' }, el('legend', { text: t('ns.s.covenant') }), covList,
        el('button', { type: 'button', class: 'secondary', text: t('ns.c.add'), on: { click: () => { d.data.covenant.push({ title: '', text: '' }); drawCov(); } } }),
        field(t('ns.legal'), legal, { err, apiField: 'data.legal_basis' })));

      // 5. Occasions.
      const occList = el('ol', { class: 'ns-occasions' });
      const occasions = () => {
        d.data.catalogue = d.data.catalogue || {};
        d.data.catalogue.occasions = d.data.catalogue.occasions || [];
        return d.data.catalogue.occasions;
      };
      const drawOcc = () => {
        occList.replaceChildren(...occasions().map((o, i) => {
          const f = `data.catalogue.occasions[${i}]`;
          return el('li', {}, el('div', { class: 'row3' },
            field(t('ns.o.id'), el('input', { type: 'text', value: o.id, on: { input: (e) => { o.id = e.target.value.trim(); } } }), { err, apiField: `${f}.id`, required: true }),
            field(t('ns.o.name'), el('input', { type: 'text', value: o.name, on: { input: (e) => { o.name = e.target.value; } } }), { err, apiField: `${f}.name`, required: true }),
            field(t('ns.o.date'), el('input', { type: 'text', class: 'date', inputmode: 'numeric', value: o.date ? date(o.date) : '', on: { input: (e) => { o.date = isoDate(e.target.value) || undefined; } } }), { err, apiField: `${f}.date` })),
          field(t('ns.o.name_en'), el('input', { type: 'text', value: o.name_en || '', on: { input: (e) => { o.name_en = e.target.value || undefined; } } }), { err, apiField: `${f}.name_en` }),
          el('button', { type: 'button', class: 'link', text: t('ns.o.remove'), on: { click: () => { occasions().splice(i, 1); drawOcc(); } } }));
        }));
      };
      form.append(el('fieldset', { class: 'group ns-sec' }, el('legend', { text: t('ns.s.catalogue') }), el('p', { class: 'fhint', text: t('ns.o.hint') }), occList,
        el('button', { type: 'button', class: 'secondary', text: t('ns.o.add'), on: { click: () => { occasions().push({ id: '', name: '' }); drawOcc(); } } })));

      // 6. Rubric, with its totals checked as they are typed.
      const rubricBox = el('div', { class: 'ns-rubric', id: 'ns-rubric' });
      const totals = el('p', { class: 'form-status', id: 'ns-content-total', role: 'status' });
      const checkRubric = () => {
        const r = d.data.rubric;
        let bad = 0;
        for (const g of rubricBox.querySelectorAll('[data-sum]')) {
          const it = g._item;
          if (!it.items?.length || r.explicit_totals) { g.textContent = ''; continue; }
          const sum = it.items.reduce((a, c) => a + cents(c.max || 0), 0);
          const ok = sum === cents(it.max || 0);
          g.className = `sum ${ok ? 'ok' : 'bad'}`;
          g.textContent = ok ? t('ns.r.sum.ok', num(sum / 100)) : t('ns.r.sum.bad', num(sum / 100), num(it.max));
          g.previousElementSibling?.querySelector('input[data-f="max"]')?.setAttribute('aria-invalid', String(!ok));
          if (!ok) bad++;
        }
        const content = (r.items || []).reduce((a, c) => a + cents(c.max || 0), 0);
        const declared = r.content_max ? cents(r.content_max) : 0;
        const okc = !declared || content === declared || r.explicit_totals;
        totals.className = `form-status ${okc ? 'ok' : 'bad'}`;
        totals.textContent = okc ? t('ns.r.content', num(content / 100), declared ? num(declared / 100) : '') : t('ns.r.content.bad', num(content / 100), num(declared / 100));
        if (!okc) bad++;
        return bad;
      };
      const pointsInput = (obj, key, apiField, label) => {
        const inp = el('input', { type: 'text', inputmode: 'decimal', class: 'num pts', value: num(obj[key] ?? 0), data: { f: key }, 'aria-label': label });
        const msg = err.register(apiField, inp);
        inp.addEventListener('input', () => {
          const v = parsePoints(inp.value);
          if (Number.isNaN(v)) { inp.setAttribute('aria-invalid', 'true'); msg.textContent = t('ns.r.badnum'); msg.hidden = false; return; }
          inp.removeAttribute('aria-invalid');
          msg.hidden = true;
          obj[key] = v;
          checkRubric();
        });
        return [inp, msg];
      };
      const itemRows = (items, path, depth) => items.map((it, i) => {
        const f = `${path}[${i}]`;
        const title = el('input', { type: 'text', class: 'ititle', value: it.title, 'aria-label': `${it.code}: ${t('ns.r.title')}`, on: { input: (e) => { it.title = e.target.value; } } });
        const tmsg = err.register(`${f}.title`, title);
        const [max, mmsg] = pointsInput(it, 'max', `${f}.max`, `${it.code}: ${t('ns.r.max')}`);
        const sum = el('p', { class: 'sum', data: { sum: f } });
        sum._item = it;
        return el('li', { class: ['r-item', `d${depth}`], data: { code: it.code } },
          el('div', { class: 'r-row' },
            el('span', { class: 'code', text: it.code }), title, max,
            el('span', { class: 'rule muted', text: it.rule ? t(`ns.rule.${it.rule.kind}`) : '' })),
          it.items?.length ? sum : null, tmsg, mmsg,
          it.items?.length ? el('ul', { class: 'r-items' }, itemRows(it.items, `${f}.items`, depth + 1)) : null);
      });
      const drawRubric = () => {
        const r = d.data.rubric;
        const [bcap, bmsg] = pointsInput(r.bonus, 'cap', 'data.rubric.bonus.cap', t('ns.r.bonuscap'));
        const [dcap, dmsg] = pointsInput(r.deductions, 'cap', 'data.rubric.deductions.cap', t('ns.r.dedcap'));
        rubricBox.replaceChildren(
          r.explicit_totals ? el('p', { class: 'fhint', text: t('ns.r.explicit') }) : null,
          el('ul', { class: 'r-items root' }, itemRows(r.items || [], 'data.rubric.items', 0)),
          el('div', { class: 'row2' },
            el('label', { class: 'field' }, el('span', { class: 'flabel', text: t('ns.r.bonuscap') }), bcap, bmsg),
            el('label', { class: 'field' }, el('span', { class: 'flabel', text: t('ns.r.dedcap') }), dcap, dmsg)));
        checkRubric();
      };
      const contentMsg = err.register('data.rubric.content_max', totals);
      form.append(el('fieldset', { class: 'group ns-sec' }, el('legend', { text: t('ns.s.rubric') }),
        el('p', { class: 'fhint', text: t('ns.r.hint', d.data.year) }), totals, contentMsg, rubricBox));

      // Advanced: the whole event as JSON.
      const json = el('textarea', { id: 'ns-json', rows: 12, spellcheck: 'false', class: 'mono' });
      const jsonMsg = el('p', { class: 'ferr', hidden: true });
      const adv = el('details', { class: 'advanced', on: { toggle: () => { if (adv.open) json.value = JSON.stringify(d.data, null, 2); } } },
        el('summary', { text: t('ns.advanced') }), el('p', { class: 'fhint', text: t('ns.advanced.hint') }), json, jsonMsg,
        el('button', { type: 'button', class: 'secondary', text: t('ns.advanced.apply'), on: { click: () => {
          try {
            d.data = JSON.parse(json.value);
            render();
          } catch (e) { jsonMsg.textContent = t('ns.advanced.bad', e.message); jsonMsg.hidden = false; }
        } } }));

      const send = el('button', { type: 'submit', class: 'primary', id: 'ns-open', text: t('ns.open') });
      const status = el('p', { class: 'form-status', role: 'status', id: 'ns-status' });
      form.append(adv, problems, general, send, status);
      form.addEventListener('submit', async (e) => {
        e.preventDefault();
        err.clear();
        const bad = checkRubric() + form.querySelectorAll('[aria-invalid="true"]').length;
        if (bad) {
          problems.textContent = t('ns.problems', form.querySelectorAll('[aria-invalid="true"]').length || bad);
          problems.hidden = false;
          form.querySelector('[aria-invalid="true"]')?.focus();
          return;
        }
        problems.hidden = true;
        send.disabled = true;
        status.textContent = t('ns.opening');
        // The event goes to the new season's own address.
        const r = await openSend.send({ type: 'season.opened', data: d.data }, `/api/v1/seasons/${encodeURIComponent(d.id)}/events`);
        send.disabled = false;
        status.textContent = '';
        if (r.status === 201 || r.status === 200) {
          st.opened = { id: d.id, seq: r.body.seq, data: clone(d.data) };
          renderTokens();
          return;
        }
        err.api(r.status, r.body);
        const first = form.querySelector('[aria-invalid="true"]');
        if (first) { first.closest('details')?.setAttribute('open', ''); first.focus(); }
      });

      parts.push(form);
      box.replaceChildren(...parts);
      drawMembers();
      drawRoles();
      drawCov();
      drawOcc();
      drawRubric();
    }

    /** renderTokens issues the new season's unit tokens to named people, then prints them. */
    function renderTokens() {
      const o = st.opened;
      const rows = o.data.members.map((m) => {
        const prev = st.holders[m.id] || {};
        const holder = el('input', { type: 'text', class: 'holder', data: { unit: m.id }, value: prev.holder || '', 'aria-label': `${t('ns.t.holder')}: ${m.name}` });
        const position = el('input', { type: 'text', class: 'position', data: { unit: m.id }, value: prev.position || '', 'aria-label': `${t('ns.t.position')}: ${m.name}` });
        return { m, holder, position, msg: el('p', { class: 'ferr', hidden: true }) };
      });
      const status = el('p', { class: 'form-status', role: 'status', id: 'ns-token-status' });
      const issue = el('button', { type: 'submit', class: 'primary', id: 'ns-issue', text: t('ns.t.issue', rows.length) });
      const form = el('form', { class: 'action-form', id: 'ns-tokens', novalidate: true },
        el('h3', { text: t('ns.s.tokens') }), el('p', { class: 'fhint', text: t('ns.t.hint') }),
        el('div', { class: 'table-wrap' }, el('table', { class: 'ns-holders' },
          el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: t('ns.m.name') }), el('th', { scope: 'col', text: t('ns.t.holder') }), el('th', { scope: 'col', text: t('ns.t.position') }))),
          el('tbody', {}, rows.map((r) => el('tr', { data: { unit: r.m.id } },
            el('th', { scope: 'row', text: r.m.name }), el('td', {}, r.holder, r.msg), el('td', {}, r.position)))))),
        issue, status);
      const issued = new Map(); // unit → the issued token: a retry issues only the missing ones
      form.addEventListener('submit', async (e) => {
        e.preventDefault();
        issue.disabled = true;
        let i = 0;
        for (const r of rows) {
          i++;
          if (issued.has(r.m.id)) continue;
          status.textContent = t('ns.t.issuing', i, rows.length);
          r.msg.hidden = true;
          r.holder.removeAttribute('aria-invalid');
          let res;
          try {
            res = await io.post('/api/v1/tokens', { role: 'unit', unit: r.m.id, holder: r.holder.value.trim(), position: r.position.value.trim() });
          } catch { res = { status: 0, body: { error: { message: t('yk.network') } } }; }
          if (res.status !== 201) {
            const m = res.body?.error?.message || t('yk.failed', res.status);
            status.textContent = t('ns.t.failed', r.m.name, m);
            status.className = 'form-status bad';
            const target = res.body?.error?.field === 'position' ? r.position : r.holder;
            target.setAttribute('aria-invalid', 'true');
            r.msg.textContent = m;
            r.msg.hidden = false;
            target.focus();
            issue.disabled = false;
            return;
          }
          issued.set(r.m.id, { ...res.body, name: r.m.name });
        }
        status.textContent = '';
        st.tokens = rows.map((r) => issued.get(r.m.id));
        renderSheet();
      });
      box.replaceChildren(el('h2', { text: t('ns.title') }),
        el('p', { class: 'form-status ok', role: 'status', id: 'ns-opened', text: t('ns.opened', o.id, o.seq) }), form);
      rows[0]?.holder.focus();
    }

    /** renderSheet shows the printable sheet: one sign-in link per unit. */
    function renderSheet() {
      const o = st.opened;
      const base = `${location.origin}/?season=${encodeURIComponent(o.id)}`;
      const sheet = el('section', { class: 'signin-sheet', id: 'signin-sheet' },
        el('h2', { text: t('ns.sheet.title', o.data.year, o.data.cluster?.name || '') }),
        el('ol', { class: 'signin-list' }, st.tokens.map((tk) => {
          const link = `${base}#token=${encodeURIComponent(tk.token)}`;
          return el('li', { class: 'signin-card', data: { unit: tk.unit } },
            el('h3', { text: tk.name }),
            tk.holder ? el('p', {}, el('span', { class: 'muted', text: `${t('ns.sheet.for')}: ` }), el('strong', { text: tk.holder }), tk.position ? ` — ${tk.position}` : '') : null,
            el('p', { class: 'muted', text: t('ns.sheet.link') }),
            el('p', { class: 'signin-link' }, el('a', { href: link, class: 'mono', text: link })),
            el('p', { class: 'small muted', text: `${t('ns.sheet.id')}: ${tk.id} · ${t('ns.sheet.keep')}` }));
        })));
      const print = el('button', { type: 'button', class: 'primary', id: 'ns-print', text: t('ns.t.print'), on: { click: () => window.print() } });
      box.replaceChildren(
        el('p', { class: 'form-status ok no-print', role: 'status', text: t('ns.opened', o.id, o.seq) }),
        el('p', { class: 'notice no-print', text: t('ns.t.once') }), el('p', { class: 'no-print' }, print), sheet);
      document.body.classList.add('printing-signin');
      print.focus();
    }

    return {
      show() { if (!st.draft && !st.opened) load(); },
      relabel() {
        if (st.tokens) renderSheet();
        else if (st.opened) renderTokens();
        else if (st.draft) render();
      },
      stop() { st.gen++; document.body.classList.remove('printing-signin'); },
    };
  },
};
