//! Every Vietnamese sentence about errors and findings: one per `ErrorCode` and per `FindingCode` (exhaustive
//! matches, so a new code does not compile until it is translated), the places they point at, and the captions of
//! the register's stable column and entity names.

use crate::format;
use cchc::model::{Finding, FindingCode, Place};
use cchc::{Error, ErrorCode};
use std::path::Path;

/// The Vietnamese sentence for an error, with its details (path, code, value).
pub fn error_message(err: &Error) -> String {
    let d = Details::of(err);
    match err.code() {
        ErrorCode::RegisterNotFound => {
            format!("Không tìm thấy sổ dữ liệu tại {}; hãy tạo bằng lệnh `cchc init` hoặc chỉ rõ --register.", d.path)
        }
        ErrorCode::RegisterExists => format!(
            "Đã có một tệp tại {}; chương trình không ghi đè lên tệp có sẵn, hãy chọn một đường dẫn khác.",
            d.path
        ),
        ErrorCode::NotARegister => format!("Tệp {} không phải là sổ dữ liệu của chương trình cchc.", d.path),
        ErrorCode::SchemaTooNew if !d.key.is_empty() => format!(
            "Bản sao được tạo bởi chương trình phiên bản {}, mới hơn chương trình này; hãy cập nhật chương trình lên phiên bản {} trở lên rồi khôi phục.",
            d.key, d.key
        ),
        ErrorCode::SchemaTooNew => {
            "Sổ dữ liệu được tạo bởi phiên bản mới hơn của chương trình; hãy cập nhật chương trình.".to_string()
        }
        ErrorCode::RegisterDamaged => format!(
            "Sổ dữ liệu bị hỏng hoặc thiếu thông tin; hãy khôi phục từ bản sao lưu (chi tiết kỹ thuật: {}).",
            d.detail
        ),
        ErrorCode::Invalid => {
            let errors = err.findings().iter().filter(|f| f.is_error()).count();
            format!("Dữ liệu chưa hợp lệ ({} lỗi); chưa ghi gì vào sổ.", format::count(errors))
        }
        ErrorCode::NotFound => format!("Không tìm thấy {} “{}” trong sổ.", d.what, d.key),
        ErrorCode::AlreadyExists => format!("Đã có {} “{}” trong sổ.", d.what, d.key),
        ErrorCode::ProcedureHasHistory => format!(
            "Thủ tục {} đã có số liệu thống kê hồ sơ nên không thể xóa; hãy ngừng áp dụng bằng lệnh `cchc procedures retire {}`.",
            d.key, d.key
        ),
        ErrorCode::FileUnreadable => {
            format!("Không đọc được tệp {} (chi tiết kỹ thuật: {}).", d.path, d.detail)
        }
        ErrorCode::FileFormat => format!("Không hỗ trợ loại tệp của {}; hãy dùng tệp .xlsx hoặc .csv.", d.path),
        ErrorCode::BadPeriod => {
            format!("Kỳ báo cáo “{}” không hợp lệ; hãy dùng dạng 2025-Q1, 2025-H1, 2025-Q3 hoặc 2025.", d.key)
        }
        ErrorCode::Io => format!("Không đọc hoặc ghi được {}: {}.", d.path, d.detail),
        ErrorCode::Storage => {
            format!("Lỗi khi đọc hoặc ghi sổ dữ liệu (chi tiết kỹ thuật: {}).", d.detail)
        }
        ErrorCode::ReportIssued => {
            format!("Báo cáo đã ban hành (số {}); nội dung của văn bản đã ban hành không sửa được.", d.key)
        }
        ErrorCode::MissingGlyphs => {
            format!("Phông chữ của báo cáo không có ký tự: {}; hãy sửa nội dung có ký tự này rồi in lại.", d.detail)
        }
        ErrorCode::WrongStage => {
            let hint = match err {
                Error::WrongStage { action: "unlock", .. } => "",
                Error::WrongStage { stage: "draft", action: "advance", .. } => {
                    " Hãy chốt điểm tự chấm trước (`cchc assess lock --leader …`)."
                }
                Error::WrongStage { stage: "final", .. } => {
                    " Phiếu đã có kết quả cuối cùng; nếu cần sửa, hãy mở khóa bằng `cchc assess unlock --reason …`."
                }
                _ => {
                    " Bước này chỉ được xem; nếu cần sửa bước trước, hãy mở khóa bằng `cchc assess unlock --reason …`."
                }
            };
            format!("Phiếu tự đánh giá năm {} đang ở bước “{}” nên không thể {}.{hint}", d.key, d.what, d.detail)
        }
        ErrorCode::DiskFull => format!(
            "Ổ đĩa đã đầy hoặc không cho ghi thêm; chưa ghi gì, sổ dữ liệu vẫn nguyên vẹn. Hãy giải phóng chỗ trống rồi thử lại (chi tiết kỹ thuật: {}).",
            d.detail
        ),
        ErrorCode::BackupInvalid => {
            format!("Bản sao lưu {} không đạt kiểm tra nên không được dùng (chi tiết kỹ thuật: {}).", d.path, d.detail)
        }
        ErrorCode::PackageRefused => {
            format!("Tệp báo cáo {} bị từ chối vì không an toàn hoặc không hợp lệ; chưa ghi gì vào sổ.", d.path)
        }
    }
}

/// A finding as one line: its place, then the sentence ("Kỳ 2025-Q1, lĩnh vực Hộ tịch: …").
pub fn finding_line(finding: &Finding) -> String {
    let place = place_text(&finding.place);
    let sentence = finding_message(finding);
    if place.is_empty() { sentence } else { format!("{place}: {sentence}") }
}

