// The committee's "Người dùng" tab (People): who holds which token — a
// named person with a position, not a bare token — with its role, unit,
// who issued it when, and whether it still works; a token is revoked from
// the list, and a new one issued to a named person.

import { t, addStrings, date, label } from './i18n.js';
import { el, shortName } from './util.js';
import { useStyle, errors, field } from './yearkit.js';

addStrings({
  vi: {
    'tab.people': 'Người dùng',
    'pp.title': 'Người dùng và mã đăng nhập',
    'pp.help': 'Mỗi mã đăng nhập được cấp cho một người. Tên người nhận hiện là người ghi các báo cáo và quyết định.',
    'pp.loading': 'Đang tải danh sách…',
    'pp.none': 'Chưa có mã nào.',
    'pp.col.person': 'Người nhận', 'pp.col.role': 'Vai trò', 'pp.col.scope': 'Đơn vị / cụm', 'pp.col.issued': 'Cấp ngày', 'pp.col.state': 'Trạng thái',
    'pp.unnamed': '(chưa ghi tên người nhận)',
    'pp.by': (n) => `bởi ${n}`,
    'pp.active': 'Đang dùng',
    'pp.revoked': (d) => `Đã thu hồi ${d}`,
    'pp.revoke': 'Thu hồi',
    'pp.revoke.q': (n) => `Thu hồi mã của ${n}? Người này sẽ không đăng nhập được nữa; việc thu hồi được ghi vào nhật ký.`,
    'pp.revoke.yes': 'Xác nhận thu hồi',
    'pp.cancel': 'Hủy',
    'pp.revoked.ok': (n) => `Đã thu hồi mã của ${n}.`,
    'pp.show.revoked': 'Hiện cả mã đã thu hồi',
    'pp.role.unit': 'Đơn vị', 'pp.role.committee': 'Ban Thường trực', 'pp.role.auditor': 'Kiểm toán',
    'pp.all': 'mọi cụm',
    'pp.issue': 'Cấp mã mới',
    'pp.issue.role': 'Vai trò', 'pp.issue.unit': 'Đơn vị', 'pp.issue.holder': 'Họ và tên người nhận', 'pp.issue.position': 'Chức vụ',
    'pp.issue.holder.ph': 'Nguyễn Thị Hoa', 'pp.issue.position.ph': 'Phó Chủ tịch Ủy ban MTTQ phường Nghĩa Đô',
    'pp.issue.send': 'Cấp mã',
    'pp.issue.done': (n) => `Đã cấp mã cho ${n}. Đường dẫn dưới đây chỉ hiện một lần: chép hoặc in ngay.`,
    'pp.required': 'Cần điền mục này.',
  },
  en: {
    'tab.people': 'People',
    'pp.title': 'People and sign-in tokens',
    'pp.help': 'Each token is issued to a person. The person\'s name shows as the author of what they report and decide.',
    'pp.loading': 'Loading the list…',
    'pp.none': 'No token yet.',
    'pp.col.person': 'Issued to', 'pp.col.role': 'Role', 'pp.col.scope': 'Unit / cluster', 'pp.col.issued': 'Issued', 'pp.col.state': 'State',
    'pp.unnamed': '(no name recorded)',
    'pp.by': (n) => `by ${n}`,
    'pp.active': 'In use',
    'pp.revoked': (d) => `Revoked ${d}`,
    'pp.revoke': 'Revoke',
    'pp.revoke.q': (n) => `Revoke ${n}'s token? They will not be able to sign in any more; the revocation is recorded on the log.`,
    'pp.revoke.yes': 'Confirm the revocation',
    'pp.cancel': 'Cancel',
    'pp.revoked.ok': (n) => `${n}'s token is revoked.`,
    'pp.show.revoked': 'Show revoked tokens too',
    'pp.role.unit': 'Unit', 'pp.role.committee': 'Committee', 'pp.role.auditor': 'Auditor',
    'pp.all': 'every cluster',
    'pp.issue': 'Issue a new token',
    'pp.issue.role': 'Role', 'pp.issue.unit': 'Unit', 'pp.issue.holder': 'Full name of the holder', 'pp.issue.position': 'Position',
    'pp.issue.holder.ph': 'Nguyễn Thị Hoa', 'pp.issue.position.ph': 'Phó Chủ tịch Ủy ban MTTQ phường Nghĩa Đô',
    'pp.issue.send': 'Issue',
    'pp.issue.done': (n) => `A token is issued to ${n}. The link below is shown once: copy or print it now.`,
    'pp.required': 'Please fill this in.',
  },
});

