//! Captions of stable names: the register's columns and inputs (as findings name them), the columns a kind of record
//! names its own way, the register's tables, what a change-log entry is about, and the 12 figures of Biểu 06.

/// The Biểu 06 groups of columns, as the form heads them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    Received,
    Resolved,
    InProgress,
    Apology,
}

impl Group {
    pub const ALL: [Group; 4] = [Group::Received, Group::Resolved, Group::InProgress, Group::Apology];

    /// The group's heading on the form ("Số hồ sơ nhận giải quyết").
    pub const fn caption(self) -> &'static str {
        match self {
            Group::Received => "Số hồ sơ nhận giải quyết",
            Group::Resolved => "Số hồ sơ đã giải quyết",
            Group::InProgress => "Số hồ sơ đang giải quyết",
            Group::Apology => "Thư xin lỗi",
        }
    }

    /// The group's name in the window's strings (`bieu06.groups.inProgress`).
    pub fn key(self) -> &'static str {
        match self {
            Group::Received => "received",
            Group::Resolved => "resolved",
            Group::InProgress => "inProgress",
            Group::Apology => "apology",
        }
    }
}

/// One figure of Biểu 06 and every name it goes by.
#[derive(Debug, Clone, Copy)]
pub struct Figure {
    /// The stable name (`CaseFigures::columns`).
    pub name: &'static str,
    pub group: Group,
    /// Under its group's heading, as the form prints it ("Trực tuyến").
    pub caption: &'static str,
    /// On its own, as a finding names it ("Nhận: Trực tuyến").
    pub column: &'static str,
    /// The command line's narrow table header ("Nhận\nTrực tuyến").
    pub terminal: &'static str,
}

/// The 12 figures in the form's order.
pub const FIGURES: [Figure; 12] = [
    figure("received_total", Group::Received, "Tổng số", "Nhận: Tổng số", "Nhận\nTổng"),
    figure("received_online", Group::Received, "Trực tuyến", "Nhận: Trực tuyến", "Nhận\nTrực tuyến"),
    figure(
        "received_direct",
        Group::Received,
        "Trực tiếp, bưu chính",
        "Nhận: Trực tiếp, bưu chính",
        "Nhận\nTrực tiếp, BC",
    ),
    figure("carried_over", Group::Received, "Từ kỳ trước", "Nhận: Từ kỳ trước", "Nhận\nKỳ trước"),
    figure("resolved_total", Group::Resolved, "Tổng số", "Đã giải quyết: Tổng số", "Đã GQ\nTổng"),
    figure("resolved_early", Group::Resolved, "Trước hạn", "Đã giải quyết: Trước hạn", "Đã GQ\nTrước hạn"),
    figure("resolved_on_time", Group::Resolved, "Đúng hạn", "Đã giải quyết: Đúng hạn", "Đã GQ\nĐúng hạn"),
    figure("resolved_late", Group::Resolved, "Quá hạn", "Đã giải quyết: Quá hạn", "Đã GQ\nQuá hạn"),
    figure("in_progress_total", Group::InProgress, "Tổng số", "Đang giải quyết: Tổng số", "Đang GQ\nTổng"),
    figure("in_progress_within", Group::InProgress, "Trong hạn", "Đang giải quyết: Trong hạn", "Đang GQ\nTrong hạn"),
    figure("in_progress_overdue", Group::InProgress, "Quá hạn", "Đang giải quyết: Quá hạn", "Đang GQ\nQuá hạn"),
    figure("apology_letters", Group::Apology, "Đã gửi", "Thư xin lỗi", "Thư xin lỗi"),
];

/// The captions of the figures under one group heading, in the form's order.
pub fn group_captions(group: Group) -> impl Iterator<Item = &'static str> {
    FIGURES.iter().filter(move |f| f.group == group).map(|f| f.caption)
}

