// Every piece of text a person reads in the app, in Vietnamese (NFC). Components import from here; no other file
// holds Vietnamese text. Templates use {name} placeholders filled by `fill` (lib/messages.ts).
// The words the command line says too (error and finding sentences, captions of stable names, Biểu 06's figures)
// come from the core's vocabulary (src/vocabulary/) through vocabulary.json, which `cargo test` writes.

import type {
  BackupReason,
  ChangeAction,
  DeadlineKind,
  ErrorCode,
  FileClass,
  FigureColumn,
  FindingCode,
  OnlineLevel,
  PeriodKind,
  PlanKind,
  ProcedureStatus,
  ReceivedStatus,
  SignAuthority,
  TaskStatus,
  TimeUnit,
  UnitKind,
  UnitReportStatus,
} from "../api/types";
import type { AssessmentColumn, SheetKind, Stage } from "../api/types";
import vocabulary from "./vocabulary.json";

export const app = {
  title: "Sổ theo dõi cải cách hành chính",
  demoBadge: "Dữ liệu mẫu",
  demoHint: "Đang xem dữ liệu mẫu của một phường giả định; mọi thay đổi chỉ ghi vào sổ mẫu.",
  noUnit: "Chưa có thông tin đơn vị",
  loading: "Đang tải…",
  working: "Đang xử lý…",
  close: "Đóng",
  cancel: "Hủy",
  retry: "Thử lại",
  technicalDetail: "Chi tiết kỹ thuật",
  yes: "Có",
  no: "Không",
  none: "—",
};

export const nav = {
  label: "Điều hướng chính",
  dashboard: "Tổng quan",
  procedures: "Thủ tục hành chính",
  stats: "Số liệu giải quyết hồ sơ",
  staffing: "Biên chế, đội ngũ",
  plans: "Kế hoạch CCHC",
  iso: "ISO 9001",
  backups: "Sao lưu, khôi phục",
  reports: "Báo cáo",
};

export const saveStatus = {
  saving: "Đang lưu…",
  saved: "Đã lưu",
  failed: "Chưa lưu được",
  failedWhere: "Chưa lưu được: {where}",
};

export const progress = {
  demo: "Đang tạo dữ liệu mẫu… {done}/{total}",
  import: "Đang nhập dữ liệu… {done}/{total}",
  package: "Đang xử lý tệp báo cáo… {done}/{total}",
  "work-copy": "Đang lấy bản làm việc… {done}/{total}",
  merge: "Đang nhập thay đổi vào sổ… {done}/{total}",
};

export const planKindLabels: Record<PlanKind, string> = {
  annual: "Kế hoạch CCHC năm",
  propaganda: "Kế hoạch tuyên truyền CCHC",
  tthc_control: "Kế hoạch kiểm soát TTHC",
  self_inspection: "Kế hoạch tự kiểm tra CCHC",
  other: "Kế hoạch khác",
};

export const taskStatusLabels: Record<TaskStatus, string> = {
  not_started: "Chưa thực hiện",
  in_progress: "Đang thực hiện",
  done: "Đã hoàn thành",
  cancelled: "Không thực hiện",
};

export const deadlineKindLabels: Record<DeadlineKind, string> = {
  report: "Báo cáo",
  task: "Nhiệm vụ",
  staff_standard: "Chuẩn hóa cán bộ",
  iso_legal_change: "Cập nhật văn bản (ISO)",
  iso_action: "Hành động khắc phục (ISO)",
  iso_audit: "Đánh giá nội bộ (ISO)",
  iso_review: "Xem xét của lãnh đạo (ISO)",
  self_assessment: "Tự đánh giá chỉ số CCHC",
};

// ---- Enumerations ----

export const unitKindLabels: Record<UnitKind, string> = {
  xa: "Xã",
  phuong: "Phường",
  dac_khu: "Đặc khu",
  so_noi_vu: "Sở Nội vụ (cấp trên, tổng hợp báo cáo của các xã, phường)",
};

export const authorityLabels: Record<SignAuthority, string> = {
  tm: "TM. (thay mặt)",
  kt: "KT. (ký thay)",
  direct: "Ký trực tiếp",
};

export const onlineLevelLabels: Record<OnlineLevel, string> = {
  full: "Toàn trình",
  partial: "Một phần",
  none: "Không",
};

export const statusLabels: Record<ProcedureStatus, string> = {
  active: "Đang áp dụng",
  amended: "Đã sửa đổi",
  replaced: "Bị thay thế",
  abolished: "Bị bãi bỏ",
};

export const timeUnitLabels: Record<TimeUnit, string> = {
  working_days: "ngày làm việc",
  days: "ngày",
  working_hours: "giờ làm việc",
};

export const periodKindLabels: Record<PeriodKind, string> = {
  Q1: "Quý I",
  H1: "6 tháng",
  Q3: "9 tháng",
  Year: "Năm",
};

// ---- Dates, periods, deadlines (used by lib/format.ts) ----

export const dates = {
  /** "6 tháng năm 2026" */
  periodOfYear: "{kind} năm {year}",
  /** "Năm 2026" */
  year: "Năm {year}",
  window: "Từ ngày {start} đến ngày {end}",
  deadline: "Hạn gửi báo cáo: {date}",
  daysLeft: "còn {days} ngày",
  dueToday: "hôm nay là hạn cuối",
  overdue: "đã quá hạn {days} ngày",
  longDate: "ngày {day} tháng {month} năm {year}",
};

// ---- Errors: one sentence per code ----

export const errorMessages: Record<ErrorCode, string> = vocabulary.errorMessages;

// ---- Findings: one sentence per code, plus variants for the extra values some carry ----

export const findingMessages: Record<FindingCode, string> = vocabulary.findingMessages;

/** What the window names as the remedy in a sentence that holds `{remedy}` (the command line names a command). */
export const findingRemedies: Partial<Record<FindingCode, string>> = vocabulary.findingRemedies;

/** When a finding's extra values call for a variant sentence: for one code, the first rule that matches wins. */
type VariantRule = { code: string; variant: string; has?: string[]; is?: string[] };
export const findingVariantRules: readonly VariantRule[] = vocabulary.findingVariantRules;

/** Sentences used instead of the plain one when a finding carries the named extra value, and the window's own. */
export const findingVariants: Record<string, string> & { codeExists: string; notAWholeNumber: string } = {
  ...vocabulary.findingVariants,
  /** ALREADY_EXISTS when adding a procedure (shown beside the code). */
  codeExists: "Đã có thủ tục mã “{value}” trong sổ.",
  /** A number typed in the grid that is not a whole number. */
  notAWholeNumber: "“{value}” không phải là số nguyên; hãy nhập số hồ sơ (ví dụ 1.234).",
};

export const severityLabels = { error: "Lỗi", warning: "Cảnh báo" };

/** Where a finding is; parts are joined with ", " and the first letter is capitalised. */
export const placeParts = vocabulary.placeParts;

// ---- Captions of stable names (inputs of forms, figures of Biểu 06) ----

export const columnCaptions: Record<string, string> = vocabulary.columnCaptions;
/** How a drafted report marks a gap a person must fill ("[Cần bổ sung: …]"), as the core writes it. */
export const reportFillIn: { open: string; close: string } = vocabulary.reportFillIn;

/** Columns a kind of record names otherwise than the common caption, by "entity.column" (a task's deadline). */
export const entityColumnCaptions: Record<string, string> = vocabulary.entityColumnCaptions;

/** Biểu số 06/VPCP/KSTT: its title, the column groups and the short caption of each figure under its group. */
export const bieu06 = {
  title: "Biểu số 06/VPCP/KSTT",
  subtitle: "Tình hình, kết quả giải quyết thủ tục hành chính tại cơ quan, đơn vị trực tiếp giải quyết",
  unitNote: "Đơn vị tính: số hồ sơ thủ tục hành chính",
  stt: "STT",
  fieldColumn: "Lĩnh vực, công việc giải quyết",
  groups: vocabulary.bieu06Groups,
  columns: vocabulary.bieu06Columns satisfies Record<FigureColumn, string>,
  total: "Tổng cộng",
  byProcedure: "Thủ tục {code}",
};

// ---- Screens ----