/// The Vietnamese sentence for a finding, filled with its values.
pub fn finding_message(finding: &Finding) -> String {
    let v = |name: &str| finding.values.get(name).map(|s| number_or_text(s));
    let value = || v("value").unwrap_or_default();
    let year = || finding.values.get("year").cloned().unwrap_or_default();
    // Codes and points as written ("1.2", "1,5"): never regrouped as thousands.
    let raw = |name: &str| finding.values.get(name).cloned().unwrap_or_default();
    match finding.code {
        FindingCode::MissingColumn => {
            let column =
                v("value").or_else(|| v("column")).or_else(|| finding.place.column.clone()).unwrap_or_default();
            format!("Tệp thiếu cột “{column}”.")
        }
        FindingCode::UnknownColumn => {
            let column =
                v("value").or_else(|| v("column")).or_else(|| finding.place.column.clone()).unwrap_or_default();
            format!("Cột “{column}” không thuộc mẫu nên được bỏ qua.")
        }
        FindingCode::RequiredMissing => "Thiếu thông tin bắt buộc.".to_string(),
        FindingCode::BadProcedureCode => match v("expected") {
            Some(expected) => {
                format!("Không thể đổi mã thủ tục “{expected}” thành “{}”; mã khác là một thủ tục khác.", value())
            }
            None => format!("Mã thủ tục “{}” không đúng dạng (ví dụ đúng: 1.001193 hoặc 3.000527.H61).", value()),
        },
        FindingCode::IsoScopeEmpty => {
            "Quyết định công bố chưa có thủ tục nào thuộc phạm vi áp dụng ISO 9001. Hãy đánh \
             dấu các thủ tục thuộc phạm vi (`cchc procedures edit MÃ --iso`, hoặc cột “Phạm vi ISO 9001” khi nhập danh \
             mục thủ tục) rồi dùng --all-in-scope, hoặc ghi mã thủ tục bằng --procedures."
                .to_string()
        }
        FindingCode::FlagEmpty => format!(
            "{} ô để trống (dòng {}) được ghi là “{}”; nếu không đúng, hãy ghi rõ “có” hoặc “không”.",
            v("count").unwrap_or_default(),
            raw("rows"),
            raw("default")
        ),
        FindingCode::DateInFuture => {
            format!("Ngày {} sau ngày hôm nay ({}); hãy kiểm tra lại năm đã ghi.", raw("value"), raw("today"))
        }
        FindingCode::BadNumber => format!("“{}” không phải là số hợp lệ.", value()),
        FindingCode::BadDate => match (v("start"), v("end")) {
            (Some(start), Some(end)) => format!("Ngày bắt đầu ({start}) sau ngày kết thúc ({end})."),
            // A day of every year (the self-assessment deadline) is written without a year.
            _ if finding.values.contains_key("format") => {
                format!("“{}” không phải là ngày hợp lệ; hãy viết theo dạng {}.", value(), raw("format"))
            }
            _ => format!("“{}” không phải là ngày hợp lệ; hãy viết theo dạng dd/mm/yyyy.", value()),
        },
        FindingCode::BadChoice => match v("allowed").or_else(|| v("expected")) {
            Some(allowed) => format!("“{}” không thuộc các lựa chọn cho phép ({allowed}).", value()),
            None => format!("“{}” không thuộc các lựa chọn cho phép.", value()),
        },
        FindingCode::BadPeriod => {
            format!("Kỳ báo cáo “{}” không hợp lệ; hãy dùng dạng 2025-Q1, 2025-H1, 2025-Q3 hoặc 2025.", value())
        }
        FindingCode::EmptyRow => "Dòng không có dữ liệu.".to_string(),
        FindingCode::DuplicateInFile => match v("first_row").or_else(|| v("row")) {
            Some(first) => format!("“{}” xuất hiện nhiều lần trong tệp (lần đầu ở dòng {first}).", value()),
            None => format!("“{}” xuất hiện nhiều lần trong tệp.", value()),
        },
        FindingCode::TimeWithoutUnit => {
            format!("Thời hạn “{}” thiếu đơn vị (ngày hoặc ngày làm việc).", value())
        }
        FindingCode::TimeVariesByChannel => {
            format!("Thời hạn “{}” khác nhau theo hình thức nộp hồ sơ; hãy kiểm tra lại thời hạn đã ghi.", value())
        }
        FindingCode::OddFee => format!("Phí, lệ phí “{}” có dạng bất thường; hãy kiểm tra lại.", value()),
        FindingCode::UnknownProcedure => format!("Mã thủ tục “{}” không có trong sổ.", value()),
        FindingCode::UnknownReplacement => format!("Thủ tục thay thế “{}” không có trong sổ.", value()),
        FindingCode::Negative => format!("Số liệu không được âm (đang ghi {}).", value()),
        FindingCode::ReceivedSumMismatch => format!(
            "Tổng số hồ sơ nhận ({}) khác tổng trực tuyến + trực tiếp + kỳ trước ({}).",
            v("total").unwrap_or_default(),
            v("sum").unwrap_or_default()
        ),
        FindingCode::ReceivedBalanceMismatch => format!(
            "Tổng số hồ sơ nhận ({}) khác tổng đã giải quyết + đang giải quyết ({}).",
            v("total").unwrap_or_default(),
            v("sum").unwrap_or_default()
        ),
        FindingCode::ResolvedSumMismatch => format!(
            "Tổng số hồ sơ đã giải quyết ({}) khác tổng trước hạn + đúng hạn + quá hạn ({}).",
            v("total").unwrap_or_default(),
            v("sum").unwrap_or_default()
        ),
        FindingCode::InProgressSumMismatch => format!(
            "Tổng số hồ sơ đang giải quyết ({}) khác tổng trong hạn + quá hạn ({}).",
            v("total").unwrap_or_default(),
            v("sum").unwrap_or_default()
        ),
        FindingCode::ApologyBelowLate => format!(
            "Số thư xin lỗi ({}) ít hơn số hồ sơ giải quyết quá hạn ({}).",
            v("apology_letters").unwrap_or_default(),
            v("late").unwrap_or_default()
        ),
        FindingCode::CarriedOverMismatch => format!(
            "Số hồ sơ từ kỳ trước chuyển qua ({}) khác số hồ sơ đang giải quyết cuối kỳ trước ({}).",
            v("carried_over").unwrap_or_default(),
            v("previous_in_progress").unwrap_or_default()
        ),
        FindingCode::FieldWithoutProcedures => {
            format!("Lĩnh vực “{}” chưa có thủ tục nào trong sổ.", value())
        }
        FindingCode::DatesOutOfOrder => format!(
            "Ngày kết thúc ({}) trước ngày bắt đầu ({}).",
            v("end").unwrap_or_default(),
            v("start").unwrap_or_default()
        ),
        FindingCode::OutOfRange => format!(
            "“{}” nằm ngoài khoảng cho phép (từ {} đến {}).",
            value(),
            v("min").unwrap_or_default(),
            v("max").unwrap_or_default()
        ),
        FindingCode::NoQuota => format!(
            "Năm {} chưa có biên chế được giao cho loại “{}” nhưng có người thuộc loại này.",
            v("year").unwrap_or_default(),
            value()
        ),
        FindingCode::OverQuota => format!(
            "Số có mặt ({}) vượt biên chế được giao ({}) của loại “{}”.",
            v("present").unwrap_or_default(),
            v("quota").unwrap_or_default(),
            value()
        ),
        FindingCode::TaskBeforePlan => format!(
            "Thời hạn của nhiệm vụ ({}) trước ngày ban hành kế hoạch ({}).",
            v("deadline").unwrap_or_default(),
            v("plan_date").unwrap_or_default()
        ),
        FindingCode::UnknownPlan => format!("Kế hoạch “{}” không có trong sổ.", value()),
        FindingCode::CategoryEnded => {
            format!("Loại “{}” chỉ áp dụng đến ngày {}.", value(), v("valid_until").unwrap_or_default())
        }
        FindingCode::IsoNotAnnounced => {
            format!("Năm {} chưa có quyết định công bố hệ thống quản lý chất lượng theo ISO 9001.", year())
        }
        FindingCode::IsoScopeMissing => {
            format!(
                "Thủ tục “{}” thuộc phạm vi áp dụng ISO 9001 nhưng chưa có trong quyết định công bố gần nhất.",
                value()
            )
        }
        FindingCode::IsoScopeRetired => {
            format!("Quyết định công bố ISO 9001 có thủ tục “{}” đã ngừng áp dụng; cần công bố lại.", value())
        }
        FindingCode::IsoScopeUnknown => {
            format!("Quyết định công bố ISO 9001 có thủ tục “{}” không còn trong sổ; cần công bố lại.", value())
        }
        FindingCode::IsoAuditMissing => format!("Năm {} chưa đánh giá nội bộ.", year()),
        FindingCode::IsoReviewMissing => {
            format!("Năm {} chưa họp xem xét của lãnh đạo.", year())
        }
        FindingCode::IsoLegalChangeOverdue => format!(
            "Quá hạn cập nhật văn bản pháp luật mới “{}” vào hệ thống (hạn {}).",
            value(),
            v("due").unwrap_or_default()
        ),
        FindingCode::IsoActionOverdue => format!(
            "Quá hạn hành động khắc phục “{}” (hạn {}, người thực hiện {}).",
            value(),
            v("due").unwrap_or_default(),
            v("owner").unwrap_or_default()
        ),
        // A value of the wrong kind names what was expected; a text that is not JSON names its line and column.
        FindingCode::CriteriaFormat if finding.values.contains_key("expected") => {
            format!("“{}” không đúng kiểu: cần {}.", raw("value"), raw("expected"))
        }
        FindingCode::CriteriaFormat => format!(
            "Tệp không phải là JSON hợp lệ ({} ở dòng {}, cột {}).",
            raw("problem"),
            v("line").unwrap_or_default(),
            v("column").unwrap_or_default(),
        ),
        FindingCode::CriteriaShareMismatch => match finding.values.get("part").map(String::as_str) {
            Some("scale") => format!(
                "Điểm thẩm định cộng điểm điều tra xã hội học là {}, khác thang điểm {}.",
                raw("sum"),
                raw("max")
            ),
            _ => format!(
                "Tổng điểm các lĩnh vực thuộc “{}” là {}, khác số điểm quy định {}.",
                raw("part"),
                raw("sum"),
                raw("max")
            ),
        },
        FindingCode::CriteriaSumMismatch => {
            format!(
                "Tổng điểm tối đa các tiêu chí con ({}) khác điểm tối đa của tiêu chí ({}).",
                raw("sum"),
                raw("max")
            )
        }
        FindingCode::CriteriaDuplicateCode => format!("Mã tiêu chí “{}” bị trùng.", raw("value")),
        FindingCode::CriteriaBandsOrder if finding.values.contains_key("code") => format!(
            "Các mức phải xếp từ cao xuống thấp, không trùng nhau, điểm không tăng khi ngưỡng giảm (đang ghi: {}).",
            raw("value")
        ),
        FindingCode::CriteriaBandsOrder => {
            format!("Các mức xếp loại phải xếp từ cao xuống thấp, không trùng nhau (đang ghi: {}).", raw("value"))
        }
        FindingCode::CriteriaPointsOverMax => match (finding.values.get("step"), finding.values.get("cap")) {
            (Some(step), _) => {
                format!("Bước điểm {step} không hợp lệ (phải lớn hơn 0 và chia hết điểm tối đa {}).", raw("max"))
            }
            (None, Some(cap)) => format!(
                "Điểm tối đa của mục này ({}) vượt mức tối đa của cả phần điểm thưởng hoặc điểm trừ ({cap}).",
                raw("points")
            ),
            (None, None) => format!("Cho {} điểm, vượt điểm tối đa {}.", raw("points"), raw("max")),
        },
        FindingCode::CriteriaRuleMissing if finding.values.get("problem").is_some_and(|p| p == "area") => {
            "Lĩnh vực phải có ít nhất một tiêu chí (lĩnh vực không được chấm trực tiếp).".to_string()
        }
        FindingCode::CriteriaRuleMissing => "Không có tiêu chí con nên phải có cách chấm.".to_string(),
        FindingCode::CriteriaRuleMismatch => match finding.values.get("problem").map(String::as_str) {
            Some("parent_rule") => "Có tiêu chí con nên không được có cách chấm riêng.".to_string(),
            Some("metric") => {
                format!("Chỉ số “{}” không dùng được với cách chấm “{}”.", raw("metric"), raw("rule"))
            }
            _ if finding.values.contains_key("rule") => {
                format!("Cách chấm “{}” không dùng được trong phần “{}”.", raw("rule"), raw("part"))
            }
            _ => "Chỉ lĩnh vực (cấp cao nhất) mới ghi phần điểm.".to_string(),
        },
        FindingCode::CriteriaUnknownMetric => {
            format!("Chỉ số “{}” không có trong sổ nên không tính được.", raw("value"))
        }
        FindingCode::CriteriaNotNewer => format!(
            "Bộ chỉ số “{}” phiên bản {} không mới hơn phiên bản đã có ({}); chỉ nhập được phiên bản mới hơn.",
            raw("value"),
            raw("version"),
            raw("latest")
        ),
        FindingCode::UnknownCriterion => format!("Không có tiêu chí “{}” để chấm trong bộ chỉ số.", raw("value")),
        FindingCode::PointsNotAllowed => {
            format!("Số điểm {} không hợp lệ cho tiêu chí này; được chấm: {}.", raw("value"), raw("allowed"))
        }
        FindingCode::NotScored => "Chưa chấm điểm.".to_string(),
        FindingCode::EvidenceMissing => {
            format!("Tự chấm {} điểm nhưng chưa có tài liệu kiểm chứng và chưa có giải trình.", raw("points"))
        }
        FindingCode::OverrideReasonMissing => {
            format!("Điểm tự chấm {} khác điểm gợi ý từ sổ ({}); hãy ghi lý do.", raw("value"), raw("suggested"))
        }
        FindingCode::BonusOverCap => {
            format!("Tổng điểm thưởng {} vượt mức tối đa {}; chỉ tính {}.", raw("value"), raw("cap"), raw("cap"))
        }
        FindingCode::PenaltyOverCap => {
            format!("Tổng điểm trừ {} vượt mức tối đa {}; chỉ tính {}.", raw("value"), raw("cap"), raw("cap"))
        }
        FindingCode::FileTooLarge => format!(
            "Tệp “{}” quá lớn ({} byte; tối đa {} byte).",
            raw("value"),
            v("size").unwrap_or_default(),
            v("limit").unwrap_or_default()
        ),
        FindingCode::PackageNotZip => {
            "Tệp không phải là tệp báo cáo .cchc hợp lệ (không đọc được dạng nén ZIP) hoặc đã bị hỏng.".to_string()
        }
        FindingCode::PackageTooLarge => format!(
            "Tệp báo cáo hoặc thành phần của nó vượt giới hạn kích thước ({} byte; giới hạn {} byte).",
            v("size").unwrap_or_default(),
            v("limit").unwrap_or_default()
        ),
        FindingCode::PackageZipBomb => {
            format!("Thành phần “{}” có tỷ lệ nén bất thường hoặc dài hơn khai báo (nghi là tệp nén độc hại).", value())
        }
        FindingCode::PackageUnsafePath => {
            format!("Thành phần “{}” có đường dẫn không an toàn (đường dẫn tuyệt đối hoặc có “..”).", value())
        }
        FindingCode::PackageLink => {
            format!("Thành phần “{}” là liên kết hoặc thư mục, không phải tệp thường.", value())
        }
        FindingCode::PackageUnknownEntry => format!("Tệp báo cáo có thành phần lạ hoặc trùng tên “{}”.", value()),
        FindingCode::PackageManifestMissing => "Tệp báo cáo thiếu phần mô tả (manifest.json).".to_string(),
        FindingCode::PackageManifestUnreadable => {
            "Không đọc được phần mô tả (manifest.json) của tệp báo cáo.".to_string()
        }
        FindingCode::PackageFormatTooNew => format!(
            "Tệp báo cáo theo định dạng phiên bản {}, mới hơn chương trình này (đọc được đến phiên bản {}); hãy cập nhật chương trình lên phiên bản {} trở lên.",
            v("version").unwrap_or_default(),
            v("supported").unwrap_or_default(),
            v("program_version").unwrap_or_default()
        ),
        FindingCode::PackageEntryMissing => format!("Tệp báo cáo thiếu thành phần “{}” đã khai báo.", value()),
        FindingCode::PackageSizeMismatch => format!(
            "Thành phần “{}” có kích thước ({} byte) khác với khai báo ({} byte); tệp có thể đã bị sửa hoặc hỏng.",
            value(),
            v("size").unwrap_or_default(),
            v("expected").unwrap_or_default()
        ),
        FindingCode::PackageHashMismatch => format!(
            "Thành phần “{}” có mã kiểm tra SHA-256 khác với khai báo; tệp có thể đã bị sửa hoặc hỏng.",
            value()
        ),
        FindingCode::PackageDataUnreadable => "Không đọc được phần số liệu (data.json) của tệp báo cáo.".to_string(),
        FindingCode::PackageDataMismatch => format!(
            "Phần số liệu ghi đơn vị và kỳ “{}”, khác với phần mô tả (“{}”).",
            value(),
            v("expected").unwrap_or_default()
        ),
        FindingCode::PackageUnitUnexpected => {
            format!("Đơn vị “{}” không có trong danh sách đơn vị thuộc phạm vi tổng hợp.", value())
        }
        FindingCode::PackageFileUnreadable => format!(
            "Không đọc được tệp (chi tiết kỹ thuật: {}); hãy kiểm tra ổ USB hoặc quyền truy cập rồi nhận lại.",
            value()
        ),
        FindingCode::PackageDuplicateEntry => format!(
            "Tệp báo cáo có hai thành phần cùng tên “{}” (hoặc tên chỉ khác chữ hoa, chữ thường hay cách gõ dấu): mỗi chương trình giải nén có thể đọc ra một báo cáo khác nhau nên không nhận tệp này.",
            value()
        ),
        FindingCode::PackageIdReused => format!(
            "Đã nhận một báo cáo cùng mã {} nhưng nội dung khác với tệp này; không nhận tệp này. Hãy liên hệ đơn vị gửi để xác minh và gửi lại.",
            value()
        ),
        FindingCode::SurveyNotSelfScored => format!(
            "Tiêu chí {} là điểm điều tra xã hội học do tỉnh công bố nên đơn vị không tự chấm; kết quả được nhập ở bước \
             thẩm định (`cchc assess appraisal score`).",
            raw("value")
        ),
    }
}