/** isoDay is the date part of an RFC 3339 time, in Vietnam. */
function isoDay(ts) {
  const d = new Date(ts);
  if (Number.isNaN(d.getTime())) return '';
  return new Date(d.getTime() + 7 * 3600 * 1000).toISOString().slice(0, 10);
}

export const tab = {
  id: 'people',
  mount(box, io) {
    useStyle();
    const st = { gen: 0, tokens: null, showRevoked: false, status: null, fresh: null };

    async function load() {
      const gen = ++st.gen;
      box.dataset.state = 'loading';
      try {
        const r = await io.api('/api/v1/tokens');
        if (gen !== st.gen) return;
        st.tokens = r.tokens || [];
        render();
        box.dataset.state = 'ready';
      } catch (e) {
        if (gen !== st.gen) return;
        box.replaceChildren(el('h2', { text: t('pp.title') }), el('p', { class: 'error', text: e.message }));
      }
    }

    const members = () => io.season()?.members || [];
    const unitName = (id) => members().find((m) => m.id === id)?.name || id;
    const who = (tk) => tk.holder ? (tk.position ? `${tk.holder} — ${tk.position}` : tk.holder) : '';

    async function revoke(tk, row) {
      const res = await fetch(`/api/v1/tokens/${encodeURIComponent(tk.id)}`, {
        method: 'DELETE', headers: { Authorization: `Bearer ${io.token()}` }, cache: 'no-store',
      }).catch(() => null);
      if (!res || res.status !== 204) {
        let m = t('yk.network');
        if (res) { try { m = (await res.json()).error?.message || m; } catch { m = t('yk.failed', res.status); } }
        row.querySelector('.row-msg').textContent = m;
        return;
      }
      st.status = t('pp.revoked.ok', tk.holder || tk.id);
      await load();
    }

    function tokenRow(tk) {
      const name = who(tk);
      const tr = el('tr', { data: { token: tk.id, unit: tk.unit || '' }, class: tk.revoked_at ? 'revoked' : null });
      const ask = el('div', { class: 'confirm-inline', hidden: true, role: 'alertdialog' });
      const btn = tk.revoked_at ? null : el('button', { type: 'button', class: 'secondary danger revoke', text: t('pp.revoke'), on: { click: () => {
        const yes = el('button', { type: 'button', class: 'primary danger revoke-yes', text: t('pp.revoke.yes'), on: { click: () => { yes.disabled = true; revoke(tk, tr); } } });
        ask.replaceChildren(el('p', { text: t('pp.revoke.q', tk.holder || tk.id) }),
          el('div', { class: 'actions' }, el('button', { type: 'button', class: 'secondary', text: t('pp.cancel'), on: { click: () => { ask.hidden = true; btn.focus(); } } }), yes));
        ask.hidden = false;
        yes.focus();
      } } });
      tr.append(
        el('th', { scope: 'row' }, name ? el('span', { class: 'person', text: name }) : el('span', { class: 'muted', text: t('pp.unnamed') }),
          el('span', { class: 'small muted tid', text: tk.id })),
        el('td', { text: label('pp.role', tk.role) }),
        el('td', { text: tk.unit ? shortName(unitName(tk.unit)) : (tk.cluster || t('pp.all')) }),
        el('td', {}, date(isoDay(tk.issued_at)), tk.issued_by_name ? el('span', { class: 'small muted', text: ` ${t('pp.by', tk.issued_by_name)}` }) : null),
        el('td', {}, tk.revoked_at ? el('span', { class: 'no', text: t('pp.revoked', date(isoDay(tk.revoked_at))) }) : el('span', { class: 'yes', text: t('pp.active') }),
          btn, ask, el('p', { class: 'ferr row-msg', role: 'alert' })));
      return tr;
    }

    function issueForm() {
      const general = el('p', { class: 'error', role: 'alert', hidden: true });
      const err = errors(general);
      const role = el('select', { id: 'pp-role' }, ['unit', 'committee', 'auditor'].map((r) => el('option', { value: r, text: label('pp.role', r) })));
      const unit = el('select', { id: 'pp-unit' }, members().map((m) => el('option', { value: m.id, text: m.name })));
      const holder = el('input', { type: 'text', id: 'pp-holder', placeholder: t('pp.issue.holder.ph'), autocomplete: 'off' });
      const position = el('input', { type: 'text', id: 'pp-position', placeholder: t('pp.issue.position.ph'), autocomplete: 'off' });
      const unitField = field(t('pp.issue.unit'), unit, { err, apiField: 'unit', required: true });
      role.addEventListener('change', () => { unitField.hidden = role.value !== 'unit'; });
      const out = el('div', { class: 'issued', role: 'status' });
      const form = el('form', { class: 'action-form', id: 'pp-issue', novalidate: true },
        el('h3', { text: t('pp.issue') }),
        el('div', { class: 'row2' }, field(t('pp.issue.role'), role, { err, apiField: 'role', required: true }), unitField),
        el('div', { class: 'row2' }, field(t('pp.issue.holder'), holder, { err, apiField: 'holder', required: true }),
          field(t('pp.issue.position'), position, { err, apiField: 'position' })),
        general, el('button', { type: 'submit', class: 'primary', text: t('pp.issue.send') }), out);
      form.addEventListener('submit', async (e) => {
        e.preventDefault();
        err.clear();
        if (!holder.value.trim()) { err.set('holder', t('pp.required')); holder.focus(); return; }
        const body = { role: role.value, holder: holder.value.trim(), position: position.value.trim() };
        if (role.value === 'unit') body.unit = unit.value;
        else if (io.me?.cluster || io.season()?.cluster?.id) body.cluster = io.me?.cluster || io.season().cluster.id;
        let r;
        try { r = await io.post('/api/v1/tokens', body); } catch { r = { status: 0, body: { error: { message: t('yk.network') } } }; }
        if (r.status !== 201) { err.api(r.status, r.body); return; }
        st.fresh = r.body;
        st.status = null;
        await load();
      });
      return form;
    }

    function render() {
      const list = (st.tokens || []).filter((tk) => st.showRevoked || !tk.revoked_at)
        .sort((a, b) => (a.role === b.role ? 0 : a.role === 'unit' ? 1 : -1) || String(a.unit).localeCompare(String(b.unit)) || String(b.issued_at).localeCompare(String(a.issued_at)));
      const toggle = el('input', { type: 'checkbox', id: 'pp-revoked', checked: st.showRevoked, on: { change: (e) => { st.showRevoked = e.target.checked; render(); } } });
      const parts = [el('h2', { text: t('pp.title') }), el('p', { class: 'fhint', text: t('pp.help') })];
      if (st.status) parts.push(el('p', { class: 'form-status ok', role: 'status', id: 'pp-status', text: st.status }));
      if (st.fresh) {
        const f = st.fresh;
        const link = f.role === 'unit' ? `${location.origin}/?season=${encodeURIComponent(io.season()?.season || '')}#token=${encodeURIComponent(f.token)}` : f.token;
        parts.push(el('div', { class: 'notice', id: 'pp-fresh' }, el('p', { text: t('pp.issue.done', f.holder || f.id) }), el('p', { class: 'signin-link' }, el('code', { class: 'mono', text: link }))));
      }
      parts.push(el('label', { class: 'field check' }, toggle, el('span', { text: t('pp.show.revoked') })));
      parts.push(list.length ? el('div', { class: 'table-wrap' }, el('table', { class: 'people', id: 'people-list' },
        el('thead', {}, el('tr', {}, ...['pp.col.person', 'pp.col.role', 'pp.col.scope', 'pp.col.issued', 'pp.col.state'].map((k) => el('th', { scope: 'col', text: t(k) })))),
        el('tbody', {}, list.map(tokenRow)))) : el('p', { class: 'muted', text: t('pp.none') }));
      parts.push(issueForm());
      box.replaceChildren(...parts);
    }

    return {
      show() {
        if (!st.tokens) box.replaceChildren(el('h2', { text: t('pp.title') }), el('p', { class: 'muted', text: t('pp.loading') }));
        load();
      },
      relabel() { if (st.tokens) render(); },
      stop() { st.gen++; },
    };
  },
};