export const unitForm = {
  heading: "Thông tin đơn vị",
  name: "Tên đơn vị",
  namePlaceholder: "Ví dụ: Ủy ban nhân dân phường Trần Phú",
  kind: "Loại đơn vị",
  province: "Tỉnh, thành phố",
  provincePlaceholder: "Ví dụ: Thành phố Hải Phòng",
  code: "Mã đơn vị (nếu có)",
  superiorLine: "Dòng cơ quan chủ quản",
  superiorLinePlaceholder: "Ví dụ: UBND THÀNH PHỐ HẢI PHÒNG",
  issuerLine: "Dòng cơ quan ban hành",
  issuerLinePlaceholder: "Ví dụ: UBND PHƯỜNG TRẦN PHÚ",
  placeName: "Địa danh (ghi ở dòng ngày tháng)",
  placeNamePlaceholder: "Ví dụ: Trần Phú",
  signerName: "Người ký",
  signerTitle: "Chức vụ",
  signerTitlePlaceholder: "Ví dụ: Chủ tịch",
  authority: "Hình thức ký",
  recipients: "Kính gửi (mỗi dòng một nơi)",
  copiesTo: "Nơi nhận (mỗi dòng một nơi)",
  copiesToHint: "Thêm nơi nhận giữa “Như trên” và “Lưu: VT”; chỉ xóa hai dòng này khi văn bản không cần đến.",
  /** The standard "Nơi nhận" lines a new unit starts with (NĐ 30/2020), as the reports print them. */
  copiesToStandard: "Như trên\nLưu: VT",
  userName: "Người sử dụng máy này",
  userNameHint: "Tên này được ghi vào nhật ký thay đổi.",
  headerLines: "Dòng đầu văn bản",
  signature: "Người ký báo cáo",
  recipientsGroup: "Nơi gửi, nơi nhận",
  required: "(bắt buộc)",
  autosaveHint: "Mỗi thay đổi được lưu ngay khi nhấn Enter hoặc rời khỏi ô nhập.",
  save: "Lưu thông tin đơn vị",
};

export const firstRun = {
  heading: "Chào mừng đến với Sổ theo dõi cải cách hành chính",
  intro:
    "Chương trình giúp cán bộ, công chức xã, phường theo dõi danh mục thủ tục hành chính và số liệu giải quyết hồ sơ (Biểu số 06/VPCP/KSTT). Mọi dữ liệu được lưu trên máy này, không cần mạng.",
  createChoice: "Tạo sổ dữ liệu của đơn vị",
  createChoiceHint: "Nhập thông tin đơn vị để bắt đầu ghi thủ tục và số liệu thật.",
  demoChoice: "Mở dữ liệu mẫu",
  demoChoiceHint: "Xem thử với dữ liệu của một phường giả định; không ảnh hưởng đến sổ của đơn vị.",
  createSubmit: "Tạo sổ dữ liệu",
  back: "Quay lại",
  startError: "Chưa mở được sổ dữ liệu của đơn vị.",
  recoveryOffer:
    "Có bản sao lưu tốt lúc {date} ({summary}). Khôi phục từ bản sao này? Tệp sổ hiện tại được giữ nguyên trong thư mục “damaged” bên cạnh.",
  recover: "Khôi phục từ bản sao lưu",
  openLive: "Mở sổ của đơn vị",
  workCopyChoice: "Mở bản làm việc",
  workCopyChoiceHint: "Làm việc trên máy này với bản làm việc (.cchclv) cơ quan đã lấy cho anh/chị; thay đổi được gửi về cơ quan bằng tệp.",
  workCopyChooseTitle: "Chọn tệp bản làm việc (.cchclv)",
};

export const discardPrompt = {
  question: "Nội dung đang nhập chưa được lưu (còn thiếu hoặc còn lỗi ở ô được đánh dấu). Bỏ nội dung này?",
  keep: "Tiếp tục sửa",
  drop: "Bỏ nội dung đang nhập",
};

export const firstDay = {
  heading: "Những ngày đầu với sổ theo dõi",
  intro: "Còn {left}/{total} bước để sổ đủ dữ liệu viết báo cáo; mỗi bước tự được đánh dấu khi đã có trong sổ.",
  doneLabel: "Đã xong",
  todoLabel: "Chưa làm",
  unit: "Thông tin đơn vị, có mã đơn vị",
  unitHint: "Mã đơn vị hành chính (ví dụ 10507) dùng khi gửi báo cáo lên cấp trên.",
  unitAction: "Sửa thông tin đơn vị",
  procedures: "Danh mục thủ tục hành chính đang áp dụng",
  proceduresHint: "Nhập từ tệp Excel tải về từ Cổng Dịch vụ công, hoặc từ tệp mẫu của chương trình.",
  proceduresAction: "Nhập danh mục thủ tục",
  staffing: "Biên chế được giao năm {year}",
  staffingHint: "Số biên chế theo quyết định giao, từng loại cán bộ, công chức.",
  staffingAction: "Nhập biên chế",
  plans: "Kế hoạch cải cách hành chính năm {year}",
  plansHint: "Số, ngày kế hoạch và các nhiệm vụ, để theo dõi tiến độ và viết báo cáo.",
  plansAction: "Nhập kế hoạch",
};

export const dashboard = {
  heading: "Tổng quan",
  deadlines: "Việc cần làm",
  noDeadlines: "Không có việc nào đến hạn",
  deadlineDue: "Hạn {date}",
  unit: "Đơn vị",
  editUnit: "Sửa thông tin đơn vị",
  currentPeriod: "Kỳ báo cáo hiện tại",
  proceduresInForce: "Thủ tục đang áp dụng",
  fields: "Lĩnh vực",
  onlineShare: "Có dịch vụ công trực tuyến",
  onlineShareDetail: "{full} toàn trình, {partial} một phần",
  latestRate: "Tỷ lệ giải quyết đúng hạn",
  latestRateOf: "Kỳ {period}",
  latestRateTarget: "mục tiêu từ {target}",
  noRate: "Chưa có số liệu",
  problems: "Vấn đề trong sổ",
  problemsCount: "{errors} lỗi, {warnings} cảnh báo",
  noProblems: "Không có vấn đề nào",
  noProblemsButOverdue: "Số liệu không có vấn đề nào; còn {count} việc quá hạn ở bảng Việc cần làm",
  nothingToCheck: "Sổ chưa có dữ liệu để kiểm tra: hãy làm các bước của những ngày đầu ở trên.",
  problemsOf: "Số liệu kỳ {period}; biên chế, kế hoạch, ISO",
  openGrid: "Mở bảng số liệu",
  openProcedures: "Xem danh mục thủ tục",
  switchToLive: "Về sổ dữ liệu của đơn vị",
  switchToDemo: "Xem dữ liệu mẫu",
  createLive: "Tạo sổ dữ liệu của đơn vị",
  moreProblems: "và {count} vấn đề khác",
};

export const records = {
  nav: "Sổ sách, kỳ báo cáo",
  heading: "Sổ sách và kỳ báo cáo",
  tabPeriods: "Kỳ báo cáo và hạn gửi",
  tabOutgoing: "Sổ văn bản đi",
  tabLog: "Nhật ký thay đổi",
  tabCatalogs: "Danh mục",
  year: "Năm",
  periodsIntro:
    "Thời gian lấy số liệu và hạn gửi báo cáo của từng kỳ. Mặc định theo quy định chung; nếu tỉnh quy định khác, sửa ngày rồi nhấn Enter hoặc chuyển sang ô khác: ngày được lưu ngay.",
  colPeriod: "Kỳ báo cáo",
  colStart: "Từ ngày",
  colEnd: "Đến ngày",
  colDeadline: "Hạn gửi báo cáo",
  colDaysLeft: "Còn lại",
  badDate: "“{value}” không phải ngày hợp lệ; hãy gõ theo dạng ngày/tháng/năm, ví dụ 14/06/2026.",
  periodSaved: "Đã lưu thời gian của kỳ {period}.",
  outgoingIntro: "Các văn bản đã ban hành từ chương trình, với số và ký hiệu lấy theo thứ tự trong năm.",
  outgoingEmpty: "Năm {year} chưa ban hành văn bản nào từ chương trình.",
  colNumber: "Số, ký hiệu",
  colDate: "Ngày ban hành",
  colSubject: "Trích yếu",
  colSigner: "Người ký",
  colRecipients: "Nơi nhận",
  logIntro: "Mọi thay đổi trong sổ dữ liệu: ai sửa, lúc nào, sửa gì, giá trị trước và sau.",
  logEntity: "Loại bản ghi",
  logAllEntities: "Tất cả loại",
  logActor: "Người sửa",
  logAllActors: "Tất cả mọi người",
  logFrom: "Từ ngày",
  logTo: "Đến ngày",
  logShow: "Xem",
  logCount: "{count} mục (mới nhất trước)",
  logLimited: "Chỉ hiện {count} mục mới nhất; hãy lọc theo loại, người hoặc ngày để xem mục cũ hơn.",
  logEmpty: "Không có thay đổi nào khớp với điều kiện lọc.",
  colAt: "Thời điểm",
  colActor: "Người sửa",
  colEntity: "Loại",
  colRecord: "Bản ghi",
  colAction: "Việc",
  colChanges: "Trước → sau",
  unknownActor: "(không rõ)",
  fromWorkCopy: "từ bản làm việc của {person}, tệp thay đổi số {sequence}",
  empty: "(trống)",
  moreChanges: "và {count} thay đổi khác",
};