/// Captions of stable column and input names, besides the figures of Biểu 06.
pub const COLUMNS: &[(&str, &str)] = &[
    ("person", "Người giữ bản làm việc"),
    ("code", "Mã thủ tục"),
    ("unit_code", "Mã đơn vị"),
    ("name", "Tên"),
    ("valid_until", "Áp dụng đến ngày"),
    ("field", "Lĩnh vực"),
    ("procedure", "Mã thủ tục"),
    ("period", "Kỳ báo cáo"),
    ("processing_time", "Thời hạn giải quyết"),
    ("fee", "Phí, lệ phí"),
    ("legal_bases", "Căn cứ pháp lý"),
    ("announcement", "Quyết định công bố"),
    ("status", "Tình trạng"),
    ("replaced_by", "Thay thế bởi"),
    ("online_level", "Mức độ dịch vụ công trực tuyến"),
    ("one_stop", "Một cửa"),
    ("interlinked", "Một cửa liên thông"),
    ("postal", "Qua bưu chính"),
    ("boundary_free", "Không phụ thuộc địa giới hành chính"),
    ("internal_process", "Quy trình nội bộ"),
    ("in_iso_scope", "Phạm vi ISO 9001"),
    ("kind", "Loại"),
    ("province", "Tỉnh, thành phố"),
    ("superior_line", "Dòng cơ quan chủ quản"),
    ("issuer_line", "Dòng cơ quan ban hành"),
    ("place_name", "Địa danh"),
    ("user_name", "Người sử dụng"),
    ("start", "Từ ngày"),
    ("end", "Đến ngày"),
    ("deadline", "Thời hạn"),
    ("date", "Ngày"),
    ("due", "Hạn hoàn thành"),
    ("description", "Mô tả"),
    ("procedures", "Thủ tục"),
    ("owner", "Người thực hiện"),
    ("done", "Ngày hoàn thành"),
    ("effectiveness_checked", "Ngày kiểm tra hiệu lực"),
    ("audit", "Ngày đánh giá nội bộ"),
    ("review", "Ngày xem xét của lãnh đạo"),
    ("year", "Năm"),
    ("category", "Loại cán bộ, công chức"),
    ("quota", "Biên chế được giao"),
    ("count", "Số người"),
    ("meeting_standard", "Số người đạt chuẩn"),
    ("joined", "Ngày vào"),
    ("left", "Ngày thôi"),
    ("number", "Số, ký hiệu"),
    ("plan", "Kế hoạch"),
    ("area", "Lĩnh vực CCHC"),
    ("content", "Nội dung nhiệm vụ"),
    ("percent", "Tỷ lệ hoàn thành (%)"),
    ("leader", "Lãnh đạo chốt điểm"),
    ("criterion", "Mã tiêu chí"),
    ("reason", "Lý do"),
    ("title", "Trích yếu"),
    ("evidence_kind", "Loại văn bản"),
    ("file", "Tệp"),
    ("urn", "Mã bộ chỉ số"),
    ("version", "Phiên bản"),
    ("scale", "Thang điểm"),
    ("appraised_share", "Điểm thẩm định"),
    ("survey_share", "Điểm điều tra xã hội học"),
    ("bonus_cap", "Điểm thưởng tối đa"),
    ("penalty_cap", "Điểm trừ tối đa"),
    ("bands", "Xếp loại"),
    ("format", "Định dạng tệp"),
    ("self_assessment_deadline", "Hạn tự đánh giá"),
    ("text", "Nội dung"),
    ("max", "Điểm tối đa"),
    ("scope", "Đối tượng áp dụng"),
    ("rule", "Cách chấm"),
    ("rule_bands", "Mức điểm"),
    ("part", "Phần"),
    ("metric", "Chỉ số từ sổ"),
    ("evidence", "Tài liệu kiểm chứng"),
    ("guidance", "Hướng dẫn"),
    ("children", "Tiêu chí con"),
    ("areas", "Các lĩnh vực"),
    ("normalisation", "Cách tính"),
    ("decision", "Quyết định ban hành"),
    ("years", "Năm áp dụng"),
    ("note", "Ghi chú"),
];