/// Where a finding is, in Vietnamese: "Trang tính “Thủ tục hành chính”, dòng 7, cột “Mã TTHC”",
/// "Kỳ 2025-Q1, lĩnh vực Hộ tịch, cột “Nhận: Tổng số”", or "Mục “Mã thủ tục” (--code)" for a typed value.
pub fn place_text(place: &Place) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(sheet) = &place.sheet {
        parts.push(format!("trang tính “{sheet}”"));
    }
    if let Some(row) = place.row {
        parts.push(format!("dòng {}", format::count(row)));
    }
    if let Some(period) = &place.period {
        parts.push(format!("kỳ {period}"));
    }
    if let Some(field) = &place.field {
        parts.push(format!("lĩnh vực {field}"));
    }
    if let Some(procedure) = &place.procedure {
        parts.push(format!("thủ tục {procedure}"));
    }
    if let Some(record) = &place.record {
        parts.push(record.clone());
    }
    if let Some(column) = &place.column {
        if place.sheet.is_some() {
            // A file's own header, already as the person wrote it.
            parts.push(format!("cột “{column}”"));
        } else if parts.is_empty() {
            // A value typed in a command: name the item and the flag that sets it.
            let caption = entity_column_caption(place.entity.as_deref(), column);
            match flag(column) {
                Some(flag) => parts.push(format!("mục “{caption}” ({flag})")),
                None => parts.push(format!("mục “{caption}”")),
            }
        } else {
            parts.push(format!("cột “{}”", entity_column_caption(place.entity.as_deref(), column)));
        }
    }
    // A file named as it is written ("data.json", "evidence/…" inside a report file) keeps its own case.
    let first_is_path = place.sheet.is_none()
        && place.row.is_none()
        && place.period.is_none()
        && place.field.is_none()
        && place.procedure.is_none()
        && place.record.as_deref().is_some_and(is_path);
    if first_is_path { parts.join(", ") } else { capitalize(&parts.join(", ")) }
}