export const catalogs = {
  categories: {
    heading: "Loại cán bộ, công chức",
    intro:
      "Các loại dùng khi giao biên chế và ghi danh sách cán bộ, công chức. Khi quy định thay đổi, sửa tên hoặc ghi ngày cuối cùng còn áp dụng; thêm loại mới ở cuối danh sách. Sửa xong nhấn Enter hoặc chuyển sang ô khác: thay đổi được lưu ngay.",
    newLabel: "Tên loại mới",
  },
  areas: {
    heading: "Lĩnh vực cải cách hành chính",
    intro:
      "Các lĩnh vực dùng để xếp nhiệm vụ của kế hoạch CCHC và tính tiến độ theo lĩnh vực. Có thể đổi tên cho đúng cách gọi của tỉnh hoặc thêm lĩnh vực riêng. Sửa xong nhấn Enter hoặc chuyển sang ô khác: thay đổi được lưu ngay.",
    newLabel: "Tên lĩnh vực mới",
  },
  colName: "Tên",
  colUntil: "Áp dụng đến ngày",
  colUses: "Số bản ghi dùng",
  nameOf: "Tên của “{name}”",
  untilOf: "Ngày cuối cùng áp dụng “{name}”",
  seeded: "Có sẵn",
  seededHint: "Mục có sẵn mà các báo cáo sử dụng: có thể đổi tên nhưng không xóa.",
  inUse: "Đang dùng",
  inUseHint: "Đang có bản ghi dùng mục này nên không xóa được.",
  remove: "Xóa",
  add: "Thêm",
  added: "Đã thêm “{name}”.",
  saved: "Đã lưu “{name}”.",
  removed: "Đã xóa “{name}”.",
  badDate: "“{value}” không phải ngày hợp lệ; hãy gõ theo dạng ngày/tháng/năm, ví dụ 31/12/2026, hoặc để trống.",
};

export const actor = {
  label: "Người làm việc",
  change: "Đổi người làm việc",
  title: "Ai đang làm việc trên máy này?",
  hint: "Nhật ký thay đổi ghi tên người này cho mọi thay đổi từ bây giờ, để phân biệt khi hai người dùng chung một máy. Khi mở lại chương trình, tên trở về người sử dụng trong thông tin đơn vị.",
  name: "Họ và tên",
  recent: "Người đã làm việc trên sổ này",
  save: "Đổi",
  changed: "Từ bây giờ nhật ký ghi tên {name}.",
};

export const savedBar = {
  saved: "Đã lưu tệp {name}",
  printed: "Đã mở bản PDF {name} trong chương trình đọc PDF để in",
  printHint: "Khi in, chọn khổ giấy A4 và tỉ lệ 100 % (Kích thước thật / Actual size) để trang in đúng lề như bản PDF.",
  openFile: "Mở tệp",
  openFolder: "Mở thư mục",
  close: "Đóng thông báo",
};

export const charts = {
  drawing: "Đang vẽ biểu đồ…",
  noValue: "chưa có",
  onTimeTrend: "Tỷ lệ đúng hạn qua các kỳ",
  onTimeTrendEmpty: "Chưa có kỳ nào có hồ sơ đã giải quyết để vẽ biểu đồ.",
  planCompletion: "Tiến độ kế hoạch theo lĩnh vực",
  planCompletionEmpty: "Kế hoạch năm nay chưa có nhiệm vụ nào.",
  assessmentAreas: "Điểm theo lĩnh vực so với điểm tối đa",
  assessmentAreasEmpty: "Chưa chấm điểm lĩnh vực nào.",
  rollupUnits: "Xếp hạng các đơn vị",
  rollupUnitsEmpty: "Chưa có đơn vị nào gửi báo cáo kỳ này.",
};

export const procedures = {
  heading: "Thủ tục hành chính",
  search: "Tìm theo mã, tên hoặc lĩnh vực",
  searchPlaceholder: "Ví dụ: khai sinh, ho tich, 1.001193",
  field: "Lĩnh vực",
  allFields: "Tất cả lĩnh vực",
  onlineLevel: "Mức độ DVC",
  allLevels: "Tất cả mức độ",
  status: "Tình trạng",
  allStatuses: "Tất cả tình trạng",
  includeRetired: "Hiện cả thủ tục đã ngừng áp dụng",
  count: "{count} thủ tục",
  empty: "Không có thủ tục nào khớp với điều kiện tìm.",
  emptyRegister: "Sổ chưa có thủ tục nào. Hãy thêm thủ tục hoặc nhập từ tệp Excel.",
  add: "Thêm thủ tục",
  importButton: "Nhập từ Excel/CSV",
  exportButton: "Xuất ra Excel",
  exportDefaultName: "thu-tuc-hanh-chinh.xlsx",
  exported: "Đã xuất {count} thủ tục ra tệp {path}.",
  colCode: vocabulary.headers.code,
  colName: vocabulary.headers.procedureName,
  colField: vocabulary.headers.field,
  colTime: vocabulary.headers.time,
  colOnline: vocabulary.headers.onlineLevel,
  colStatus: vocabulary.headers.status,
  retiredOn: "ngừng áp dụng từ {date}",
  replacedByShort: "thay bởi {code}",
};

export const procedureForm = {
  addHeading: "Thêm thủ tục hành chính",
  editHeading: "Thủ tục {code}",
  code: "Mã thủ tục",
  codeHint: "Dạng 1.001193 hoặc 3.000527.H61; không đổi được sau khi thêm.",
  name: "Tên thủ tục",
  field: "Lĩnh vực",
  time: "Thời hạn giải quyết",
  timeAmount: "Số",
  timeUnit: "Đơn vị",
  noTime: "Không ghi",
  fee: "Phí, lệ phí",
  feePlaceholder: "Ví dụ: Miễn phí; 8.000 đồng/bản",
  legalBases: "Căn cứ pháp lý (mỗi dòng một văn bản)",
  announcement: "Quyết định công bố",
  decisionNumber: "Số",
  decisionDate: "Ngày (dd/mm/yyyy)",
  datePlaceholder: "dd/mm/yyyy",
  onlineLevel: "Mức độ dịch vụ công trực tuyến",
  status: "Tình trạng",
  flags: "Cách thức thực hiện",
  oneStop: "Một cửa",
  interlinked: "Một cửa liên thông",
  postal: "Tiếp nhận, trả kết quả qua bưu chính",
  boundaryFree: "Không phụ thuộc địa giới hành chính",
  internalProcess: "Quy trình nội bộ",
  isoScope: "Thuộc phạm vi áp dụng ISO 9001",
  replacedBy: "Thay thế bởi",
  retiredOn: "Ngừng áp dụng từ ngày",
  addHint: "Thủ tục được lưu ngay khi đã có mã, tên và lĩnh vực (nhấn Enter hoặc chuyển sang ô khác).",
  editHint: "Mỗi thay đổi được lưu ngay khi nhấn Enter hoặc rời khỏi ô nhập.",
  saveNow: "Lưu thủ tục",
  retire: "Ngừng áp dụng…",
  reinstate: "Áp dụng lại",
  delete: "Xóa…",
  close: "Đóng",
  added: "Đã thêm thủ tục {code}.",
};

export const retireDialog = {
  heading: "Ngừng áp dụng thủ tục {code}",
  how: "Lý do",
  replaced: "Bị thay thế bởi thủ tục khác",
  abolished: "Bị bãi bỏ",
  replacedBy: "Mã thủ tục thay thế",
  on: "Ngừng áp dụng từ ngày (dd/mm/yyyy)",
  confirm: "Ngừng áp dụng",
  note: "Thủ tục vẫn được giữ trong sổ cùng số liệu đã có; chỉ không còn trong danh mục đang áp dụng.",
};

export const deleteDialog = {
  heading: "Xóa thủ tục {code}?",
  body: "Chỉ xóa thủ tục nhập nhầm. Thủ tục đã có số liệu giải quyết hồ sơ thì không xóa được, hãy ngừng áp dụng.",
  confirm: "Xóa thủ tục",
  deleted: "Đã xóa thủ tục {code}.",
  retireInstead: "Ngừng áp dụng thay vì xóa",
};