/// Columns a kind of record names otherwise than the common caption (a task's `deadline` is its completion deadline).
pub const ENTITY_COLUMNS: &[(&str, &str, &str)] = &[
    ("task", "deadline", "Thời hạn hoàn thành"),
    ("task", "plan", "Kế hoạch"),
    ("task", "owner", "Đơn vị, người thực hiện"),
    ("period", "deadline", "Hạn gửi báo cáo"),
    ("period_setting", "deadline", "Hạn gửi báo cáo"),
    ("plan", "number", "Số, ký hiệu kế hoạch"),
    ("plan", "date", "Ngày ban hành kế hoạch"),
    ("plan", "kind", "Loại kế hoạch"),
    ("plan", "year", "Năm của kế hoạch"),
    ("person", "name", "Họ và tên"),
    ("person", "category", "Loại cán bộ, công chức"),
    ("unit", "name", "Tên đơn vị"),
    ("unit", "kind", "Loại đơn vị"),
    ("iso_announcement", "number", "Số quyết định công bố"),
    ("iso_announcement", "date", "Ngày quyết định công bố"),
    ("iso_announcement", "procedures", "Thủ tục thuộc phạm vi áp dụng"),
    ("iso_nonconformity", "due", "Hạn hoàn thành hành động khắc phục"),
    ("iso_action", "due", "Hạn hoàn thành hành động khắc phục"),
    ("iso_action", "content", "Nội dung hành động"),
    ("iso_report", "number", "Số báo cáo"),
    ("staff_category", "code", "Mã loại"),
    ("staff_category", "name", "Tên loại cán bộ, công chức"),
    ("staff_category", "valid_until", "Áp dụng đến ngày"),
    ("reform_area", "code", "Mã lĩnh vực"),
    ("reform_area", "name", "Tên lĩnh vực"),
    // The records a merge shows field by field (every column of a mergeable table, `register::sync`).
    ("unit", "id", "Mã bản ghi"),
    ("unit", "signer_name", "Người ký"),
    ("unit", "signer_title", "Chức vụ người ký"),
    ("unit", "signer_authority", "Thẩm quyền ký"),
    ("unit", "recipients", "Kính gửi"),
    ("unit", "copies_to", "Nơi nhận"),
    ("period_setting", "start_date", "Ngày bắt đầu lấy số liệu"),
    ("period_setting", "end_date", "Ngày kết thúc lấy số liệu"),
    ("staff_category", "position", "Thứ tự"),
    ("reform_area", "position", "Thứ tự"),
    ("procedure", "time_amount", "Thời hạn giải quyết"),
    ("procedure", "time_unit", "Đơn vị thời hạn giải quyết"),
    ("procedure", "announcement_number", "Số quyết định công bố"),
    ("procedure", "announcement_date", "Ngày quyết định công bố"),
    ("procedure", "internal_process_number", "Số quyết định quy trình nội bộ"),
    ("procedure", "internal_process_date", "Ngày quyết định quy trình nội bộ"),
    ("procedure", "retired_on", "Ngày ngừng áp dụng"),
    ("case_stats", "procedure_id", "Thủ tục"),
    ("staff_quota", "basis_number", "Số văn bản giao biên chế"),
    ("staff_quota", "basis_date", "Ngày văn bản giao biên chế"),
    ("person", "position", "Chức danh"),
    ("person", "rank", "Ngạch"),
    ("person", "left_on", "Ngày thôi việc"),
    ("person", "qualification_level", "Trình độ chuyên môn"),
    ("person", "qualification_field", "Chuyên ngành"),
    ("person", "political_theory", "Lý luận chính trị"),
    ("person", "state_management", "Quản lý nhà nước"),
    ("person", "standard_met", "Đạt chuẩn"),
    ("person", "standard_deadline", "Hạn đạt chuẩn"),
    ("task", "plan_id", "Kế hoạch"),
    ("task", "expected_output", "Sản phẩm"),
    ("iso_system", "id", "Mã bản ghi"),
    ("iso_scope", "announcement_id", "Quyết định công bố"),
    ("iso_scope", "procedure_code", "Mã thủ tục"),
    ("iso_audit", "findings", "Kết quả đánh giá"),
    ("iso_nonconformity", "audit_id", "Đợt đánh giá nội bộ"),
    ("iso_review", "decisions", "Kết luận"),
    ("iso_action", "nonconformity_id", "Điểm không phù hợp"),
    ("iso_action", "review_id", "Cuộc xem xét của lãnh đạo"),
    ("iso_action", "done_on", "Ngày hoàn thành"),
    ("iso_legal_change", "effective", "Ngày có hiệu lực"),
    ("iso_legal_change", "done_on", "Ngày cập nhật xong"),
    ("criteria_set", "json", "Nội dung bộ chỉ số"),
    ("criteria_set", "source", "Nguồn"),
    ("assessment", "criteria_set_id", "Bộ chỉ số"),
    ("assessment", "stage", "Bước"),
    ("assessment", "locked_on", "Ngày chốt"),
    ("assessment_score", "assessment_id", "Năm đánh giá"),
    ("assessment_score", "self_points", "Điểm tự chấm"),
    ("assessment_score", "not_applicable", "Không áp dụng"),
    ("assessment_score", "explanation", "Giải trình"),
    ("assessment_score", "suggested", "Điểm gợi ý từ sổ"),
    ("assessment_score", "trace", "Cách tính điểm gợi ý"),
    ("assessment_score", "override_reason", "Lý do chấm khác gợi ý"),
    ("assessment_score", "round1", "Điểm thẩm định"),
    ("assessment_score", "round1_note", "Nhận xét thẩm định"),
    ("assessment_score", "reply", "Ý kiến của đơn vị"),
    ("assessment_score", "round2", "Điểm thẩm định lại"),
    ("assessment_score", "round2_note", "Nhận xét thẩm định lại"),
    ("evidence", "issuer", "Cơ quan ban hành"),
    ("evidence", "file_sha256", "Mã kiểm tra tệp (SHA-256)"),
    ("evidence", "file_name", "Tên tệp"),
    ("evidence", "file_size", "Kích thước tệp (byte)"),
    ("evidence_link", "assessment_id", "Năm đánh giá"),
    ("evidence_link", "evidence_id", "Tài liệu kiểm chứng"),
    ("report_section", "report_kind", "Loại báo cáo"),
    ("report_section", "section", "Mục"),
];