/// The caption of a column of one kind of record, where that record names it otherwise than the common caption
/// (a task's `deadline` is its completion deadline, not a report's).
pub fn entity_column_caption(entity: Option<&str>, name: &str) -> String {
    let caption = match (entity.unwrap_or(""), name) {
        ("task", "deadline") => "Thời hạn hoàn thành",
        ("task", "plan") => "Kế hoạch",
        ("task", "owner") => "Đơn vị, người thực hiện",
        ("period", "deadline") => "Hạn gửi báo cáo",
        ("plan", "number") => "Số, ký hiệu kế hoạch",
        ("plan", "date") => "Ngày ban hành kế hoạch",
        ("plan", "kind") => "Loại kế hoạch",
        ("plan", "year") => "Năm của kế hoạch",
        ("person", "name") => "Họ và tên",
        ("person", "category") => "Loại cán bộ, công chức",
        ("unit", "name") => "Tên đơn vị",
        ("unit", "kind") => "Loại đơn vị",
        ("iso_announcement", "number") => "Số quyết định công bố",
        ("iso_announcement", "date") => "Ngày quyết định công bố",
        ("iso_announcement", "procedures") => "Thủ tục thuộc phạm vi áp dụng",
        ("iso_nonconformity", "due") | ("iso_action", "due") => "Hạn hoàn thành hành động khắc phục",
        ("iso_action", "content") => "Nội dung hành động",
        ("iso_report", "number") => "Số báo cáo",
        _ => return column_caption(name),
    };
    caption.to_string()
}