export const importPanel = {
  headingProcedures: "Nhập thủ tục từ tệp Excel/CSV",
  headingStats: "Nhập số liệu Biểu 06 từ tệp Excel/CSV",
  chooseFile: "Chọn tệp (.xlsx hoặc .csv)",
  reading: "Đang đọc tệp…",
  checking: "Đang kiểm tra tệp…",
  summary: "Tệp “{name}” có {rows} dòng dữ liệu: {added} thêm mới, {updated} cập nhật, {unchanged} không đổi.",
  noFindings: "Không phát hiện vấn đề nào.",
  findingsHeading: "Các vấn đề phát hiện ({errors} lỗi, {warnings} cảnh báo)",
  blocked: "Tệp còn lỗi nên chưa thể nhập; hãy sửa tệp rồi chọn lại.",
  warningsOnly: "Chỉ có cảnh báo; vẫn có thể nhập.",
  confirm: "Nhập",
  done: "Đã nhập: {added} thêm mới, {updated} cập nhật, {unchanged} không đổi.",
  colRow: "Dòng",
  colColumn: "Cột",
  colProblem: "Vấn đề",
  colSeverity: "Mức",
  otherFile: "Chọn tệp khác",
  columnsHeading: "Tệp cần có những cột nào?",
  columnsIntro:
    "Dòng tiêu đề của tệp ghi tên cột như dưới đây (không phân biệt hoa thường, có dấu hay không dấu); các dòng tiêu đề phía trên bảng được bỏ qua. Cột có nhãn “bắt buộc” phải có trong tệp; các cột khác có thể bỏ.",
  required: "bắt buộc",
  aliases: "(cũng nhận: {names})",
  saveTemplate: "Lưu tệp mẫu để điền…",
  templateType: "Bảng tính Excel",
  templateSaved: "Đã lưu tệp mẫu tại {path}. Điền vào tệp rồi chọn nó ở trên để nhập.",
  templateName: {
    procedures: "mau-thu-tuc-hanh-chinh.xlsx",
    stats: "mau-so-lieu-bieu-06.xlsx",
    quotas: "mau-bien-che-duoc-giao.xlsx",
    people: "mau-danh-sach-can-bo-cong-chuc.xlsx",
    tasks: "mau-nhiem-vu-ke-hoach.xlsx",
  } satisfies Record<SheetKind, string>,
};

export const stats = {
  heading: "Số liệu giải quyết hồ sơ",
  year: "Năm",
  kind: "Kỳ báo cáo",
  window: "Thời gian lấy số liệu",
  onTimeRate: "Tỷ lệ giải quyết đúng hạn: {rate}",
  onlineRate: "Tỷ lệ hồ sơ nộp trực tuyến: {rate}",
  noRate: "chưa có",
  importButton: "Nhập từ Excel/CSV",
  exportPeriod: "Xuất kỳ này ra Excel",
  exportAll: "Xuất tất cả các kỳ",
  exportDefaultName: "bieu-06-{period}.xlsx",
  exportAllDefaultName: "bieu-06-tat-ca-cac-ky.xlsx",
  exported: "Đã xuất {count} dòng số liệu ra tệp {path}.",
  findingsHeading: "Vấn đề trong số liệu kỳ này",
  unsavedHeading: "Chưa lưu các ô sau (hãy sửa lại, hoặc nhấn Esc trong ô để bỏ):",
  noFindings: "Số liệu kỳ này khớp với các quy tắc của Biểu 06.",
  noFields: "Chưa có lĩnh vực nào. Hãy thêm thủ tục hành chính trước, hoặc nhập số liệu từ tệp.",
  gridHint:
    "Gõ số vào ô rồi nhấn Enter hoặc Tab: số liệu được lưu ngay. Esc để bỏ thay đổi đang gõ. Ô viền đỏ là ô có vấn đề, được ghi rõ trong khung bên dưới bảng.",
  previousPeriod: "Kỳ trước",
  nextPeriod: "Kỳ sau",
};

export const fileTypes = {
  excel: "Bảng tính Excel",
};

// ---- Record forms (staffing, plans, ISO) ----

export const recordForm = {
  add: "Thêm",
  yes: "Có",
  dateHint: "Ngày/tháng/năm, ví dụ 15/10/2019",
  datePlaceholder: "dd/mm/yyyy",
  autosaveHint: "Tự động lưu khi rời khỏi ô hoặc nhấn Enter.",
};

export const staffing = {
  heading: "Biên chế và đội ngũ cán bộ, công chức",
  asOf: "Tính đến ngày",
  summary: "Số lượng so với biên chế được giao",
  category: "Loại",
  quota: "Biên chế được giao",
  present: "Hiện có",
  vacancies: "Còn thiếu",
  meetingStandard: "Đạt chuẩn",
  total: "Tổng cộng (các loại có biên chế)",
  standardShare: "Tỷ lệ đạt chuẩn: {share}",
  standardUnknown: " (trên {known} người; {unknown} người nhập tổng số chưa ghi số đạt chuẩn nên chưa tính)",
  enteredMeeting: "Trong đó đạt chuẩn",
  noStandardShare: "Chưa có danh sách người để tính tỷ lệ đạt chuẩn",
  sourceEntered: "nhập tổng số",
  sourceNone: "chưa có số liệu",
  findings: "Vấn đề",
  noFindings: "Không vượt biên chế, không có loại nào thiếu quyết định giao.",
  standardDue: "Sắp đến hạn đạt chuẩn",
  daysLeft: "còn {days} ngày",
  quotasOf: "Biên chế giao năm {year}",
  quotasHint: "Nhập số được giao và quyết định giao; tự động lưu khi rời khỏi ô.",
  decisionNumber: "Số quyết định",
  decisionDate: "Ngày quyết định",
  enteredCount: "Số có mặt (khi không lập danh sách)",
  people: "Danh sách cán bộ, công chức, người lao động",
  addPerson: "Thêm người",
  editPerson: "Sửa thông tin người",
  noPeople: "Chưa có ai trong danh sách.",
  left: "Đã nghỉ {date}",
  importPeople: "Nhập danh sách từ Excel",
  exportPeople: "Xuất danh sách ra Excel",
  importQuotas: "Nhập biên chế từ Excel",
  exportQuotas: "Xuất biên chế ra Excel",
  peopleDefaultName: "danh-sach-can-bo.xlsx",
  quotasDefaultName: "bien-che.xlsx",
  exported: "Đã xuất {count} dòng ra {path}",
  field: {
    name: "Họ và tên",
    position: "Chức danh, vị trí việc làm",
    rank: "Ngạch",
    category: "Loại",
    joined: "Ngày vào làm",
    left: "Ngày nghỉ",
    qualification_level: "Trình độ chuyên môn",
    qualification_field: "Chuyên ngành",
    political_theory: "Lý luận chính trị",
    state_management: "Quản lý nhà nước",
    standard_met: "Đạt chuẩn",
    standard_deadline: "Hạn đạt chuẩn",
    note: "Ghi chú",
  },
  standardDeadlineHint: "Ví dụ 01/08/2028 theo Nghị định 33/2023/NĐ-CP",
};

export const plans = {
  heading: "Kế hoạch cải cách hành chính",
  year: "Năm",
  progress: "Tiến độ thực hiện theo lĩnh vực",
  asOf: "tính đến ngày {date}",
  area: "Lĩnh vực cải cách",
  tasks: "Nhiệm vụ",
  done: "Hoàn thành",
  cancelled: "Không thực hiện",
  rate: "Tỷ lệ hoàn thành",
  overall: "Chung",
  overdue: "Nhiệm vụ quá hạn",
  noOverdue: "Không có nhiệm vụ quá hạn.",
  plansOf: "Các kế hoạch năm {year}",
  noPlans: "Chưa có kế hoạch nào của năm này.",
  addPlan: "Thêm kế hoạch",
  editPlan: "Sửa kế hoạch",
  taskList: "Nhiệm vụ",
  allPlans: "Tất cả kế hoạch",
  noTasks: "Chưa có nhiệm vụ nào.",
  addTask: "Thêm nhiệm vụ",
  editTask: "Sửa nhiệm vụ",
  importTasks: "Nhập nhiệm vụ từ Excel",
  exportTasks: "Xuất nhiệm vụ ra Excel",
  tasksDefaultName: "nhiem-vu-cchc.xlsx",
  exported: "Đã xuất {count} nhiệm vụ ra {path}",
  planField: {
    kind: "Loại kế hoạch",
    number: "Số, ký hiệu",
    date: "Ngày ban hành",
    year: "Năm",
    title: "Trích yếu",
  },
  planNumberHint: "Ví dụ 25/KH-UBND",
  taskField: {
    plan: "Thuộc kế hoạch",
    area: "Lĩnh vực cải cách",
    content: "Nội dung nhiệm vụ",
    owner: "Người, bộ phận thực hiện",
    deadline: "Thời hạn",
    expected_output: "Sản phẩm",
    status: "Tình trạng",
    percent: "Phần trăm hoàn thành",
    evidence: "Tài liệu kiểm chứng",
  },
  percentHint: "Từ 0 đến 100",
};