/// The register's tables, for the restore preview and the change log.
pub const TABLES: &[(&str, &str)] = &[
    ("unit", "Thông tin đơn vị"),
    ("period_setting", "Thời gian kỳ báo cáo"),
    ("procedure", "Thủ tục hành chính"),
    ("case_stats", "Số liệu giải quyết hồ sơ"),
    ("change_log", "Nhật ký thay đổi"),
    ("staff_category", "Loại cán bộ, công chức"),
    ("staff_quota", "Biên chế được giao"),
    ("staff_headcount", "Số có mặt (nhập tổng)"),
    ("person", "Cán bộ, công chức, người lao động"),
    ("plan", "Kế hoạch CCHC"),
    ("reform_area", "Lĩnh vực cải cách"),
    ("task", "Nhiệm vụ"),
    ("iso_system", "ISO 9001: phiên bản"),
    ("iso_announcement", "ISO 9001: quyết định công bố"),
    ("iso_scope", "ISO 9001: phạm vi"),
    ("iso_audit", "ISO 9001: đánh giá nội bộ"),
    ("iso_nonconformity", "ISO 9001: điểm không phù hợp"),
    ("iso_review", "ISO 9001: xem xét của lãnh đạo"),
    ("iso_action", "ISO 9001: hành động"),
    ("iso_legal_change", "ISO 9001: văn bản cần cập nhật"),
    ("iso_report", "ISO 9001: báo cáo năm"),
    ("criteria_set", "Bộ chỉ số CCHC"),
    ("assessment", "Phiếu tự đánh giá chỉ số CCHC"),
    ("assessment_score", "Điểm tự đánh giá, thẩm định"),
    ("evidence", "Tài liệu kiểm chứng"),
    ("evidence_link", "Tài liệu kiểm chứng gắn với tiêu chí"),
    ("package_sent", "Tệp báo cáo đã gửi"),
    ("expected_unit", "Đơn vị thuộc phạm vi tổng hợp"),
    ("package_received", "Báo cáo đã nhận"),
    ("outgoing_document", "Sổ văn bản đi"),
    ("report_section", "Nội dung các mục báo cáo"),
    ("register_identity", "Mã định danh của sổ dữ liệu"),
    ("work_copy", "Thông tin bản làm việc"),
    ("work_copy_base", "Bản làm việc: số liệu lúc lấy hoặc lần gửi trước"),
    ("work_copy_given", "Bản làm việc đã giao"),
    ("changes_merged", "Tệp thay đổi đã nhập"),
];

