//! Every fixed caption printed on paper (national motto, form titles, table headers), in one place.

use crate::vocabulary::{FIGURES, Figure, Group};

/// Quốc hiệu (NĐ 30/2020, Phụ lục I).
/// The line every page drafted from a work copy opens with: not the office's register, not a document to issue.
pub fn work_copy_mark(person: &str, taken_on: &str) -> String {
    format!("Bản làm việc của {person}, lấy ngày {taken_on} – không phải bản chính thức")
}

pub const MOTTO: &str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
/// Tiêu ngữ: initials capitalised, hyphens between the phrases.
pub const SLOGAN: &str = "Độc lập - Tự do - Hạnh phúc";
/// Symbol of a report issued by a commune people's committee (Báo cáo = BC).
pub const REPORT_SYMBOL: &str = "BC-UBND";
pub const REPORT_KIND: &str = "BÁO CÁO";
/// The collective a chairman signs for (TM. = thay mặt).
pub const COLLECTIVE: &str = "ỦY BAN NHÂN DÂN";
pub const CHAIRMAN: &str = "CHỦ TỊCH";
pub const COPIES_LABEL: &str = "Nơi nhận:";
pub const ARCHIVE_COPY: &str = "Lưu: VT";
pub const FIRST_COPY: &str = "Như trên";

pub const FORM_06: &str = "Biểu số 06/VPCP/KSTT";
pub const FORM_06_TITLE: &str =
    "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH TẠI CƠ QUAN, ĐƠN VỊ TRỰC TIẾP GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH";
pub const FORM_06_UNIT: &str = "Đơn vị tính: Số hồ sơ TTHC.";

pub const APPENDIX_STATS: &str = "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH (BIỂU SỐ 06/VPCP/KSTT)";
pub const APPENDIX_PROCEDURES: &str = "DANH MỤC THỦ TỤC HÀNH CHÍNH ĐANG ÁP DỤNG THEO LĨNH VỰC";
pub const APPENDIX_TASKS: &str = "TÌNH HÌNH THỰC HIỆN NHIỆM VỤ KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH";
pub const APPENDIX_STAFFING: &str = "BIÊN CHẾ VÀ SỐ LƯỢNG CÁN BỘ, CÔNG CHỨC";

pub const STT: &str = "STT";
pub const FIELD: &str = "Lĩnh vực";
pub const TOTAL: &str = "Tổng cộng";
pub const NOTHING: &str = "(Không có số liệu)";

/// Biểu 06: the three column groups and their columns, named once in `vocabulary` (the window and the command line
/// read the same names).
pub const RECEIVED: &str = Group::Received.caption();
pub const RESOLVED: &str = Group::Resolved.caption();
pub const IN_PROGRESS: &str = Group::InProgress.caption();
pub const RECEIVED_COLUMNS: [&str; 4] = [F[0].caption, F[1].caption, F[2].caption, F[3].caption];
pub const RESOLVED_COLUMNS: [&str; 4] = [F[4].caption, F[5].caption, F[6].caption, F[7].caption];
pub const IN_PROGRESS_COLUMNS: [&str; 3] = [F[8].caption, F[9].caption, F[10].caption];
const F: [Figure; 12] = FIGURES;

pub const PROCEDURE_COLUMNS: [&str; 5] = ["STT", "Mã TTHC", "Tên thủ tục hành chính", "DVC trực tuyến", "Một cửa"];
pub const TASK_COLUMNS: [&str; 6] = ["STT", "Nhiệm vụ", "Chủ trì", "Thời hạn", "Tình trạng", "Tiến độ"];
pub const STAFFING_COLUMNS: [&str; 5] = ["STT", "Loại", "Biên chế được giao", "Có mặt", "Chưa tuyển dụng"];
pub const ONE_STOP: &str = "Một cửa";
pub const INTERLINKED: &str = "Liên thông";

/// The self-assessment report's appendices and tables.
pub const APPENDIX_SCORES: &str = "BẢNG ĐIỂM TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH";
pub const APPENDIX_UNEVIDENCED: &str = "CÁC NỘI DUNG CHẤM ĐIỂM CHƯA CÓ TÀI LIỆU KIỂM CHỨNG VÀ GIẢI TRÌNH";
pub const APPENDIX_EVIDENCE: &str = "DANH MỤC TÀI LIỆU KIỂM CHỨNG THEO TIÊU CHÍ";
pub const AREA: &str = "Lĩnh vực";
pub const CODE: &str = "Mã";
pub const CRITERION: &str = "Lĩnh vực, tiêu chí, tiêu chí thành phần";
pub const MAX_POINTS: &str = "Điểm tối đa";
pub const SELF_POINTS: &str = "Điểm tự đánh giá";
pub const APPRAISED_POINTS: &str = "Điểm thẩm định";
pub const NOTE: &str = "Ghi chú";
pub const TOTAL_SCORE: &str = "Tổng điểm";
pub const BONUS: &str = "Điểm thưởng";
pub const PENALTY: &str = "Điểm trừ";
pub const PERCENT: &str = "Tỷ lệ đạt được";
pub const CLASS: &str = "Xếp loại";
pub const NOT_APPLICABLE: &str = "Không phát sinh";
pub const NO_EVIDENCE: &str = "Chưa có TLKC";
pub const NO_EXPLANATION: &str = "(Chưa giải trình)";
pub const NONE: &str = "(Không có)";
pub const UNEVIDENCED_COLUMNS: [&str; 5] = ["STT", "Mã", "Tiêu chí", "Điểm tự đánh giá", "Giải trình"];
pub const EVIDENCE_COLUMNS: [&str; 5] = ["STT", "Số, ký hiệu, ngày", "Trích yếu", "Cơ quan ban hành", "Dùng cho"];