export const iso = {
  heading: "Hệ thống quản lý chất lượng TCVN ISO 9001",
  year: "Năm",
  checks: "Kiểm tra năm {year}",
  version: "Phiên bản tiêu chuẩn",
  noVersion: "Chưa chọn",
  announced: "Đã công bố hệ thống",
  announcedBy: "Quyết định {number} ngày {date} ({count} thủ tục)",
  auditHeld: "Đánh giá nội bộ trong năm",
  reviewHeld: "Xem xét của lãnh đạo trong năm",
  reportSent: "Báo cáo ISO năm đã gửi",
  legalOverdue: "Văn bản pháp luật mới chưa cập nhật quá hạn",
  actionsOverdue: "Hành động khắc phục quá hạn",
  yes: "Có",
  no: "Chưa",
  countOf: "{count}",
  findings: "Vấn đề",
  noFindings: "Không có vấn đề nào.",
  announcements: "Quyết định công bố",
  addAnnouncement: "Thêm quyết định công bố",
  noAnnouncements: "Chưa có quyết định công bố nào.",
  scope: "Phạm vi: các thủ tục áp dụng",
  scopeHint: "Mặc định là các thủ tục được đánh dấu thuộc phạm vi ISO trong danh mục.",
  scopeCount: "Đã chọn {count} thủ tục",
  kindAnnounce: "Công bố",
  kindReAnnounce: "Công bố lại",
  audits: "Đánh giá nội bộ",
  addAudit: "Thêm cuộc đánh giá",
  noAudits: "Chưa có cuộc đánh giá nội bộ nào.",
  addNonconformity: "Thêm điểm không phù hợp",
  reviews: "Xem xét của lãnh đạo",
  addReview: "Thêm cuộc họp xem xét",
  noReviews: "Chưa có cuộc họp xem xét nào.",
  addReviewAction: "Thêm việc cần làm",
  actions: "Hành động khắc phục và việc sau xem xét",
  noActions: "Chưa có hành động nào.",
  complete: "Đánh dấu đã xong",
  doneOn: "Xong ngày {date}",
  checkedOn: "kiểm tra hiệu lực {date}",
  open: "Chưa xong",
  legalChanges: "Văn bản pháp luật mới cần cập nhật",
  addLegalChange: "Thêm văn bản",
  noLegalChanges: "Chưa có văn bản nào cần cập nhật.",
  due: "Hạn {date}",
  report: "Báo cáo năm",
  reportHint: "Số, ngày của báo cáo tình hình áp dụng ISO năm {year} đã gửi",
  field: {
    number: "Số quyết định",
    date: "Ngày",
    kind: "Loại",
    version: "Phiên bản",
    scope: "Phạm vi đánh giá",
    findings: "Kết quả, phát hiện",
    description: "Điểm không phù hợp",
    action: "Hành động khắc phục",
    owner: "Người thực hiện",
    due: "Hạn hoàn thành",
    decisions: "Kết luận, quyết định",
    content: "Nội dung",
    text: "Văn bản (số, ký hiệu, trích yếu)",
    effective: "Ngày có hiệu lực",
    done_on: "Ngày hoàn thành",
    effectiveness_checked: "Ngày kiểm tra hiệu lực",
    reportNumber: "Số báo cáo",
  },
};

export const backupReasonLabels: Record<BackupReason, string> = {
  auto: "Định kỳ (15 phút)",
  exit: "Khi đóng chương trình",
  manual: "Người dùng yêu cầu",
  migration: "Trước khi nâng cấp sổ",
  import: "Trước khi nhập dữ liệu",
  restore: "Trước khi khôi phục (để hoàn tác)",
  unlock: "Trước khi mở khóa",
  external: "Sao lưu ra USB",
};

export const backups = {
  heading: "Sao lưu và khôi phục",
  intro:
    "Chương trình tự sao lưu sổ dữ liệu 15 phút một lần khi có thay đổi, khi đóng chương trình và trước khi nhập dữ liệu hay khôi phục. Mỗi bản sao được kiểm tra trước khi tính. Giữ 3 bản mới nhất trong ngày, mỗi ngày 1 bản trong 14 ngày, mỗi tháng 1 bản trong 24 tháng.",
  now: "Sao lưu ngay",
  toUsb: "Sao lưu ra USB",
  chooseUsb: "Chọn ổ USB hoặc thư mục để sao lưu",
  fromFile: "Khôi phục từ tệp khác…",
  chooseFile: "Chọn tệp bản sao (.cchcsl, hoặc .cchc của bản cũ)",
  fileType: "Bản sao sổ dữ liệu",
  verify: "Kiểm tra lại các bản sao",
  verified: "{good} bản sao tốt, {bad} bản hỏng.",
  leftovers: "Còn {files} tệp dở dang ({kb} KB) của các lần sao lưu bị ngắt; lần sao lưu sau sẽ xóa chúng.",
  none: "Chưa có bản sao lưu nào.",
  count: "{count} bản sao",
  created: "Thời điểm",
  reason: "Lý do",
  size: "Dung lượng",
  holds: "Nội dung",
  summary: "{procedures} thủ tục, {stats} dòng số liệu, {people} người, {tasks} nhiệm vụ",
  kb: "{kb} KB",
  restore: "Khôi phục",
  saved: "Đã sao lưu và kiểm tra bản sao lúc {date}.",
  savedUsb: "Đã sao lưu ra {path}; bản sao đã được kiểm tra.",
  previewTitle: "Khôi phục từ bản sao",
  previewOf: "Bản sao lúc {date} ({reason}).",
  previewNoRecord: "Tệp {path} (không có thông tin đi kèm).",
  changes: "Những gì sẽ thay đổi",
  table: vocabulary.headers.content,
  current: vocabulary.headers.current,
  after: vocabulary.headers.afterRestore,
  noChanges: "Bản sao có cùng số dòng với sổ hiện tại.",
  previewNote: "Sổ hiện tại sẽ được sao lưu trước, nên có thể hoàn tác ngay sau khi khôi phục.",
  confirm: "Khôi phục",
  restored: "Đã khôi phục từ bản sao lúc {date}.",
  undo: "Hoàn tác khôi phục",
  undoOffer: "Sổ trước khi khôi phục đã được sao lưu lúc {date}; có thể hoàn tác.",
  undone: "Đã hoàn tác: sổ trở lại như trước khi khôi phục.",
  failed: "Bản sao định kỳ chưa tạo được; sổ dữ liệu không bị ảnh hưởng.",
};

/** Names of the register's tables, as the restore preview shows them. */
export const tableCaptions: Record<string, string> = vocabulary.tableCaptions;
/** What a change-log entry is about ("Thủ tục", "Số liệu hồ sơ") and what it did ("Thêm mới", "Sửa"). */
export const entityCaptions: Record<string, string> = vocabulary.entityCaptions;
export const actionCaptions: Record<string, string> = vocabulary.actionCaptions;

export const reports = {
  heading: "Báo cáo",
  kind: "Loại báo cáo",
  kindPeriodic: "Báo cáo kết quả thực hiện CCHC",
  kindStats: "Biểu số 06/VPCP/KSTT",
  kindAssessment: "Báo cáo tự đánh giá Chỉ số CCHC",
  period: "Kỳ báo cáo",
  year: "Năm",
  savePdf: "Lưu PDF",
  pdfType: "Tệp PDF",
  fileNamePeriodic: "bao-cao-cchc",
  fileNameStats: "bieu-06",
  fileNameAssessment: "bao-cao-tu-danh-gia",
  print: "In",
  issue: "Cấp số, phát hành",
  issueNote:
    "Báo cáo sẽ được ghi vào sổ văn bản đi với số tiếp theo của năm và ngày hôm nay; sau khi phát hành, nội dung các mục không sửa được nữa và bản in (kể cả các phụ lục) được giữ nguyên như lúc phát hành.",
  issueUnfilled:
    "Các mục sau còn chỗ đánh dấu “[Cần bổ sung: …]” chưa được điền; nếu phát hành bây giờ, chỗ đó sẽ được in nguyên như vậy:",
  issueAnyway: "Vẫn phát hành",
  issued: "Đã phát hành: số {number} ngày {date}.",
  issuedAs: "Đã phát hành số {number} ngày {date}",
  draft: "Bản dự thảo (chưa cấp số)",
  saved: "Đã lưu {path} ({kb} KB).",
  sections: "Nội dung các mục",
  sectionsHint:
    "Mỗi mục được viết sẵn từ số liệu trong sổ; sửa trực tiếp, nội dung sửa được lưu khi rời khỏi ô và được giữ khi in lại.",
  edited: "Đã sửa",
  fromRegister: "Viết từ sổ",
  reset: "Dùng lại bản viết từ sổ",
  pages: "{count} trang",
  pageLabel: "Trang {n}",
  zoomIn: "Phóng to bản xem trước",
  zoomOut: "Thu nhỏ bản xem trước",
  zoomFit: "Vừa khổ ({percent} %)",
  hideSections: "Ẩn các mục để xem rộng",
  showSections: "Hiện các mục để sửa",
};


// ---- Report files for the superior level: sending (the ward) and the roll-up (the superior level) ----