/// What a change-log entry is about, where the log says it shorter than the table's caption (or it is no table).
pub const ENTITIES: &[(&str, &str)] = &[
    ("procedure", "Thủ tục"),
    ("unit", "Đơn vị"),
    ("period_setting", "Kỳ báo cáo"),
    ("staff_category", "Loại cán bộ, công chức"),
    ("reform_area", "Lĩnh vực CCHC"),
    ("case_stats", "Số liệu hồ sơ"),
    ("staff_quota", "Biên chế"),
    ("staff_headcount", "Số có mặt"),
    ("person", "Cán bộ, công chức"),
    ("plan", "Kế hoạch"),
    ("task", "Nhiệm vụ"),
    ("criteria_set", "Bộ chỉ số"),
    ("assessment", "Phiếu tự đánh giá"),
    ("assessment_score", "Điểm tiêu chí"),
    ("evidence_link", "Gắn tài liệu kiểm chứng"),
    ("report_section", "Mục báo cáo"),
    ("register", "Sổ dữ liệu"),
    ("work_copy", "Bản làm việc"),
];

/// What a change-log entry did.
pub const ACTIONS: &[(&str, &str)] = &[
    ("create", "Thêm mới"),
    ("update", "Sửa"),
    ("retire", "Ngừng áp dụng"),
    ("delete", "Xóa"),
    ("lock", "Chốt điểm tự chấm"),
    ("advance", "Chuyển bước"),
    ("unlock", "Mở khóa"),
];

/// What a change-log entry did, in words.
pub fn action_caption(action: &str) -> Option<&'static str> {
    lookup(ACTIONS, action)
}

/// The caption of a stable column or input name: a figure of Biểu 06 or one of `COLUMNS`.
pub fn column_caption(name: &str) -> Option<&'static str> {
    FIGURES.iter().find(|f| f.name == name).map(|f| f.column).or_else(|| lookup(COLUMNS, name))
}

/// The caption of a column as the kind of record it belongs to names it, falling back to `column_caption`.
pub fn entity_column_caption(entity: Option<&str>, name: &str) -> Option<&'static str> {
    let own = entity.and_then(|entity| ENTITY_COLUMNS.iter().find(|(e, n, _)| *e == entity && *n == name));
    own.map(|(_, _, caption)| *caption).or_else(|| column_caption(name))
}

/// The caption of a register table.
pub fn table_caption(table: &str) -> Option<&'static str> {
    lookup(TABLES, table)
}

/// What a change-log entry is about, falling back to its table's caption.
pub fn entity_caption(entity: &str) -> Option<&'static str> {
    lookup(ENTITIES, entity).or_else(|| table_caption(entity))
}