/// The Vietnamese caption of a stable column or input name; names that are already captions (file headers) pass.
pub fn column_caption(name: &str) -> String {
    let caption = match name {
        "received_total" => "Nhận: Tổng số",
        "received_online" => "Nhận: Trực tuyến",
        "received_direct" => "Nhận: Trực tiếp, bưu chính",
        "carried_over" => "Nhận: Từ kỳ trước",
        "resolved_total" => "Đã giải quyết: Tổng số",
        "resolved_early" => "Đã giải quyết: Trước hạn",
        "resolved_on_time" => "Đã giải quyết: Đúng hạn",
        "resolved_late" => "Đã giải quyết: Quá hạn",
        "in_progress_total" => "Đang giải quyết: Tổng số",
        "in_progress_within" => "Đang giải quyết: Trong hạn",
        "in_progress_overdue" => "Đang giải quyết: Quá hạn",
        "apology_letters" => "Thư xin lỗi",
        "code" => "Mã thủ tục",
        "unit_code" => "Mã đơn vị",
        "name" => "Tên",
        "field" => "Lĩnh vực",
        "procedure" => "Mã thủ tục",
        "period" => "Kỳ báo cáo",
        "processing_time" => "Thời hạn giải quyết",
        "fee" => "Phí, lệ phí",
        "legal_bases" => "Căn cứ pháp lý",
        "announcement" => "Quyết định công bố",
        "status" => "Tình trạng",
        "replaced_by" => "Thay thế bởi",
        "online_level" => "Mức độ dịch vụ công trực tuyến",
        "one_stop" => "Một cửa",
        "interlinked" => "Một cửa liên thông",
        "postal" => "Qua bưu chính",
        "boundary_free" => "Không phụ thuộc địa giới hành chính",
        "internal_process" => "Quy trình nội bộ",
        "in_iso_scope" => "Phạm vi ISO 9001",
        "kind" => "Loại",
        "province" => "Tỉnh, thành phố",
        "superior_line" => "Dòng cơ quan chủ quản",
        "issuer_line" => "Dòng cơ quan ban hành",
        "place_name" => "Địa danh",
        "user_name" => "Người sử dụng",
        "start" => "Từ ngày",
        "end" => "Đến ngày",
        "deadline" => "Thời hạn",
        "date" => "Ngày",
        "due" => "Hạn hoàn thành",
        "description" => "Mô tả",
        "procedures" => "Thủ tục",
        "owner" => "Người thực hiện",
        "done" => "Ngày hoàn thành",
        "effectiveness_checked" => "Ngày kiểm tra hiệu lực",
        "audit" => "Ngày đánh giá nội bộ",
        "review" => "Ngày xem xét của lãnh đạo",
        "year" => "Năm",
        "category" => "Loại cán bộ, công chức",
        "quota" => "Biên chế được giao",
        "count" => "Số người",
        "meeting_standard" => "Số người đạt chuẩn",
        "joined" => "Ngày vào",
        "left" => "Ngày thôi",
        "number" => "Số, ký hiệu",
        "plan" => "Kế hoạch",
        "area" => "Lĩnh vực CCHC",
        "content" => "Nội dung nhiệm vụ",
        "percent" => "Tỷ lệ hoàn thành (%)",
        "leader" => "Lãnh đạo chốt điểm",
        "criterion" => "Mã tiêu chí",
        "reason" => "Lý do",
        "title" => "Trích yếu",
        "evidence_kind" => "Loại văn bản",
        "file" => "Tệp",
        "urn" => "Mã bộ chỉ số",
        "version" => "Phiên bản",
        "scale" => "Thang điểm",
        "appraised_share" => "Điểm thẩm định",
        "survey_share" => "Điểm điều tra xã hội học",
        "bonus_cap" => "Điểm thưởng tối đa",
        "penalty_cap" => "Điểm trừ tối đa",
        "bands" => "Xếp loại",
        "format" => "Định dạng tệp",
        "self_assessment_deadline" => "Hạn tự đánh giá",
        "text" => "Nội dung",
        "max" => "Điểm tối đa",
        "scope" => "Đối tượng áp dụng",
        "rule" => "Cách chấm",
        "rule_bands" => "Mức điểm",
        "part" => "Phần",
        "metric" => "Chỉ số từ sổ",
        "evidence" => "Tài liệu kiểm chứng",
        "guidance" => "Hướng dẫn",
        "children" => "Tiêu chí con",
        "areas" => "Các lĩnh vực",
        "normalisation" => "Cách tính",
        "decision" => "Quyết định ban hành",
        "years" => "Năm áp dụng",
        "note" => "Ghi chú",
        other => return other.to_string(),
    };
    caption.to_string()
}