export const workCopies = {
  nav: "Làm việc ở máy khác",
  heading: "Làm việc ở máy khác",
  intro:
    "Khi phải làm việc ở nhà hoặc ở máy khác (dịch bệnh, bão lũ, mất điện), lấy một bản làm việc cho từng người. Mỗi người gửi thay đổi về bằng tệp (USB, thư điện tử, Zalo); cơ quan xem trước rồi nhập vào sổ, mọi chỗ khác nhau đều được hiện ra để người dùng chọn.",
  banner: "Bản làm việc của {person}, lấy ngày {date}. Sổ chính thức ở cơ quan; không ban hành văn bản, không gửi báo cáo từ bản này.",
  bannerAction: "Gửi thay đổi về cơ quan",
  takeHeading: "Lấy bản làm việc cho một người",
  takeHint: "Bản làm việc chứa toàn bộ sổ lúc lấy. Người nhận mở tệp bằng chương trình này trên máy của mình (màn hình đầu tiên, “Mở bản làm việc”).",
  person: "Họ và tên người giữ bản làm việc",
  evidence: "Tệp tài liệu kiểm chứng kèm theo",
  evidenceAll: "Kèm tất cả ({count} tệp)",
  evidenceNone: "Không kèm (bản làm việc nhỏ hơn; các tài liệu vẫn có trong danh sách)",
  evidenceChosen: "Chỉ kèm các tệp được chọn",
  evidenceNoFiles: "Chưa có tài liệu kiểm chứng nào có tệp đính kèm.",
  path: "Lưu tệp tại",
  choose: "Chọn nơi lưu…",
  chooseTitle: "Lưu bản làm việc",
  fileType: "Bản làm việc",
  take: "Lấy bản làm việc",
  taken: "Đã ghi bản làm việc của {person} ({kb} KB, {files} tệp tài liệu kiểm chứng).",
  sendHeading: "Gửi thay đổi về cơ quan",
  sendInfo: "Bản làm việc của {person}, lấy ngày {date}; đã gửi {sent} tệp thay đổi.",
  pending: "{count} bản ghi thay đổi chưa gửi:",
  nothingPending: "Chưa có thay đổi nào kể từ lần gửi trước.",
  sendChooseTitle: "Lưu tệp thay đổi",
  changesType: "Tệp thay đổi",
  send: "Ghi tệp thay đổi",
  sent: "Đã ghi tệp thay đổi số {sequence} ({changes} bản ghi, {files} tệp tài liệu kiểm chứng). Hãy gửi tệp này về cơ quan.",
  mergeHeading: "Nhập thay đổi từ bản làm việc",
  mergeHint: "Chọn tệp thay đổi (.cchctd) nhận được. Chương trình cho xem trước mọi thay đổi; chưa ghi gì cho đến khi bấm “Ghi vào sổ”.",
  mergePath: "Tệp thay đổi",
  mergeChoose: "Chọn tệp…",
  mergeChooseTitle: "Chọn tệp thay đổi (.cchctd)",
  preview: "Xem trước",
  previewOf: "Tệp thay đổi số {sequence} của bản làm việc của {person} (lấy ngày {taken}, ghi ngày {written}).",
  alreadyMerged: "Tệp này đã được nhập trước đây; nhập lại không thay đổi gì.",
  items: "{count} thay đổi sẽ được ghi",
  noItems: "Không có thay đổi nào cần ghi ngoài các chỗ khác nhau bên dưới.",
  unchanged: "{count} thay đổi sổ đã có sẵn (không cần ghi).",
  colAction: "Thay đổi",
  colKind: "Loại bản ghi",
  colRecord: "Bản ghi",
  colDetail: "Nội dung (sổ hiện tại → bản làm việc)",
  conflicts: "{count} chỗ khác nhau cần chọn",
  conflictsHint: "Cùng một nội dung đã được sửa khác nhau ở cơ quan và trong bản làm việc. Chọn giữ bản nào cho từng chỗ.",
  noConflicts: "Không có chỗ nào khác nhau giữa sổ của cơ quan và bản làm việc.",
  office: "Sổ của cơ quan",
  copy: "Bản làm việc ({person})",
  keepOffice: "Giữ của cơ quan",
  takeCopy: "Lấy theo bản làm việc",
  keepOfficeAll: "Giữ của cơ quan cho tất cả",
  deletedThere: "Bản làm việc đã xóa bản ghi này, cơ quan đã sửa nó",
  deletedHere: "Cơ quan đã xóa bản ghi này, bản làm việc đã sửa nó",
  deleted: "(đã xóa)",
  chooseAll: "Còn {count} chỗ khác nhau chưa chọn.",
  apply: "Ghi vào sổ",
  merged: "Đã nhập tệp thay đổi số {sequence} của {person}: {applied} bản ghi được ghi, {conflicts} chỗ khác nhau ({copy} lấy theo bản làm việc). Đã sao lưu sổ trước khi nhập.",
  empty: "(trống)",
  officeOnly: "Sổ đang mở là bản làm việc: lấy bản làm việc và nhập thay đổi chỉ làm ở sổ của cơ quan.",
};

export const changeActionLabels: Record<ChangeAction, string> = {
  added: "Thêm",
  edited: "Sửa",
  deleted: "Xóa",
};

export const packageNav = {
  send: "Gửi báo cáo",
  rollup: "Tổng hợp báo cáo",
};

export const sendReport = {
  heading: "Gửi báo cáo lên cấp trên",
  intro:
    "Xuất số liệu của kỳ báo cáo ra một tệp báo cáo .cchcbc để gửi cấp trên (qua USB hoặc thư điện tử). Tệp đã xuất được giữ nguyên; nếu sửa số liệu rồi xuất lại, chương trình tạo lần gửi mới thay cho lần trước.",
  period: "Kỳ báo cáo",
  kind: "Loại kỳ",
  year: "Năm",
  approver: "Người phê duyệt",
  approverHint: "Để trống thì dùng người ký trong thông tin đơn vị ({name}).",
  path: "Lưu tệp tại",
  pathHint: "Bấm “Chọn nơi lưu…” hoặc dán đường dẫn đầy đủ của tệp, ví dụ trên ổ USB.",
  choose: "Chọn nơi lưu…",
  chooseTitle: "Lưu tệp báo cáo",
  fileType: "Tệp báo cáo gửi cấp trên",
  defaultName: "bao-cao-cchc-{unit}-{period}.cchcbc",
  export: "Xuất tệp báo cáo",
  exported: "Đã xuất báo cáo {period} (lần gửi thứ {revision}) ra tệp {path}.",
  reused:
    "Số liệu {period} chưa thay đổi từ lần xuất trước: đã ghi lại đúng tệp lần gửi thứ {revision} ra {path}.",
  supersedes: "Lần gửi này thay cho lần gửi thứ {revision} đã gửi trước đó.",
  hash: "Mã kiểm tra SHA-256: {hash}… (cấp trên có thể đối chiếu khi nhận).",
  warnings: "Số liệu có cảnh báo (không ngăn việc gửi):",
  refused: "Chưa xuất được tệp, chưa ghi gì; hãy sửa những điểm sau rồi xuất lại:",
  needCode:
    "Tệp báo cáo cần mã đơn vị để cấp trên nhận biết: vào “Tổng quan”, chọn “Sửa thông tin đơn vị” và nhập mã đơn vị.",
  sentHeading: "Các tệp đã gửi",
  sentNone: "Đơn vị chưa xuất tệp báo cáo nào.",
  colPeriod: vocabulary.headers.period,
  colRevision: vocabulary.headers.revision,
  colCreated: vocabulary.headers.exportedAt,
  colApprover: vocabulary.headers.approver,
  colHash: "Mã kiểm tra",
  colSize: "Dung lượng",
  kb: "{kb} KB",
};

export const fileClassLabels: Record<FileClass, string> = {
  new: "Mới",
  identical: "Đã nhận trước đó (giống hệt)",
  revision: "Bản sửa đổi mới hơn",
  stale: "Bản cũ hơn bản đã nhận",
  conflict: "Xung đột với bản đã nhận",
  refused: "Bị từ chối",
};

export const receivedStatusLabels: Record<ReceivedStatus, string> = {
  current: "Đang dùng",
  superseded: "Đã có bản sửa đổi",
  stale: "Bản cũ (cần xem lại)",
  conflict: "Xung đột (cần xem lại)",
};

export const unitReportStatusLabels: Record<UnitReportStatus, string> = {
  on_time: "Đúng hạn",
  late: "Quá hạn",
  missing: "Chưa gửi",
};

/** The printed reports inside a report file (`reports/<kind>.pdf`), by kind. */
export const reportFileLabels: Record<string, string> = {
  periodic: "Báo cáo kết quả thực hiện công tác CCHC (PDF)",
  stats: "Biểu số 06/VPCP/KSTT (PDF)",
  assessment: "Báo cáo tự đánh giá chỉ số CCHC (PDF)",
};