fn lookup(pairs: &[(&str, &'static str)], key: &str) -> Option<&'static str> {
    pairs.iter().find(|(k, _)| *k == key).map(|(_, caption)| *caption)
}

const fn figure(
    name: &'static str,
    group: Group,
    caption: &'static str,
    column: &'static str,
    terminal: &'static str,
) -> Figure {
    Figure { name, group, caption, column, terminal }
}

/// The parts of a finding's place, joined with ", " and capitalised: "Trang tính “…”, dòng 7, cột “Mã TTHC”".
#[derive(Debug, Clone, Copy)]
pub struct PlaceParts {
    pub sheet: &'static str,
    pub row: &'static str,
    pub period: &'static str,
    pub field: &'static str,
    pub procedure: &'static str,
    /// A column, by the file's own header or by its caption.
    pub column: &'static str,
    /// A value typed alone (a form's input, a command's option), by its caption.
    pub item: &'static str,
    /// The command line's item, with the option that sets it.
    pub item_with_flag: &'static str,
}

pub const PLACE_PARTS: PlaceParts = PlaceParts {
    sheet: "trang tính “{sheet}”",
    row: "dòng {row}",
    period: "kỳ {period}",
    field: "lĩnh vực {field}",
    procedure: "thủ tục {procedure}",
    column: "cột “{column}”",
    item: "mục “{column}”",
    item_with_flag: "mục “{column}” ({flag})",
};

/// The column headers of the lists both the command line and the window show (procedures, report files sent and
/// received, the roll-up, the restore preview, the self-assessment's grid).
#[derive(Debug, Clone, Copy)]
pub struct Headers {
    pub code: &'static str,
    pub procedure_name: &'static str,
    pub field: &'static str,
    pub time: &'static str,
    pub online_level: &'static str,
    pub status: &'static str,
    pub period: &'static str,
    pub revision: &'static str,
    pub exported_at: &'static str,
    pub approver: &'static str,
    pub unit: &'static str,
    pub received_at: &'static str,
    pub file: &'static str,
    pub file_name: &'static str,
    pub check_result: &'static str,
    pub procedures: &'static str,
    pub on_time: &'static str,
    pub online: &'static str,
    pub staff: &'static str,
    pub iso: &'static str,
    pub plan: &'static str,
    pub score: &'static str,
    pub score_percent: &'static str,
    pub grade: &'static str,
    pub rank: &'static str,
    pub content: &'static str,
    pub current: &'static str,
    pub after_restore: &'static str,
    pub max: &'static str,
    pub suggested: &'static str,
    pub self_score: &'static str,
}

pub const HEADERS: Headers = Headers {
    code: "Mã",
    procedure_name: "Tên thủ tục",
    field: "Lĩnh vực",
    time: "Thời hạn",
    online_level: "Mức độ DVC",
    status: "Tình trạng",
    period: "Kỳ",
    revision: "Lần gửi",
    exported_at: "Thời điểm xuất",
    approver: "Người phê duyệt",
    unit: "Đơn vị",
    received_at: "Thời điểm nhận",
    file: "Tệp",
    file_name: "Tên tệp",
    check_result: "Kết quả kiểm tra",
    procedures: "Số TTHC",
    on_time: "Đúng hạn",
    online: "Trực tuyến",
    staff: "Biên chế / có mặt",
    iso: "ISO 9001",
    plan: "Hoàn thành KH",
    score: "Điểm CCHC",
    score_percent: "Tỷ lệ điểm",
    grade: "Xếp loại",
    rank: "Xếp hạng",
    content: "Nội dung",
    current: "Hiện tại",
    after_restore: "Sau khi khôi phục",
    max: "Tối đa",
    suggested: "Gợi ý",
    self_score: "Tự chấm",
};

impl Headers {
    /// Every header by its name in the window's strings (`headers.procedureName`).
    pub fn by_name(&self) -> [(&'static str, &'static str); 31] {
        [
            ("code", self.code),
            ("procedureName", self.procedure_name),
            ("field", self.field),
            ("time", self.time),
            ("onlineLevel", self.online_level),
            ("status", self.status),
            ("period", self.period),
            ("revision", self.revision),
            ("exportedAt", self.exported_at),
            ("approver", self.approver),
            ("unit", self.unit),
            ("receivedAt", self.received_at),
            ("file", self.file),
            ("fileName", self.file_name),
            ("checkResult", self.check_result),
            ("procedures", self.procedures),
            ("onTime", self.on_time),
            ("online", self.online),
            ("staff", self.staff),
            ("iso", self.iso),
            ("plan", self.plan),
            ("score", self.score),
            ("scorePercent", self.score_percent),
            ("grade", self.grade),
            ("rank", self.rank),
            ("content", self.content),
            ("current", self.current),
            ("afterRestore", self.after_restore),
            ("max", self.max),
            ("suggested", self.suggested),
            ("selfScore", self.self_score),
        ]
    }
}