/// The command-line flag that sets a stable input name, when there is one.
fn flag(name: &str) -> Option<&'static str> {
    Some(match name {
        "code" => "--code",
        "unit_code" => "cchc unit set --code",
        "name" => "--name",
        "field" => "--field",
        "processing_time" => "--time",
        "fee" => "--fee",
        "replaced_by" => "--replaced-by",
        "online_level" => "--online-level",
        "status" => "--status",
        "kind" => "--kind",
        "province" => "--province",
        "superior_line" => "--superior-line",
        "issuer_line" => "--issuer-line",
        "place_name" => "--place-name",
        "start" => "--start",
        "end" => "--end",
        "deadline" => "--deadline",
        "due" => "--due",
        "description" => "--description",
        "procedures" => "--procedures",
        "owner" => "--owner",
        "content" => "--content",
        "area" => "--area",
        "plan" => "--plan",
        "number" => "--number",
        "date" => "--date",
        "year" => "--year",
        "category" => "--category",
        "count" => "--count",
        "meeting_standard" => "--meeting-standard",
        "leader" => "--leader",
        "reason" => "--reason",
        "title" => "--title",
        "evidence_kind" => "--kind",
        "file" => "--file",
        _ => return None,
    })
}

/// What a change-log entry is about: "Thủ tục", "Đơn vị", …; a table's own name where the log needs no shorter one.
pub fn entity_caption(entity: &str) -> String {
    match entity {
        "procedure" => "Thủ tục",
        "unit" => "Đơn vị",
        "period_setting" => "Kỳ báo cáo",
        "case_stats" => "Số liệu hồ sơ",
        "staff_quota" => "Biên chế",
        "staff_headcount" => "Số có mặt",
        "person" => "Cán bộ, công chức",
        "plan" => "Kế hoạch",
        "task" => "Nhiệm vụ",
        "criteria_set" => "Bộ chỉ số",
        "assessment" => "Phiếu tự đánh giá",
        "assessment_score" => "Điểm tiêu chí",
        "evidence_link" => "Gắn tài liệu kiểm chứng",
        "report_section" => "Mục báo cáo",
        "register" => "Sổ dữ liệu",
        other => return table_caption(other),
    }
    .to_string()
}

