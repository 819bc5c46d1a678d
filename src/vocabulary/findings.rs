//! The sentence of every finding code, the variants some codes take when a finding carries an extra value, and the
//! remedies that differ between the command line and the window. Templates name their values as `{name}`.

use crate::model::{Finding, FindingCode};

/// The plain sentence of a finding code. Exhaustive, so a new code does not compile until it is worded.
pub fn finding_template(code: FindingCode) -> &'static str {
    match code {
        FindingCode::MissingColumn => "Tệp thiếu cột “{column}”.",
        FindingCode::UnknownColumn => "Cột “{column}” không thuộc mẫu nên được bỏ qua.",
        FindingCode::RequiredMissing => "Thiếu thông tin bắt buộc.",
        FindingCode::BadProcedureCode => {
            "Mã thủ tục “{value}” không đúng dạng (ví dụ đúng: 1.001193 hoặc 3.000527.H61)."
        }
        FindingCode::BadNumber => "“{value}” không phải là số hợp lệ.",
        FindingCode::BadDate => "“{value}” không phải là ngày hợp lệ; hãy viết theo dạng dd/mm/yyyy.",
        FindingCode::BadChoice => "“{value}” không thuộc các lựa chọn cho phép.",
        FindingCode::BadPeriod => {
            "Kỳ báo cáo “{value}” không hợp lệ; hãy dùng dạng 2025-Q1, 2025-H1, 2025-Q3 hoặc 2025."
        }
        FindingCode::EmptyRow => "Dòng không có dữ liệu.",
        FindingCode::DuplicateInFile => "“{value}” xuất hiện nhiều lần trong tệp.",
        FindingCode::TimeWithoutUnit => "Thời hạn “{value}” thiếu đơn vị (ngày hoặc ngày làm việc).",
        FindingCode::TimeVariesByChannel => {
            "Thời hạn “{value}” khác nhau theo hình thức nộp hồ sơ; hãy kiểm tra lại thời hạn đã ghi."
        }
        FindingCode::OddFee => "Phí, lệ phí “{value}” có dạng bất thường; hãy kiểm tra lại.",
        FindingCode::UnknownProcedure => "Mã thủ tục “{value}” không có trong sổ.",
        FindingCode::UnknownReplacement => "Thủ tục thay thế “{value}” không có trong sổ.",
        FindingCode::IsoScopeEmpty => "Quyết định công bố chưa có thủ tục nào thuộc phạm vi áp dụng ISO 9001. {remedy}",
        FindingCode::FlagEmpty => {
            "{count} ô để trống (dòng {rows}) được ghi là “{default}”; nếu không đúng, hãy ghi rõ “có” hoặc “không”."
        }
        FindingCode::DateInFuture => "Ngày {value} sau ngày hôm nay ({today}); hãy kiểm tra lại năm đã ghi.",
        FindingCode::Negative => "Số liệu không được âm (đang ghi {value}).",
        FindingCode::ReceivedSumMismatch => {
            "Tổng số hồ sơ nhận ({total}) khác tổng trực tuyến + trực tiếp + kỳ trước ({sum})."
        }
        FindingCode::ReceivedBalanceMismatch => {
            "Tổng số hồ sơ nhận ({total}) khác tổng đã giải quyết + đang giải quyết ({sum})."
        }
        FindingCode::ResolvedSumMismatch => {
            "Tổng số hồ sơ đã giải quyết ({total}) khác tổng trước hạn + đúng hạn + quá hạn ({sum})."
        }
        FindingCode::InProgressSumMismatch => {
            "Tổng số hồ sơ đang giải quyết ({total}) khác tổng trong hạn + quá hạn ({sum})."
        }
        FindingCode::ApologyBelowLate => {
            "Số thư xin lỗi ({apology_letters}) ít hơn số hồ sơ giải quyết quá hạn ({late})."
        }
        FindingCode::CarriedOverMismatch => {
            "Số hồ sơ từ kỳ trước chuyển qua ({carried_over}) khác số hồ sơ đang giải quyết cuối kỳ trước ({previous_in_progress})."
        }
        FindingCode::FieldWithoutProcedures => "Lĩnh vực “{value}” chưa có thủ tục nào trong sổ.",
        FindingCode::DatesOutOfOrder => "Ngày kết thúc ({end}) trước ngày bắt đầu ({start}).",
        FindingCode::OutOfRange => "“{value}” nằm ngoài khoảng cho phép (từ {min} đến {max}).",
        FindingCode::NoQuota => {
            "Năm {year} chưa có biên chế được giao cho loại “{value}” nhưng có người thuộc loại này."
        }
        FindingCode::OverQuota => "Số có mặt ({present}) vượt biên chế được giao ({quota}) của loại “{value}”.",
        FindingCode::TaskBeforePlan => "Thời hạn của nhiệm vụ ({deadline}) trước ngày ban hành kế hoạch ({plan_date}).",
        FindingCode::UnknownPlan => "Kế hoạch “{value}” không có trong sổ.",
        FindingCode::CategoryEnded => "Loại “{value}” chỉ áp dụng đến ngày {valid_until}.",
        FindingCode::IsoNotAnnounced => {
            "Năm {year} chưa có quyết định công bố hệ thống quản lý chất lượng theo ISO 9001."
        }
        FindingCode::IsoScopeMissing => {
            "Thủ tục “{value}” thuộc phạm vi áp dụng ISO 9001 nhưng chưa có trong quyết định công bố gần nhất."
        }
        FindingCode::IsoScopeRetired => {
            "Quyết định công bố ISO 9001 có thủ tục “{value}” đã ngừng áp dụng; cần công bố lại."
        }
        FindingCode::IsoScopeUnknown => {
            "Quyết định công bố ISO 9001 có thủ tục “{value}” không còn trong sổ; cần công bố lại."
        }
        FindingCode::IsoAuditMissing => "Năm {year} chưa đánh giá nội bộ.",
        FindingCode::IsoReviewMissing => "Năm {year} chưa họp xem xét của lãnh đạo.",
        FindingCode::IsoLegalChangeOverdue => {
            "Quá hạn cập nhật văn bản pháp luật mới “{value}” vào hệ thống (hạn {due})."
        }
        FindingCode::IsoActionOverdue => "Quá hạn hành động khắc phục “{value}” (hạn {due}, người thực hiện {owner}).",
        FindingCode::CriteriaFormat => "Tệp không phải là JSON hợp lệ ({problem} ở dòng {line}, cột {column}).",
        FindingCode::CriteriaShareMismatch => {
            "Tổng điểm các lĩnh vực thuộc “{part}” là {sum}, khác số điểm quy định {max}."
        }
        FindingCode::CriteriaSumMismatch => {
            "Tổng điểm tối đa các tiêu chí con ({sum}) khác điểm tối đa của tiêu chí ({max})."
        }
        FindingCode::CriteriaDuplicateCode => "Mã tiêu chí “{value}” bị trùng.",
        FindingCode::CriteriaBandsOrder => {
            "Các mức xếp loại phải xếp từ cao xuống thấp, không trùng nhau (đang ghi: {value})."
        }
        FindingCode::CriteriaPointsOverMax => "Cho {points} điểm, vượt điểm tối đa {max}.",
        FindingCode::CriteriaRuleMissing => "Không có tiêu chí con nên phải có cách chấm.",
        FindingCode::CriteriaRuleMismatch => {
            "Cách chấm không phù hợp với phần điểm hoặc với chỉ số từ sổ của tiêu chí."
        }
        FindingCode::CriteriaUnknownMetric => "Chỉ số “{value}” không có trong sổ nên không tính được.",
        FindingCode::CriteriaNotNewer => {
            "Bộ chỉ số “{value}” phiên bản {version} không mới hơn phiên bản đã có ({latest}); chỉ nhập được phiên bản mới hơn."
        }
        FindingCode::UnknownCriterion => "Không có tiêu chí “{value}” để chấm trong bộ chỉ số.",
        FindingCode::PointsNotAllowed => "Số điểm {value} không hợp lệ cho tiêu chí này; được chấm: {allowed}.",
        FindingCode::NotScored => "Chưa chấm điểm.",
        FindingCode::EvidenceMissing => {
            "Tự chấm {points} điểm nhưng chưa có tài liệu kiểm chứng và chưa có giải trình."
        }
        FindingCode::OverrideReasonMissing => {
            "Điểm tự chấm {value} khác điểm gợi ý từ sổ ({suggested}); hãy ghi lý do."
        }
        FindingCode::BonusOverCap => "Tổng điểm thưởng {value} vượt mức tối đa {cap}; chỉ tính {cap}.",
        FindingCode::PenaltyOverCap => "Tổng điểm trừ {value} vượt mức tối đa {cap}; chỉ tính {cap}.",
        FindingCode::FileTooLarge => "Tệp “{value}” quá lớn ({size} byte; tối đa {limit} byte).",
        FindingCode::PackageNotZip => {
            "Tệp không phải là tệp báo cáo hợp lệ (.cchcbc) (không đọc được dạng nén ZIP) hoặc đã bị hỏng."
        }
        FindingCode::PackageTooLarge => {
            "Tệp báo cáo hoặc thành phần của nó vượt giới hạn kích thước ({size} byte; giới hạn {limit} byte)."
        }
        FindingCode::PackageZipBomb => {
            "Thành phần “{value}” có tỷ lệ nén bất thường hoặc dài hơn khai báo (nghi là tệp nén độc hại)."
        }
        FindingCode::PackageUnsafePath => {
            "Thành phần “{value}” có đường dẫn không an toàn (đường dẫn tuyệt đối hoặc có “..”)."
        }
        FindingCode::PackageLink => "Thành phần “{value}” là liên kết hoặc thư mục, không phải tệp thường.",
        FindingCode::PackageUnknownEntry => "Tệp báo cáo có thành phần lạ hoặc trùng tên “{value}”.",
        FindingCode::PackageManifestMissing => "Tệp báo cáo thiếu phần mô tả (manifest.json).",
        FindingCode::PackageManifestUnreadable => "Không đọc được phần mô tả (manifest.json) của tệp báo cáo.",
        FindingCode::PackageFormatTooNew => {
            "Tệp báo cáo theo định dạng phiên bản {version}, mới hơn chương trình này (đọc được đến phiên bản {supported}); hãy cập nhật chương trình lên phiên bản {program_version} trở lên."
        }
        FindingCode::PackageEntryMissing => "Tệp báo cáo thiếu thành phần “{value}” đã khai báo.",
        FindingCode::PackageSizeMismatch => {
            "Thành phần “{value}” có kích thước ({size} byte) khác với khai báo ({expected} byte); tệp có thể đã bị sửa hoặc hỏng."
        }
        FindingCode::PackageHashMismatch => {
            "Thành phần “{value}” có mã kiểm tra SHA-256 khác với khai báo; tệp có thể đã bị sửa hoặc hỏng."
        }
        FindingCode::PackageDataUnreadable => "Không đọc được phần số liệu (data.json) của tệp báo cáo.",
        FindingCode::PackageDataMismatch => {
            "Phần số liệu ghi đơn vị và kỳ “{value}”, khác với phần mô tả (“{expected}”)."
        }
        FindingCode::PackageUnitUnexpected => {
            "Đơn vị “{value}” không có trong danh sách đơn vị thuộc phạm vi tổng hợp."
        }
        FindingCode::PackageFileUnreadable => {
            "Không đọc được tệp (chi tiết kỹ thuật: {value}); hãy kiểm tra ổ USB hoặc quyền truy cập rồi nhận lại."
        }
        FindingCode::PackageDuplicateEntry => {
            "Tệp báo cáo có hai thành phần cùng tên “{value}” (hoặc tên chỉ khác chữ hoa, chữ thường hay cách gõ dấu): mỗi chương trình giải nén có thể đọc ra một báo cáo khác nhau nên không nhận tệp này."
        }
        FindingCode::PackageIdReused => {
            "Đã nhận một báo cáo cùng mã {value} nhưng nội dung khác với tệp này; không nhận tệp này. Hãy liên hệ đơn vị gửi để xác minh và gửi lại."
        }
        FindingCode::SurveyNotSelfScored => {
            "Tiêu chí {value} là điểm điều tra xã hội học do tỉnh công bố nên đơn vị không tự chấm; kết quả được nhập ở bước thẩm định{remedy}."
        }
        FindingCode::NameTaken => "Danh mục đã có mục “{value}”; hãy đặt tên khác.",
        FindingCode::CatalogSeeded => {
            "“{value}” là mục có sẵn mà các báo cáo sử dụng nên không xóa được; có thể đổi tên (với loại cán bộ, công chức: ghi ngày hết áp dụng)."
        }
        FindingCode::CatalogInUse => "“{value}” đang được dùng ở {count} bản ghi nên không xóa được.",
        FindingCode::ChangesOtherUnit => {
            "Tệp thay đổi là của đơn vị “{value}”, không phải của đơn vị này; không nhập tệp này."
        }
        FindingCode::ChangesOtherRegister => {
            "Tệp thay đổi được ghi từ một bản làm việc lấy từ sổ dữ liệu khác, không phải từ sổ này; không nhập tệp này."
        }
        FindingCode::ChangesSkipped => {
            "Đây là tệp thay đổi số {value} của bản làm việc của {person}, nhưng tệp số {expected} chưa được nhập; hãy nhập các tệp theo thứ tự."
        }
        FindingCode::ChangesChainBroken => {
            "Tệp thay đổi số {value} của bản làm việc của {person} không nối tiếp tệp đã nhập (có thể được ghi lại từ một bản sao cũ của bản làm việc); không nhập tệp này."
        }
        FindingCode::ConflictNotChosen => "Chưa chọn giữ bản nào cho chỗ khác nhau ở “{value}”.",
        FindingCode::MergeClash => {
            "Không ghi được thay đổi ở “{value}” vào sổ (trùng với một bản ghi khác hoặc thiếu bản ghi mà nó cần); không có thay đổi nào được ghi."
        }
        FindingCode::NothingToSend => "Bản làm việc chưa có thay đổi nào kể từ lần gửi trước.",
        FindingCode::WorkCopyMismatch => "Tệp bản làm việc bị hỏng: sổ dữ liệu bên trong không khớp với phần mô tả.",
    }
}

