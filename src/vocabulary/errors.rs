//! The sentence of every error code, as the command line says it (naming the file, the record and the command that
//! helps) and as the window says it (naming the control that helps). Both stand side by side so that a new code is
//! worded for both at once; where the two need nothing of their own, they are the same text.

use crate::ErrorCode;

/// An error's two sentences. The command line's names its values as `{path}`, `{what}`, `{key}`, `{detail}`,
/// `{errors}`; the window's knows only `{errors}`.
#[derive(Debug, Clone, Copy)]
pub struct ErrorWords {
    pub command_line: &'static str,
    pub window: &'static str,
}

/// Every error code, in the enum's order (`ErrorCode` has no list of its own; the tidy test counts its variants).
pub const ERROR_CODES: [ErrorCode; 25] = [
    ErrorCode::RegisterNotFound,
    ErrorCode::RegisterExists,
    ErrorCode::NotARegister,
    ErrorCode::SchemaTooNew,
    ErrorCode::RegisterDamaged,
    ErrorCode::Invalid,
    ErrorCode::NotFound,
    ErrorCode::AlreadyExists,
    ErrorCode::ProcedureHasHistory,
    ErrorCode::FileUnreadable,
    ErrorCode::FileFormat,
    ErrorCode::BadPeriod,
    ErrorCode::Io,
    ErrorCode::Storage,
    ErrorCode::MissingGlyphs,
    ErrorCode::ReportIssued,
    ErrorCode::WrongStage,
    ErrorCode::DiskFull,
    ErrorCode::BackupInvalid,
    ErrorCode::PackageRefused,
    ErrorCode::RegisterBusy,
    ErrorCode::NotUtf8,
    ErrorCode::WorkCopyCannot,
    ErrorCode::NotAWorkCopy,
    ErrorCode::FileRefused,
];

/// Errors only the desktop shell raises (no register open yet, a failure it did not foresee), by their code.
pub const WINDOW_ONLY_ERRORS: [(&str, &str); 3] = [
    ("NO_REGISTER", "Chưa mở sổ dữ liệu nào; hãy tạo thông tin đơn vị hoặc mở dữ liệu mẫu."),
    (
        "CANNOT_OPEN",
        "Máy tính không mở được tệp này: có thể chưa cài chương trình đọc loại tệp đó (ví dụ chương trình đọc PDF). Tệp \
         vẫn được lưu; hãy mở thư mục chứa tệp rồi mở bằng chương trình khác.",
    ),
    ("UNEXPECTED", "Đã có lỗi không lường trước; hãy thử lại, nếu vẫn lỗi hãy khởi động lại chương trình."),
];

/// A copy made by a newer program (`Error::CopyTooNew`, code `SCHEMA_TOO_NEW`), on the command line: `{key}` is
/// that program's version.
pub const COPY_TOO_NEW: &str = "Bản sao được tạo bởi chương trình phiên bản {key}, mới hơn chương trình này; hãy cập nhật \
                                chương trình lên phiên bản {key} trở lên rồi khôi phục.";

/// The same sentence on both sides.
const INVALID: &str = "Dữ liệu chưa hợp lệ ({errors} lỗi); chưa ghi gì vào sổ.";