/// The Vietnamese name of a register table, for the restore preview (unknown ones, from a newer program, as they are).
pub fn table_caption(table: &str) -> String {
    match table {
        "unit" => "Thông tin đơn vị",
        "period_setting" => "Thời gian kỳ báo cáo",
        "procedure" => "Thủ tục hành chính",
        "case_stats" => "Số liệu giải quyết hồ sơ",
        "change_log" => "Nhật ký thay đổi",
        "staff_category" => "Loại cán bộ, công chức",
        "staff_quota" => "Biên chế được giao",
        "staff_headcount" => "Số có mặt (nhập tổng)",
        "person" => "Cán bộ, công chức, người lao động",
        "plan" => "Kế hoạch CCHC",
        "reform_area" => "Lĩnh vực cải cách",
        "task" => "Nhiệm vụ",
        "iso_system" => "ISO 9001: phiên bản",
        "iso_announcement" => "ISO 9001: quyết định công bố",
        "iso_scope" => "ISO 9001: phạm vi",
        "iso_audit" => "ISO 9001: đánh giá nội bộ",
        "iso_nonconformity" => "ISO 9001: điểm không phù hợp",
        "iso_review" => "ISO 9001: xem xét của lãnh đạo",
        "iso_action" => "ISO 9001: hành động",
        "iso_legal_change" => "ISO 9001: văn bản cần cập nhật",
        "iso_report" => "ISO 9001: báo cáo năm",
        "criteria_set" => "Bộ chỉ số CCHC",
        "assessment" => "Phiếu tự đánh giá chỉ số CCHC",
        "assessment_score" => "Điểm tự đánh giá, thẩm định",
        "evidence" => "Tài liệu kiểm chứng",
        "evidence_link" => "Tài liệu kiểm chứng gắn với tiêu chí",
        "package_sent" => "Tệp báo cáo đã gửi",
        "expected_unit" => "Đơn vị thuộc phạm vi tổng hợp",
        "package_received" => "Báo cáo đã nhận",
        "outgoing_document" => "Sổ văn bản đi",
        "report_section" => "Nội dung các mục báo cáo",
        other => other,
    }
    .to_string()
}

/// What was done: "Thêm mới", "Sửa", …
pub fn action_caption(action: &str) -> String {
    match action {
        "create" => "Thêm mới",
        "update" => "Sửa",
        "retire" => "Ngừng áp dụng",
        "delete" => "Xóa",
        "lock" => "Chốt điểm tự chấm",
        "advance" => "Chuyển bước",
        "unlock" => "Mở khóa",
        other => return other.to_string(),
    }
    .to_string()
}

/// A change-log key as read by a person: "2025-Q1|Hộ tịch|" → "2025-Q1, Hộ tịch".
pub fn entity_key(key: &str) -> String {
    key.split('|').filter(|part| !part.is_empty()).collect::<Vec<_>>().join(", ")
}

/// The details an error carries, already as text.
struct Details {
    path: String,
    what: String,
    key: String,
    detail: String,
}

impl Details {
    fn of(err: &Error) -> Details {
        let mut d = Details { path: String::new(), what: String::new(), key: String::new(), detail: String::new() };
        match err {
            Error::RegisterNotFound(path)
            | Error::RegisterExists(path)
            | Error::NotARegister(path)
            | Error::FileFormat(path)
            | Error::PackageRefused { path, .. } => d.path = show_path(path),
            Error::SchemaTooNew { found, supported } => d.detail = format!("{found} > {supported}"),
            Error::RegisterDamaged(detail)
            | Error::Storage(detail)
            | Error::DiskFull(detail)
            | Error::MissingGlyphs(detail) => d.detail = detail.clone(),
            Error::CopyTooNew { program, .. } => d.key = program.clone(),
            Error::BackupInvalid { path, reason } => {
                d.path = show_path(path);
                d.detail = reason.clone();
            }
            Error::Invalid(_) => {}
            Error::NotFound { what, key } | Error::AlreadyExists { what, key } => {
                d.what = what_caption(what);
                d.key = key.clone();
            }
            Error::ProcedureHasHistory(code) => d.key = code.clone(),
            Error::FileUnreadable { path, reason } => {
                d.path = show_path(path);
                d.detail = reason.clone();
            }
            Error::BadPeriod(text) | Error::ReportIssued(text) => d.key = text.clone(),
            Error::Io { path, source } => {
                d.path = show_path(path);
                d.detail = io_reason(source);
            }
            Error::WrongStage { year, stage, action } => {
                d.key = year.to_string();
                d.what = cchc::model::Stage::parse(stage).map_or(stage.to_string(), |s| s.label().to_string());
                d.detail = action_phrase(action).to_string();
            }
        }
        d
    }
}

/// What a refused assessment action was, as a verb phrase.
fn action_phrase(action: &str) -> &'static str {
    match action {
        "score" => "chấm điểm tự đánh giá",
        "not_applicable" => "đánh dấu không phát sinh",
        "explain" => "ghi giải trình",
        "appraise" => "ghi điểm thẩm định",
        "lock" => "chốt điểm tự chấm",
        "advance" => "chuyển sang bước tiếp theo",
        "unlock" => "mở khóa",
        "link" => "gắn tài liệu kiểm chứng",
        _ => "thực hiện thao tác này",
    }
}