/// Which extra values make a variant apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    /// Every one of these values is present.
    Has(&'static [&'static str]),
    /// This value is present and equals that text.
    Is(&'static str, &'static str),
}

/// A sentence used instead of the plain one of `code` when the finding's values match `when`.
#[derive(Debug, Clone, Copy)]
pub struct Variant {
    /// The variant's name in the window's strings (`findingVariants.codeChanged`).
    pub name: &'static str,
    pub code: FindingCode,
    pub when: When,
    pub template: &'static str,
}

/// Every variant; for one code, the first that matches wins. The window reads this same list (vocabulary.json).
pub const VARIANTS: &[Variant] = &[
    words(
        "codeChanged",
        FindingCode::BadProcedureCode,
        When::Has(&["expected"]),
        "Không thể đổi mã thủ tục “{expected}” thành “{value}”; mã khác là một thủ tục khác.",
    ),
    words(
        "dateRange",
        FindingCode::BadDate,
        When::Has(&["start", "end"]),
        "Ngày bắt đầu ({start}) sau ngày kết thúc ({end}).",
    ),
    // Written as a date, but no such day: "31/02/2026", "12/13/2026".
    words(
        "dateNoSuchDay",
        FindingCode::BadDate,
        When::Has(&["day", "month", "year"]),
        "Ngày “{value}” không có thật: tháng {month} năm {year} không có ngày {day}.",
    ),
    words(
        "dateNoSuchMonth",
        FindingCode::BadDate,
        When::Has(&["month"]),
        "Ngày “{value}” không có thật: một năm chỉ có 12 tháng (đang ghi tháng {month}).",
    ),
    // A day of every year (the self-assessment deadline) is written without a year; a JSON date as yyyy-mm-dd.
    words(
        "dateFormat",
        FindingCode::BadDate,
        When::Has(&["format"]),
        "“{value}” không phải là ngày hợp lệ; hãy viết theo dạng {format}.",
    ),
    words(
        "choiceAllowed",
        FindingCode::BadChoice,
        When::Has(&["allowed"]),
        "“{value}” không thuộc các lựa chọn cho phép ({allowed}).",
    ),
    words(
        "duplicateFirstRow",
        FindingCode::DuplicateInFile,
        When::Has(&["first_row"]),
        "“{value}” xuất hiện nhiều lần trong tệp (lần đầu ở dòng {first_row}).",
    ),
    // A value of the wrong kind in a criteria file names what was expected.
    words(
        "criteriaWrongKind",
        FindingCode::CriteriaFormat,
        When::Has(&["expected"]),
        "“{value}” không đúng kiểu: cần {expected}.",
    ),
    words(
        "shareScale",
        FindingCode::CriteriaShareMismatch,
        When::Is("part", "scale"),
        "Điểm thẩm định cộng điểm điều tra xã hội học là {sum}, khác thang điểm {max}.",
    ),
    // The bands of a scoring rule (with the criterion's code), not the set's grading bands.
    words(
        "ruleBandsOrder",
        FindingCode::CriteriaBandsOrder,
        When::Has(&["code"]),
        "Các mức phải xếp từ cao xuống thấp, không trùng nhau, điểm không tăng khi ngưỡng giảm (đang ghi: {value}).",
    ),
    words(
        "pointsStep",
        FindingCode::CriteriaPointsOverMax,
        When::Has(&["step"]),
        "Bước điểm {step} không hợp lệ (phải lớn hơn 0 và chia hết điểm tối đa {max}).",
    ),
    words(
        "pointsOverCap",
        FindingCode::CriteriaPointsOverMax,
        When::Has(&["cap"]),
        "Điểm tối đa của mục này ({points}) vượt mức tối đa của cả phần điểm thưởng hoặc điểm trừ ({cap}).",
    ),
    words(
        "areaWithoutCriteria",
        FindingCode::CriteriaRuleMissing,
        When::Is("problem", "area"),
        "Lĩnh vực phải có ít nhất một tiêu chí (lĩnh vực không được chấm trực tiếp).",
    ),
    words(
        "parentRule",
        FindingCode::CriteriaRuleMismatch,
        When::Is("problem", "parent_rule"),
        "Có tiêu chí con nên không được có cách chấm riêng.",
    ),
    words(
        "metricRule",
        FindingCode::CriteriaRuleMismatch,
        When::Is("problem", "metric"),
        "Chỉ số “{metric}” không dùng được với cách chấm “{rule}”.",
    ),
    words(
        "ruleInPart",
        FindingCode::CriteriaRuleMismatch,
        When::Has(&["rule"]),
        "Cách chấm “{rule}” không dùng được trong phần “{part}”.",
    ),
    words(
        "partOnArea",
        FindingCode::CriteriaRuleMismatch,
        When::Is("problem", "part"),
        "Chỉ lĩnh vực (cấp cao nhất) mới ghi phần điểm.",
    ),
];

