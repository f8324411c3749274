// The two languages (Vietnamese first, English by a toggle) and the number
// and date formats that follow the language.

const STRINGS = {
  vi: {
    'skip': 'Chuyển đến bảng xếp hạng',
    'title': 'Bảng xếp hạng thi đua',
    'title.year': (y) => `Bảng xếp hạng thi đua năm ${y}`,
    'season': 'Mùa thi đua',
    'views': 'Chế độ xem',
    'view.claimed': 'Tự báo cáo',
    'view.verified': 'Đã xác minh',
    'view.final': 'Chính thức',
    'big': 'Chữ lớn',
    'signout': 'Đăng xuất',
    'seq': 'Đến sự kiện số',
    'updated': 'cập nhật lúc',
    'live.live': '● Trực tiếp',
    'live.connecting': 'Đang kết nối…',
    'live.reconnecting': 'Đang kết nối lại…',
    'live.error': 'Mất kết nối',
    'login.title': 'Nhập mã truy cập',
    'login.help': 'Dán mã truy cập (bắt đầu bằng thidua_) do Ban Thường trực cấp.',
    'login.label': 'Mã truy cập',
    'login.submit': 'Mở bảng xếp hạng',
    'seasonform.title': 'Chọn mùa thi đua',
    'seasonform.label': 'Mã mùa thi đua',
    'seasonform.submit': 'Mở',
    'caption': 'Bảng xếp hạng các đơn vị',
    'hint': 'Chọn một đơn vị để xem bảng chấm điểm chi tiết.',
    'chart.title': 'Diễn biến tổng điểm theo thời gian',
    'chart.label': 'Biểu đồ tổng điểm của các đơn vị theo ngày sự kiện',
    'chart.empty': 'Chưa có sự kiện nào được tính điểm.',
    'close': 'Đóng',
    'col.rank': 'Hạng',
    'col.unit': 'Đơn vị',
    'col.total': 'Tổng điểm',
    'col.bonus': 'Thưởng',
    'col.deductions': 'Trừ',
    'col.class': 'Xếp loại',
    'col.eligible': 'Đủ ĐK',
    'col.eligible.title': 'Đủ điều kiện đề nghị khen thưởng',
    'col.award': 'Khen thưởng',
    'max': (m) => `tối đa ${m}`,
    'award.flag': 'Cờ thi đua',
    'award.certificate': 'Bằng khen',
    'award.provisional': 'dự kiến',
    'award.revoked': 'đã thu hồi',
    'award.none': 'không còn khen thưởng',
    'eligible.yes': 'Đủ điều kiện',
    'eligible.no': 'Chưa đủ điều kiện',
    'season.notfound': 'Không tìm thấy mùa thi đua này.',
    'season.none': 'Chưa có mùa thi đua nào.',
    'closed': 'đã kết thúc',
    'points': 'điểm',
    'rank.up': (n) => `lên ${n} bậc`,
    'rank.down': (n) => `xuống ${n} bậc`,
    'announce.rank': (r) => `hạng ${r}`,
    'announce.update': (seq) => `Cập nhật bảng xếp hạng đến sự kiện số ${seq}.`,
    'sheet.total': 'Tổng điểm',
    'sheet.rank': 'Hạng',
    'sheet.content': 'Điểm nội dung',
    'sheet.bonus': 'Điểm thưởng',
    'sheet.deductions': 'Điểm trừ',
    'sheet.class': 'Xếp loại',
    'sheet.award': 'Khen thưởng',
    'sheet.gates': 'Điều kiện đề nghị khen thưởng',
    'sheet.items': 'Các tiêu chí chấm điểm',
    'sheet.cap': (c) => `cộng tối đa ${c} điểm`,
    'sheet.capd': (c) => `trừ tối đa ${c} điểm`,
    'sheet.decisions': 'Quyết định của Ban Thường trực',
    'sheet.facts': 'Tất cả sự kiện',
    'sheet.wards': (n) => `Số phường: ${n}`,
    'violation.discipline': 'kỷ luật',
    'violation.corruption': 'tham nhũng',
    'violation.other': 'khác',
    'season.head': 'Cụm trưởng',
    'season.deputy': 'Cụm phó',
    'season.covenant': (n) => `Nội dung giao ước thi đua (${n})`,
    'sheet.nofacts': 'Đơn vị chưa báo cáo sự kiện nào.',
    'sheet.rule': 'Cách tính',
    'sheet.loading': 'Đang tải…',
    'sheet.view': (v) => `Chế độ xem: ${v}`,
    'sheet.notcounted': 'không tính trong chế độ xem này',
    'sheet.by': 'người ghi',
    'sheet.reason': 'Lý do',
    'why.verified': 'Ghi chú xác minh',
    'why.rejected': 'Lý do từ chối',
    'why.retracted': 'Lý do rút',
    'why.ignored': 'Lý do không tính',
    'sheet.decision_no': 'Quyết định số',
    'gate.no_violation': 'Không có vi phạm kỷ luật trong năm',
    'gate.item_positive': (i) => `Mục ${i} có điểm`,
    'gate.passed': 'đạt',
    'gate.failed': 'chưa đạt',
    'status.verified': 'Đã xác minh',
    'status.pending': 'Chờ xác minh',
    'status.rejected': 'Bị từ chối',
    'status.retracted': 'Đã rút',
    'status.ignored': 'Không tính',
    'status.counted': 'Được tính',
    'status.superseded': 'Đã được thay thế',
    'sheet.supersededby': 'Thay bằng quyết định sau',
    'ev.doc': 'Số',
    'kind.document': 'Văn bản',
    'kind.decision': 'Quyết định',
    'kind.photo': 'Ảnh',
    'kind.file': 'Tệp',
    'kind.link': 'Liên kết',
    'ev.open': 'Mở liên kết',
    'ev.hash': 'SHA-256',
    'ev.file.open': 'Mở tệp',
    'ev.file.save': 'Tải tệp',
    'ev.file.failed': 'Không mở được tệp',
    'ftype.application/pdf': 'PDF',
    'ftype.image/jpeg': 'ảnh JPEG',
    'ftype.image/png': 'ảnh PNG',
    'ftype.image/webp': 'ảnh WebP',
    'ftype.application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word (DOCX)',
    'ftype.application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel (XLSX)',
    'ftype.application/vnd.oasis.opendocument.text': 'văn bản ODT',
    'ftype.application/vnd.oasis.opendocument.spreadsheet': 'bảng tính ODS',
    'ftype.application/msword': 'Word (DOC)',
    'ftype.application/vnd.ms-excel': 'Excel (XLS)',
    'unknown.event': 'Sự kiện không tìm thấy',
    'type.activity.held': 'Hoạt động',
    'type.model.recognized': 'Mô hình được công nhận',
    'type.exemplar.honored': 'Điển hình được tôn vinh',
    'type.congress.completed': 'Đại hội',
    'type.report.submitted': 'Báo cáo',
    'type.indicator.reported': 'Kết quả chỉ tiêu',
    'type.bonus.awarded': 'Điểm thưởng',
    'type.deduction.applied': 'Điểm trừ',
    'type.score.assessed': 'Chấm điểm',
    'type.target.assigned': 'Giao chỉ tiêu',
    'type.violation.recorded': 'Ghi nhận vi phạm',
    'type.award.revoked': 'Thu hồi khen thưởng',
    'dec.bonus': (p) => `Cộng điểm ${p}`,
    'dec.deduction': (p) => `Trừ điểm ${p}`,
    'dec.assessed': (i, p) => `Chấm mục ${i}: ${p} điểm`,
    'error.network': 'Không kết nối được máy chủ.',
  },
  en: {
    'skip': 'Skip to the ranking',
    'title': 'Emulation ranking',
    'title.year': (y) => `Emulation ranking ${y}`,
    'season': 'Season',
    'views': 'View',
    'view.claimed': 'Claimed',
    'view.verified': 'Verified',
    'view.final': 'Final',
    'big': 'Large type',
    'signout': 'Sign out',
    'seq': 'Up to event no.',
    'updated': 'updated at',
    'live.live': '● Live',
    'live.connecting': 'Connecting…',
    'live.reconnecting': 'Reconnecting…',
    'live.error': 'Disconnected',
    'login.title': 'Enter an access token',
    'login.help': 'Paste the access token (starting with thidua_) issued by the committee.',
    'login.label': 'Access token',
    'login.submit': 'Open the ranking',
    'seasonform.title': 'Choose a season',
    'seasonform.label': 'Season id',
    'seasonform.submit': 'Open',
    'caption': 'Ranking of the units',
    'hint': 'Select a unit to see its detailed scoring sheet.',
    'chart.title': 'Totals over the season',
    'chart.label': 'Chart of each unit’s total by event date',
    'chart.empty': 'No scored events yet.',
    'close': 'Close',
    'col.rank': 'Rank',
    'col.unit': 'Unit',
    'col.total': 'Total',
    'col.bonus': 'Bonus',
    'col.deductions': 'Deduct.',
    'col.class': 'Classification',
    'col.eligible': 'Eligible',
    'col.eligible.title': 'Eligible to be proposed for an award',
    'col.award': 'Award',
    'max': (m) => `max ${m}`,
    'award.flag': 'Emulation flag',
    'award.certificate': 'Certificate of merit',
    'award.provisional': 'provisional',
    'award.revoked': 'revoked',
    'award.none': 'no award',
    'eligible.yes': 'Eligible',
    'eligible.no': 'Not eligible',
    'season.notfound': 'This season was not found.',
    'season.none': 'There is no season yet.',
    'closed': 'closed',
    'points': 'points',
    'rank.up': (n) => `up ${n}`,
    'rank.down': (n) => `down ${n}`,
    'announce.rank': (r) => `rank ${r}`,
    'announce.update': (seq) => `Ranking updated to event #${seq}.`,
    'sheet.total': 'Total',
    'sheet.rank': 'Rank',
    'sheet.content': 'Content points',
    'sheet.bonus': 'Bonus',
    'sheet.deductions': 'Deductions',
    'sheet.class': 'Classification',
    'sheet.award': 'Award',
    'sheet.gates': 'Conditions for an award',
    'sheet.items': 'Scoring criteria',
    'sheet.cap': (c) => `adds at most ${c} points`,
    'sheet.capd': (c) => `subtracts at most ${c} points`,
    'sheet.decisions': 'Committee decisions',
    'sheet.facts': 'All facts',
    'sheet.wards': (n) => `Wards: ${n}`,
    'violation.discipline': 'discipline',
    'violation.corruption': 'corruption',
    'violation.other': 'other',
    'season.head': 'Cluster head',
    'season.deputy': 'Deputy head',
    'season.covenant': (n) => `The emulation covenant (${n} contents)`,
    'sheet.nofacts': 'The unit has not reported any fact yet.',
    'sheet.rule': 'Rule',
    'sheet.loading': 'Loading…',
    'sheet.view': (v) => `View: ${v}`,
    'sheet.notcounted': 'not counted in this view',
    'sheet.by': 'recorded by',
    'sheet.reason': 'Reason',
    'why.verified': 'Review note',
    'why.rejected': 'Rejected because',
    'why.retracted': 'Retracted because',
    'why.ignored': 'Ignored because',
    'sheet.decision_no': 'Decision no.',
    'gate.no_violation': 'No disciplinary finding in the year',
    'gate.item_positive': (i) => `Item ${i} scored`,
    'gate.passed': 'passed',
    'gate.failed': 'not passed',
    'status.verified': 'Verified',
    'status.pending': 'Pending',
    'status.rejected': 'Rejected',
    'status.retracted': 'Retracted',
    'status.ignored': 'Ignored',
    'status.counted': 'Counted',
    'status.superseded': 'Superseded',
    'sheet.supersededby': 'Replaced by a later decision',
    'ev.doc': 'No.',
    'kind.document': 'Document',
    'kind.decision': 'Decision',
    'kind.photo': 'Photo',
    'kind.file': 'File',
    'kind.link': 'Link',
    'ev.open': 'Open link',
    'ev.hash': 'SHA-256',
    'ev.file.open': 'Open file',
    'ev.file.save': 'Save file',
    'ev.file.failed': 'Could not open the file',
    'ftype.application/pdf': 'PDF',
    'ftype.image/jpeg': 'JPEG image',
    'ftype.image/png': 'PNG image',
    'ftype.image/webp': 'WebP image',
    'ftype.application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word (DOCX)',
    'ftype.application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel (XLSX)',
    'ftype.application/vnd.oasis.opendocument.text': 'ODT text',
    'ftype.application/vnd.oasis.opendocument.spreadsheet': 'ODS spreadsheet',
    'ftype.application/msword': 'Word (DOC)',
    'ftype.application/vnd.ms-excel': 'Excel (XLS)',
    'unknown.event': 'Event not found',
    'type.activity.held': 'Activity',
    'type.model.recognized': 'Model recognised',
    'type.exemplar.honored': 'Exemplar honoured',
    'type.congress.completed': 'Congress',
    'type.report.submitted': 'Report',
    'type.indicator.reported': 'Indicator reported',
    'type.bonus.awarded': 'Bonus',
    'type.deduction.applied': 'Deduction',
    'type.score.assessed': 'Assessment',
    'type.target.assigned': 'Target assigned',
    'type.violation.recorded': 'Violation recorded',
    'type.award.revoked': 'Award revoked',
    'dec.bonus': (p) => `Bonus ${p}`,
    'dec.deduction': (p) => `Deduction ${p}`,
    'dec.assessed': (i, p) => `Item ${i} assessed: ${p} points`,
    'error.network': 'Cannot reach the server.',
  },
};