export const rollup = {
  heading: "Tổng hợp báo cáo của các đơn vị",
  intro:
    "Dành cho cấp trên: nhận tệp báo cáo (.cchcbc) của các xã, phường, theo dõi đơn vị nào đã gửi, gửi đúng hạn hay quá hạn, và cộng số liệu Biểu 06.",
  tabSummary: "Tổng hợp theo kỳ",
  tabReceive: "Nhận tệp báo cáo",
  tabReceived: "Báo cáo đã nhận",
  tabUnits: "Danh sách đơn vị",
  // The roll-up
  deadline: "Hạn gửi {date}",
  counts:
    "{expected} đơn vị trong danh sách: {on_time} gửi đúng hạn, {late} gửi quá hạn, {missing} chưa gửi.",
  unexpected: "{count} đơn vị gửi báo cáo nhưng không có trong danh sách.",
  noUnits:
    "Chưa có đơn vị nào: hãy nhập danh sách đơn vị thuộc phạm vi tổng hợp (thẻ “Danh sách đơn vị”) hoặc nhận tệp báo cáo.",
  colCode: vocabulary.headers.code,
  colUnit: vocabulary.headers.unit,
  colStatus: vocabulary.headers.status,
  colRevision: vocabulary.headers.revision,
  colReceived: "Ngày nhận",
  colProcedures: vocabulary.headers.procedures,
  colOnTime: vocabulary.headers.onTime,
  colOnline: vocabulary.headers.online,
  colStaff: vocabulary.headers.staff,
  colIso: vocabulary.headers.iso,
  colPlan: vocabulary.headers.plan,
  colScore: vocabulary.headers.score,
  colScorePercent: vocabulary.headers.scorePercent,
  colGrade: vocabulary.headers.grade,
  colRank: vocabulary.headers.rank,
  notListed: "ngoài danh sách",
  flagged: "{count} tệp cần xem lại",
  isoNone: "Chưa áp dụng",
  isoAnnounced: "Đã công bố",
  isoChecks: "Đánh giá nội bộ: {audits}; xem xét: {reviews}",
  isoNotAnnounced: "Chưa công bố",
  bieu06Heading: "Biểu 06 cộng các đơn vị",
  bieu06None: "Chưa có số liệu của đơn vị nào trong kỳ này.",
  colField: "Lĩnh vực",
  colReceivedTotal: "Tiếp nhận",
  colReceivedOnline: "Trực tuyến",
  colResolved: "Đã giải quyết",
  colResolvedOnTime: "Trước hạn, đúng hạn",
  colResolvedLate: "Quá hạn",
  colInProgress: "Đang giải quyết",
  total: "Tổng cộng",
  rates: "Tỷ lệ giải quyết đúng hạn: {on_time}; tỷ lệ nộp trực tuyến: {online}.",
  noRate: "chưa có",
  export: "Xuất bảng tổng hợp ra Excel",
  exportDefaultName: "tong-hop-bao-cao-{period}.xlsx",
  exported: "Đã xuất bảng tổng hợp {period} ra tệp {path}.",
  open: "Xem",
  // Receiving files
  receiveIntro:
    "Chọn các tệp báo cáo .cchcbc (hoặc cả thư mục, ví dụ ổ USB) rồi bấm “Kiểm tra”: chương trình kiểm tra từng tệp, chưa ghi gì. Sau đó bấm “Nhận các tệp” để ghi các tệp hợp lệ vào sổ.",
  paths: "Tệp hoặc thư mục",
  pathsHint: "Mỗi dòng một tệp báo cáo (.cchcbc, hoặc .cchc của bản cũ) hoặc một thư mục; có thể dán đường dẫn.",
  chooseFiles: "Chọn tệp…",
  chooseFilesTitle: "Chọn các tệp báo cáo (.cchcbc, hoặc .cchc của bản cũ)",
  chooseFolder: "Chọn thư mục…",
  chooseFolderTitle: "Chọn thư mục chứa các tệp báo cáo",
  fileType: "Tệp báo cáo (.cchcbc)",
  check: "Kiểm tra",
  checking: "Đang kiểm tra các tệp…",
  apply: "Nhận các tệp",
  again: "Kiểm tra lại",
  clear: "Làm lại",
  colFile: vocabulary.headers.file,
  colPeriod: vocabulary.headers.period,
  colClass: vocabulary.headers.checkResult,
  previewSummary: "{files} tệp: {parts}.",
  nothingToWrite: "Không có tệp nào cần ghi vào sổ.",
  willWrite: "Sẽ ghi {count} tệp vào sổ; tệp bị từ chối không được ghi.",
  dryRunNote: "Đây là kết quả kiểm tra, chưa ghi gì vào sổ.",
  applied: "Đã ghi {written} tệp vào sổ; mọi tệp nhận được đều được lưu nguyên bản trong thư mục lưu trữ.",
  appliedNone: "Không có gì thay đổi: các tệp đã được nhận trước đó hoặc bị từ chối.",
  noFiles: "Không tìm thấy tệp báo cáo (.cchcbc, .cchc) nào ở các đường dẫn đã chọn.",
  // Received reports
  periodFilter: "Kỳ",
  allPeriods: "Tất cả các kỳ",
  receivedNone: "Chưa nhận báo cáo nào.",
  colReceivedAt: vocabulary.headers.receivedAt,
  colFileName: vocabulary.headers.fileName,
  detailTitle: "Báo cáo của {unit}",
  detailManifest: "Thông tin tệp",
  detailFigures: "Số liệu chính",
  detailFiles: "Văn bản và tài liệu kèm theo",
  evidenceFile: "Tài liệu kiểm chứng {hash}",
  evidenceFileNamed: "Tài liệu kiểm chứng: {title} ({name})",
  evidenceFileType: "Tài liệu kiểm chứng",
  pdfFileType: "Tệp PDF",
  bytes: "byte",
  saveFile: "Lưu ra tệp…",
  entrySaved: "Đã lưu {file} ra tệp {path}.",
  fUnit: "Đơn vị",
  fProvince: "Tỉnh, thành phố",
  fPeriod: "Kỳ báo cáo",
  fRevision: "Lần gửi",
  fStatus: "Tình trạng",
  fCreated: "Thời điểm xuất",
  fApprover: "Người phê duyệt",
  fApproved: "Thời điểm phê duyệt",
  fReceived: "Thời điểm nhận",
  fFile: "Tệp",
  fHash: "Mã kiểm tra SHA-256",
  fProgram: "Phiên bản chương trình / định dạng",
  fReportId: "Mã báo cáo",
  fSupersedes: "Thay cho báo cáo",
  fProcedures: "Thủ tục hành chính đang áp dụng",
  fReceivedCases: "Hồ sơ tiếp nhận (trực tuyến)",
  fResolved: "Hồ sơ đã giải quyết (quá hạn)",
  fOnTime: "Tỷ lệ giải quyết đúng hạn",
  fOnline: "Tỷ lệ nộp trực tuyến",
  fStaff: "Biên chế được giao / số có mặt",
  fIso: "ISO 9001",
  fPlan: "Nhiệm vụ CCHC hoàn thành",
  planOf: "{done}/{tasks} ({rate})",
  accept: "Dùng báo cáo này khi tổng hợp",
  acceptHint:
    "Báo cáo này cũ hơn hoặc xung đột với báo cáo đang dùng. Sau khi đã xem kỹ, có thể chọn nó làm báo cáo được dùng của đơn vị trong kỳ; báo cáo đang dùng chuyển thành bản đã thay, không xóa gì.",
  accepted: "Đã chọn lần gửi thứ {revision} của {unit} làm báo cáo được dùng khi tổng hợp {period}.",
  // Expected units
  unitsIntro:
    "Danh sách xã, phường thuộc phạm vi tổng hợp (cột “Mã đơn vị”, “Tên đơn vị”); dùng để biết đơn vị nào chưa gửi báo cáo.",
  unitsCount: "{count} đơn vị",
  unitsNone: "Chưa có danh sách đơn vị.",
  unitsImport: "Nhập danh sách từ Excel/CSV",
  unitsExport: "Xuất danh sách ra Excel",
  unitsDefaultName: "danh-sach-don-vi.xlsx",
  unitsExported: "Đã xuất {count} đơn vị ra tệp {path}.",
  unitsImported: "Đã nhập danh sách đơn vị: {added} thêm mới, {updated} cập nhật, {unchanged} không đổi.",
};


// ---- The yearly self-assessment (tự đánh giá, chấm điểm chỉ số CCHC) ----

export const stageLabels: Record<Stage, string> = {
  draft: "Đang tự chấm",
  self_locked: "Đã chốt điểm tự chấm",
  appraisal1: "Thẩm định lần 1",
  explanation: "Giải trình",
  appraisal2: "Thẩm định lần 2",
  final: "Kết quả cuối cùng",
};

export const assessmentColumnLabels: Record<AssessmentColumn, string> = {
  self_score: "Tự chấm",
  round1: "Sau thẩm định lần 1",
  round2: "Sau thẩm định lần 2",
};

/** Document types of evidence, by the code the register keeps. */
export const evidenceKindLabels: Record<string, string> = {
  QĐ: "QĐ – Quyết định",
  KH: "KH – Kế hoạch",
  BC: "BC – Báo cáo",
  TB: "TB – Thông báo",
  CV: "CV – Công văn",
  BB: "BB – Biên bản",
  QC: "QC – Quy chế",
  KHÁC: "Tài liệu khác",
};