fn what_caption(what: &str) -> String {
    match what {
        "assessment" => "phiếu tự đánh giá năm",
        "criteria_set" => "bộ chỉ số",
        "evidence" => "tài liệu kiểm chứng số",
        "procedure" => "thủ tục",
        "unit" => "thông tin đơn vị",
        "period" => "kỳ báo cáo",
        "stats" | "case_stats" => "số liệu hồ sơ",
        "field" => "lĩnh vực",
        "received_report" => "báo cáo đã nhận",
        "package_entry" => "tệp trong báo cáo",
        "report_section" => "mục báo cáo",
        "outgoing_document" => "văn bản đi",
        "plan" => "kế hoạch",
        "task" => "nhiệm vụ",
        "person" => "cán bộ, công chức số",
        "staff_category" => "loại cán bộ, công chức",
        "reform_area" => "lĩnh vực cải cách hành chính",
        "iso_announcement" => "quyết định công bố ISO 9001",
        "iso_audit" => "cuộc đánh giá nội bộ ISO 9001 số",
        "iso_review" => "cuộc xem xét của lãnh đạo số",
        "iso_action" => "hành động khắc phục, cải tiến số",
        "iso_legal_change" => "văn bản pháp luật cần cập nhật số",
        // A name from a newer program: said as a record, never as an identifier.
        _ => "bản ghi",
    }
    .to_string()
}

fn io_reason(err: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match err.kind() {
        ErrorKind::NotFound => "không có tệp hoặc thư mục này".to_string(),
        ErrorKind::PermissionDenied => "không có quyền truy cập".to_string(),
        ErrorKind::AlreadyExists => "tệp đã tồn tại".to_string(),
        ErrorKind::StorageFull => "ổ đĩa đã đầy".to_string(),
        ErrorKind::ReadOnlyFilesystem => "ổ đĩa chỉ cho phép đọc".to_string(),
        ErrorKind::IsADirectory => "đây là một thư mục, không phải tệp".to_string(),
        ErrorKind::NotADirectory => "đường dẫn không phải là thư mục".to_string(),
        _ => format!("lỗi hệ thống (chi tiết kỹ thuật: {err})"),
    }
}

pub fn show_path(path: &Path) -> String {
    path.display().to_string()
}

/// Numbers among a finding's values print the Vietnamese way ("2051" → "2.051"); other text as is.
fn number_or_text(value: &str) -> String {
    match value.parse::<i64>() {
        Ok(n) => format::int(n),
        Err(_) => value.to_string(),
    }
}

/// A record that names a file: its first word holds a dot or a slash ("data.json", "evidence/ab12…").
fn is_path(record: &str) -> bool {
    record.split([' ', ':', ',']).next().is_some_and(|word| word.contains(['.', '/']))
}

fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_read_as_sentences() {
        let cell = Place::cell("Thủ tục hành chính", 7, "Mã TTHC");
        assert_eq!(place_text(&cell), "Trang tính “Thủ tục hành chính”, dòng 7, cột “Mã TTHC”");
        let register = Place {
            period: Some("2025-Q1".into()),
            field: Some("Hộ tịch".into()),
            column: Some("received_total".into()),
            ..Place::default()
        };
        assert_eq!(place_text(&register), "Kỳ 2025-Q1, lĩnh vực Hộ tịch, cột “Nhận: Tổng số”");
        assert_eq!(place_text(&Place::field("code")), "Mục “Mã thủ tục” (--code)");
    }

    /// A task due before its plan was refused with the field called "Hạn gửi báo cáo" (the report deadline).
    #[test]
    fn a_column_is_named_as_its_record_names_it() {
        let task = Finding::new(FindingCode::TaskBeforePlan, Place::field("deadline")).of_entity("task");
        assert_eq!(place_text(&task.place), "Mục “Thời hạn hoàn thành” (--deadline)");
        let period = Finding::new(FindingCode::BadDate, Place::field("deadline")).of_entity("period");
        assert_eq!(place_text(&period.place), "Mục “Hạn gửi báo cáo” (--deadline)");
        let plan = Finding::new(FindingCode::DateInFuture, Place::field("date")).of_entity("plan");
        assert_eq!(place_text(&plan.place), "Mục “Ngày ban hành kế hoạch” (--date)");
    }

    /// Entries inside a report file were printed as "Data.json:" and "Evidence/link:".
    #[test]
    fn a_file_named_in_a_place_keeps_its_case() {
        assert_eq!(place_text(&Place::record("data.json")), "data.json");
        assert_eq!(place_text(&Place::record("evidence/link")), "evidence/link");
        assert_eq!(place_text(&Place::record("data.json: đơn vị")), "data.json: đơn vị");
        assert_eq!(place_text(&Place::record("nhiệm vụ “Rà soát”")), "Nhiệm vụ “Rà soát”");
    }

    #[test]
    fn findings_fill_in_their_values() {
        let f = Finding::new(FindingCode::ReceivedSumMismatch, Place::default()).with("total", 2051).with("sum", 11);
        assert_eq!(finding_line(&f), "Tổng số hồ sơ nhận (2.051) khác tổng trực tuyến + trực tiếp + kỳ trước (11).");
        let f = Finding::new(FindingCode::TimeWithoutUnit, Place::default()).with("value", "5");
        assert_eq!(finding_message(&f), "Thời hạn “5” thiếu đơn vị (ngày hoặc ngày làm việc).");
    }

    #[test]
    fn criteria_codes_and_points_are_not_regrouped_as_thousands() {
        let place = Place::record("Tiêu chí 3.3");
        let f = Finding::new(FindingCode::EvidenceMissing, place.clone()).with("value", "3.3").with("points", "1,5");
        assert_eq!(
            finding_line(&f),
            "Tiêu chí 3.3: Tự chấm 1,5 điểm nhưng chưa có tài liệu kiểm chứng và chưa có giải trình."
        );
        let f = Finding::new(FindingCode::CriteriaSumMismatch, place).with("sum", "1.005").with("max", "9");
        assert!(finding_message(&f).contains("(1.005)"));
        let err = Error::WrongStage { year: 2025, stage: "self_locked", action: "score" };
        assert_eq!(
            error_message(&err),
            "Phiếu tự đánh giá năm 2025 đang ở bước “Đã chốt điểm tự chấm” nên không thể chấm điểm tự đánh giá. \
             Bước này chỉ được xem; nếu cần sửa bước trước, hãy mở khóa bằng `cchc assess unlock --reason …`."
        );
    }
}