/// The two sentences of an error code. Exhaustive, so a new code does not compile until it is worded.
pub fn error_words(code: ErrorCode) -> ErrorWords {
    let (command_line, window) = match code {
        ErrorCode::RegisterNotFound => (
            "Không tìm thấy sổ dữ liệu tại {path}; hãy tạo bằng lệnh `cchc init` hoặc chỉ rõ --register.",
            "Không tìm thấy sổ dữ liệu của đơn vị; hãy tạo thông tin đơn vị hoặc mở dữ liệu mẫu.",
        ),
        ErrorCode::RegisterExists => (
            "Đã có một tệp tại {path}; chương trình không ghi đè lên tệp có sẵn, hãy chọn một đường dẫn khác.",
            "Đã có sổ dữ liệu của đơn vị trên máy này; chương trình không ghi đè lên sổ có sẵn, hãy mở sổ đó.",
        ),
        ErrorCode::NotARegister => (
            "Tệp {path} không phải là sổ dữ liệu của chương trình cchc.",
            "Tệp dữ liệu không phải là sổ dữ liệu của chương trình này.",
        ),
        ErrorCode::SchemaTooNew => (
            "Sổ dữ liệu được tạo bởi phiên bản mới hơn của chương trình; hãy cập nhật chương trình.",
            "Sổ dữ liệu được tạo bởi phiên bản mới hơn của chương trình; hãy cập nhật chương trình. Sổ không bị thay đổi.",
        ),
        ErrorCode::RegisterDamaged => (
            "Sổ dữ liệu bị hỏng hoặc thiếu thông tin; hãy khôi phục từ bản sao lưu (chi tiết kỹ thuật: {detail}).",
            "Sổ dữ liệu bị hỏng hoặc thiếu thông tin; hãy khôi phục từ bản sao lưu. Sổ không bị thay đổi.",
        ),
        ErrorCode::Invalid => (INVALID, INVALID),
        ErrorCode::NotFound => {
            ("Không tìm thấy {what} “{key}” trong sổ.", "Không tìm thấy mục này trong sổ; có thể nó vừa bị xóa.")
        }
        ErrorCode::AlreadyExists => ("Đã có {what} “{key}” trong sổ.", "Mục này đã có trong sổ."),
        ErrorCode::ProcedureHasHistory => (
            "Thủ tục {key} đã có số liệu thống kê hồ sơ nên không thể xóa; hãy ngừng áp dụng bằng lệnh `cchc procedures \
             retire {key}`.",
            "Thủ tục này đã có số liệu thống kê hồ sơ nên không thể xóa; hãy chọn “Ngừng áp dụng” (bị thay thế hoặc bị \
             bãi bỏ) để giữ lại lịch sử.",
        ),
        ErrorCode::FileUnreadable => (
            "Không đọc được tệp {path} (chi tiết kỹ thuật: {detail}).",
            "Không đọc được tệp; hãy kiểm tra tệp có mở được bằng Excel không.",
        ),
        ErrorCode::FileFormat => (
            "Không hỗ trợ loại tệp của {path}; hãy dùng tệp .xlsx hoặc .csv.",
            "Không hỗ trợ loại tệp này; hãy dùng tệp .xlsx hoặc .csv.",
        ),
        ErrorCode::BadPeriod => (
            "Kỳ báo cáo “{key}” không hợp lệ; hãy dùng dạng 2025-Q1, 2025-H1, 2025-Q3 hoặc 2025.",
            "Kỳ báo cáo không hợp lệ; hãy chọn năm và loại kỳ (Quý I, 6 tháng, 9 tháng, Năm).",
        ),
        ErrorCode::Io => (
            "Không đọc hoặc ghi được {path}: {detail}.",
            "Không đọc hoặc ghi được tệp; hãy kiểm tra thư mục, quyền truy cập và dung lượng ổ đĩa.",
        ),
        ErrorCode::Storage => (
            "Lỗi khi đọc hoặc ghi sổ dữ liệu (chi tiết kỹ thuật: {detail}).",
            "Lỗi khi đọc hoặc ghi sổ dữ liệu; thay đổi vừa rồi chưa được ghi.",
        ),
        ErrorCode::MissingGlyphs => (
            "Phông chữ của báo cáo không có ký tự: {detail}; hãy sửa nội dung có ký tự này rồi in lại.",
            "Phông chữ của báo cáo không có một số ký tự trong nội dung; hãy sửa các ký tự đó rồi in lại.",
        ),
        ErrorCode::ReportIssued => (
            "Báo cáo đã ban hành (số {key}); nội dung của văn bản đã ban hành không sửa được.",
            "Báo cáo này đã ban hành (đã lấy số); nội dung của văn bản đã ban hành không sửa được.",
        ),
        // The command line's `{remedy}` names the command that unlocks (`WRONG_STAGE_REMEDIES`).
        ErrorCode::WrongStage => (
            "Phiếu tự đánh giá năm {key} đang ở bước “{what}” nên không thể {detail}.{remedy}",
            "Phiếu tự đánh giá đang ở bước đã khóa nên không sửa được; hãy mở khóa (ghi rõ lý do) nếu cần sửa.",
        ),
        ErrorCode::DiskFull => (
            "Ổ đĩa đã đầy hoặc không cho ghi thêm; chưa ghi gì, sổ dữ liệu vẫn nguyên vẹn. Hãy giải phóng chỗ trống rồi \
             thử lại (chi tiết kỹ thuật: {detail}).",
            "Ổ đĩa đã đầy hoặc không cho ghi thêm; thay đổi vừa rồi chưa được ghi, sổ dữ liệu vẫn nguyên vẹn. Hãy giải \
             phóng chỗ trống rồi thử lại.",
        ),
        ErrorCode::BackupInvalid => (
            "Bản sao lưu {path} không đạt kiểm tra nên không được dùng (chi tiết kỹ thuật: {detail}).",
            "Bản sao lưu không đạt kiểm tra (hỏng hoặc đã bị sửa) nên không được dùng.",
        ),
        ErrorCode::PackageRefused => (
            "Tệp báo cáo {path} bị từ chối vì không an toàn hoặc không hợp lệ; chưa ghi gì vào sổ.",
            "Tệp báo cáo bị từ chối vì không an toàn hoặc không hợp lệ; chưa ghi gì vào sổ.",
        ),
        ErrorCode::RegisterBusy => (
            "Sổ dữ liệu đang bận: một chương trình khác (cửa sổ chương trình hoặc một lệnh cchc khác) đang ghi \
             vào sổ. Chưa ghi gì, sổ dữ liệu vẫn nguyên vẹn; hãy chờ việc đó xong rồi thử lại.",
            "Sổ dữ liệu đang bận: một chương trình khác (một cửa sổ khác hoặc lệnh cchc) đang ghi vào sổ. Thay đổi vừa \
             rồi chưa được ghi, sổ dữ liệu vẫn nguyên vẹn; hãy chờ một lát rồi thử lại.",
        ),
        // Excel's plain "CSV (Comma delimited)" writes the Windows code page, which cannot hold most Vietnamese
        // letters: reading it would import wrong names, so the user is told how to save the file instead.
        ErrorCode::NotUtf8 => (
            "Tệp {path} không được lưu dưới dạng UTF-8 nên chữ tiếng Việt có thể bị sai; chưa ghi gì vào sổ. Hãy mở tệp \
             bằng Excel, chọn “Lưu thành” (Save As) kiểu “CSV UTF-8 (Comma delimited)” hoặc “Excel Workbook \
             (.xlsx)” rồi nhập lại.",
            "Tệp không được lưu dưới dạng UTF-8 nên chữ tiếng Việt có thể bị sai; chưa ghi gì vào sổ. Hãy mở tệp bằng \
             Excel, chọn “Lưu thành” (Save As) kiểu “CSV UTF-8 (Comma delimited)” hoặc “Excel Workbook (.xlsx)” rồi \
             nhập lại.",
        ),
        ErrorCode::WorkCopyCannot => (
            "Sổ đang mở là bản làm việc nên không {detail}; việc này chỉ làm trên sổ của cơ quan. Hãy gửi thay đổi về (`cchc copy send`) để cơ quan nhập vào sổ.",
            "Sổ đang mở là bản làm việc nên không làm được việc này; việc này chỉ làm trên sổ của cơ quan. Hãy gửi thay đổi về để cơ quan nhập vào sổ.",
        ),
        ErrorCode::NotAWorkCopy => (
            "Sổ đang dùng là sổ của cơ quan, không phải bản làm việc, nên không có thay đổi để gửi. Thay đổi từ bản làm việc được nhập bằng `cchc copy merge`.",
            "Sổ đang mở là sổ của cơ quan, không phải bản làm việc, nên không có thay đổi để gửi.",
        ),
        ErrorCode::FileRefused => (
            "Tệp {path} bị từ chối vì không an toàn, bị hỏng hoặc không dành cho sổ này; chưa ghi gì vào sổ.",
            "Tệp bị từ chối vì không an toàn, bị hỏng hoặc không dành cho sổ này; chưa ghi gì vào sổ.",
        ),
    };
    ErrorWords { command_line, window }
}

/// What the command line adds to a refused step of the self-assessment, by the step it is at and the action refused.
pub fn wrong_stage_remedy(stage: &str, action: &str) -> &'static str {
    match (stage, action) {
        (_, "unlock") => "",
        ("draft", "advance") => " Hãy chốt điểm tự chấm trước (`cchc assess lock --leader …`).",
        ("final", _) => {
            " Phiếu đã có kết quả cuối cùng; nếu cần sửa, hãy mở khóa bằng `cchc assess unlock --reason …`."
        }
        _ => " Bước này chỉ được xem; nếu cần sửa bước trước, hãy mở khóa bằng `cchc assess unlock --reason …`.",
    }
}