export const assessment = {
  nav: "Tự đánh giá chỉ số CCHC",
  heading: "Tự đánh giá, chấm điểm chỉ số CCHC",
  year: "Năm",
  importCriteria: "Nhập bộ chỉ số của tỉnh",
  compare: "So sánh với năm trước",
  report: "Báo cáo tự đánh giá",
  none: "Chưa có phiếu tự đánh giá năm {year}.",
  noneHint: "Chọn bộ chỉ số rồi bắt đầu; điểm tối đa, cách chấm và hạn gửi lấy theo bộ chỉ số đã chọn.",
  criteria: "Bộ chỉ số",
  bundled: "bộ mẫu kèm chương trình",
  setOption: "{name}, phiên bản {version} ({origin})",
  importedFrom: "nhập từ tệp {source}",
  start: "Bắt đầu tự đánh giá năm {year}",
  started: "Đã tạo phiếu tự đánh giá năm {year}.",
  setLine: "{name}, phiên bản {version}",
  deadline: "Hạn gửi kết quả tự đánh giá: {date}",
  stage: "Quy trình",
  lockedBy: "Chốt điểm ngày {date}, lãnh đạo: {leader}",
  lock: "Chốt điểm tự chấm…",
  advance: "Chuyển sang bước “{stage}”",
  unlock: "Mở khóa…",
  readOnly:
    "Bước “{stage}”: điểm tự chấm, tài liệu và giải trình chỉ xem, không sửa được. Mở khóa (ghi rõ lý do) nếu cần sửa.",
  appraisalHint: "Nhập điểm của đoàn thẩm định ({round}) vào cột của vòng này, theo kết quả được gửi về.",
  explanationHint:
    "Ghi giải trình với đoàn thẩm định cho các tiêu chí bị trừ điểm (chọn tiêu chí trong bảng); có thể gắn thêm tài liệu kiểm chứng.",
  finalHint: "Đã có kết quả cuối cùng; phiếu chỉ xem.",
  totals: "Tổng điểm",
  totalValue: "{total} / {scale} điểm",
  percentValue: "{percent} %",
  noPercent: "chưa tính được",
  noClass: "chưa xếp loại",
  classLabel: "Xếp loại: {label}",
  totalDetail: "Thẩm định {appraised}/{appraisedMax} · điều tra {survey}/{surveyMax} · thưởng {bonus} · trừ {penalty}",
  totalDetailSelf:
    "Tự chấm {appraised}/{appraisedMax} (điểm điều tra xã hội học do tỉnh chấm) · thưởng {bonus} · trừ {penalty}",
  colCode: vocabulary.headers.code,
  colText: "Lĩnh vực, tiêu chí",
  colMax: vocabulary.headers.max,
  colSuggested: vocabulary.headers.suggested,
  colSelf: vocabulary.headers.selfScore,
  colRound1: "Thẩm định lần 1",
  colRound2: "Thẩm định lần 2",
  colNa: "Không phát sinh",
  gridHint:
    "Gõ điểm vào ô “Tự chấm” rồi nhấn Enter hoặc Tab: điểm được lưu ngay (ví dụ 1,5 hoặc 0,25). Esc để bỏ số đang gõ. Chọn một dòng để xem cách tính, tài liệu kiểm chứng và giải trình.",
  suggest: "Áp dụng điểm gợi ý từ sổ",
  suggestHint: "Tính điểm gợi ý từ số liệu trong sổ và điền vào các tiêu chí chưa chấm.",
  suggested: "Đã tính điểm gợi ý cho {count} tiêu chí; các tiêu chí chưa chấm đã được điền điểm gợi ý.",
  promptBadge: "Cần tài liệu hoặc giải trình",
  naShort: "không phát sinh",
  showTrace: "Xem cách tính điểm gợi ý",
  detailEmpty: "Chọn một tiêu chí trong bảng để xem cách chấm, điểm gợi ý, tài liệu kiểm chứng và giải trình.",
  detailHeading: "Tiêu chí {code}",
  rule: "Cách chấm",
  guidance: "Hướng dẫn",
  expectedEvidence: "Tài liệu kiểm chứng cần có",
  trace: "Cách tính điểm gợi ý",
  noSuggestion: "Tiêu chí này không có điểm gợi ý từ sổ.",
  explainPrompt:
    "Đã tự chấm {points} điểm nhưng chưa có tài liệu kiểm chứng: hãy gắn tài liệu hoặc ghi giải trình vào ô dưới đây.",
  explanation: "Giải trình (khi không có tài liệu kiểm chứng)",
  reply: "Giải trình với đoàn thẩm định",
  explanationSaveHint: "Lưu khi rời khỏi ô (hoặc Ctrl+Enter).",
  overrideReason: "Lý do chấm khác điểm gợi ý",
  overrideHint: "Điểm gợi ý là {suggested}. Ghi lý do rồi rời khỏi ô để lưu điểm {points}.",
  appraisalNote: "Ghi chú của đoàn thẩm định",
  linked: "Tài liệu kiểm chứng đã gắn",
  noLinked: "Chưa gắn tài liệu nào.",
  unlinkDoc: "Bỏ gắn",
  linkExisting: "Gắn tài liệu đã có",
  chooseDoc: "Chọn tài liệu…",
  link: "Gắn",
  addDocFor: "Thêm tài liệu mới",
  findings: "Vấn đề cần xử lý trước khi chốt điểm",
  moreFindings: "và {count} vấn đề khác",
  noFindings: "Không còn vấn đề nào: đã chấm đủ, mọi điểm đều có tài liệu kiểm chứng hoặc giải trình.",
  evidence: "Tài liệu kiểm chứng",
  evidenceHint:
    "Một tài liệu có thể dùng cho nhiều tiêu chí. Tệp đính kèm được sao vào thư mục lưu trữ bên cạnh sổ (tối đa 20 MB).",
  addDoc: "Thêm tài liệu",
  noDocs: "Sổ chưa có tài liệu kiểm chứng nào.",
  docKind: "Loại văn bản",
  docNumber: "Số, ký hiệu",
  docDate: "Ngày ban hành",
  docIssuer: "Cơ quan ban hành",
  docTitle: "Trích yếu",
  docFile: "Tệp đính kèm",
  docLeaves: "Dùng cho tiêu chí",
  docFileChoose: "Chọn tệp đính kèm (không bắt buộc)",
  docNoFile: "Chưa chọn tệp",
  docNumberHint: "Ví dụ 25/KH-UBND",
  addDocHeading: "Thêm tài liệu kiểm chứng",
  linkTo: "Thêm xong thì gắn vào tiêu chí {code}",
  fileSize: "{kb} KB",
  lockHeading: "Chốt điểm tự chấm năm {year}",
  lockIntro:
    "Sau khi chốt, điểm tự chấm, tài liệu và giải trình không sửa được nữa (trừ khi mở khóa, có ghi lý do).",
  leader: "Lãnh đạo chốt điểm",
  lockOn: "Ngày chốt (dd/mm/yyyy)",
  lockConfirm: "Chốt điểm",
  lockRefused: "Chưa chốt được: còn {count} vấn đề phải xử lý.",
  locked: "Đã chốt điểm tự chấm năm {year}.",
  unlockHeading: "Mở khóa bước “{stage}”",
  unlockIntro:
    "Phiếu sẽ trở lại bước “{previous}” để sửa. Trước khi mở khóa, chương trình sao lưu sổ để giữ lại điểm đã chốt; lý do được ghi vào nhật ký thay đổi.",
  unlockReason: "Lý do mở khóa (bắt buộc)",
  unlockConfirm: "Mở khóa",
  unlocked: "Đã mở khóa; phiếu trở lại bước “{stage}”.",
  advanced: "Phiếu đã chuyển sang bước “{stage}”.",
  importHeading: "Nhập bộ chỉ số của tỉnh",
  importChoose: "Chọn tệp (.json, .xlsx hoặc .csv)",
  importIntro:
    "Chương trình kiểm tra toàn bộ tệp trước và liệt kê mọi vấn đề; chỉ nhận phiên bản mới hơn phiên bản đã có.",
  importSummary: "Tệp “{file}”: {name}, phiên bản {version}, {leaves} tiêu chí chấm điểm.",
  importUnreadable: "Tệp “{file}” không đọc được thành bộ chỉ số.",
  importDone: "Đã nhập bộ chỉ số “{name}”, phiên bản {version}.",
  compareHeading: "So sánh năm {year} với năm {previousYear}",
  compareNone: "Chưa có phiếu tự đánh giá của năm trước để so sánh.",
  colYear: "Năm {year}",
  colChange: "Tăng, giảm",
  notInPrevious: "không có ở năm trước",
  compareTotal: "Tổng điểm",
  compareNote:
    "Điểm mỗi năm là điểm sau thẩm định lần 2, nếu chưa có thì lần 1, nếu chưa có thì điểm tự chấm; chỉ so các tiêu chí cùng mã và cùng điểm tối đa.",
  compareSetsDiffer:
    "Năm {previousYear} chấm theo bộ chỉ số {previousCriteria}, năm {year} theo bộ {criteria}: chỉ so sánh các tiêu chí cùng mã và cùng điểm tối đa; tiêu chí khác ghi “—”.",
  compareOtherMax: "— (tối đa {max})",
};