/// The variant of that name (`"dateFormat"`), for a sentence said before any finding exists.
pub fn variant(name: &str) -> Option<&'static Variant> {
    VARIANTS.iter().find(|v| v.name == name)
}

/// What the official can do, where the command line (a command to type) and the window (a control to use) differ;
/// filled into the sentence's `{remedy}`. Exhaustive over the codes whose sentence holds one.
pub struct Remedy {
    pub command_line: &'static str,
    pub window: &'static str,
}

/// The remedy of a code whose sentence ends with `{remedy}`, or none.
pub fn remedy(code: FindingCode) -> Option<Remedy> {
    Some(match code {
        FindingCode::IsoScopeEmpty => Remedy {
            command_line: "Hãy đánh dấu các thủ tục thuộc phạm vi (`cchc procedures edit MÃ --iso`, hoặc cột “Phạm vi ISO \
                           9001” khi nhập danh mục thủ tục) rồi dùng --all-in-scope, hoặc ghi mã thủ tục bằng --procedures.",
            window: "Hãy tích chọn các thủ tục trong danh sách phạm vi (hoặc đánh dấu “Phạm vi ISO 9001” trong danh \
                     mục thủ tục).",
        },
        FindingCode::SurveyNotSelfScored => Remedy { command_line: " (`cchc assess appraisal score`)", window: "" },
        _ => return None,
    })
}

/// The template of a finding: its first matching variant, else its code's plain sentence.
pub fn template_of(finding: &Finding) -> &'static str {
    let value = |name: &str| finding.values.get(name).map(String::as_str);
    VARIANTS
        .iter()
        .filter(|v| v.code == finding.code)
        .find(|v| match v.when {
            When::Has(names) => names.iter().all(|n| value(n).is_some()),
            When::Is(name, text) => value(name) == Some(text),
        })
        .map_or_else(|| finding_template(finding.code), |v| v.template)
}

const fn words(name: &'static str, code: FindingCode, when: When, template: &'static str) -> Variant {
    Variant { name, code, when, template }
}