let lang = 'vi';

export function setLang(l) { lang = l === 'en' ? 'en' : 'vi'; }
export function getLang() { return lang; }

/** t returns the string for key in the current language. */
export function t(key, ...args) {
  const s = STRINGS[lang][key] ?? STRINGS.vi[key] ?? key;
  return typeof s === 'function' ? s(...args) : s;
}

/** label names a value of the API (a type, status, kind…), or returns it as is if unknown. */
export function label(prefix, value) {
  const s = STRINGS[lang][`${prefix}.${value}`] ?? STRINGS.vi[`${prefix}.${value}`];
  return typeof s === 'string' ? s : String(value ?? '');
}

/**
 * bi picks the current language: from a (vi, en) pair when en is given,
 * else from one bilingual "vi / en" string such as a rule or a gate reason.
 */
export function bi(vi, en) {
  if (lang === 'en' && en) return en;
  if (en !== undefined) return vi ?? '';
  if (typeof vi !== 'string') return '';
  const i = vi.indexOf(' / ');
  if (i < 0) return vi;
  return lang === 'en' ? vi.slice(i + 3) : vi.slice(0, i);
}

const numFmt = {};
function nf(kind) {
  const key = lang + kind;
  if (!numFmt[key]) {
    const opts = { maximumFractionDigits: 2 };
    if (kind === 'delta') opts.signDisplay = 'exceptZero';
    numFmt[key] = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'vi-VN', opts);
  }
  return numFmt[key];
}

/** num formats points: 93,25 in Vietnamese, 93.25 in English. */
export function num(n) {
  return typeof n === 'number' && Number.isFinite(n) ? nf('num').format(n) : '–';
}

/** delta formats a signed change: +1,5 / −2 (a true minus sign). */
export function delta(n) {
  return nf('delta').format(n).replace('-', '−');
}

/** date formats a "YYYY-MM-DD" date: 07/05/2024 or 7 May 2024. */
export function date(iso) {
  if (!iso || !/^\d{4}-\d{2}-\d{2}/.test(iso)) return iso || '';
  const d = new Date(iso.slice(0, 10) + 'T00:00:00Z');
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'vi-VN', {
    day: lang === 'en' ? 'numeric' : '2-digit', month: lang === 'en' ? 'short' : '2-digit',
    year: 'numeric', timeZone: 'UTC',
  }).format(d);
}

/** clock formats a local time of day: 14:05:09. */
export function clock(d) {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'vi-VN', {
    hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false,
  }).format(d);
}

/** month returns the short label of month m (0..11): T1…T12 or Jan…Dec. */
export function month(m) {
  if (lang === 'vi') return `T${m + 1}`;
  return ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][m];
}
