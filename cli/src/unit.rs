//! `init`, `unit` and `period`: the unit's profile (names printed on reports) and the reporting periods' windows.

use crate::Ctx;
use crate::format;
use crate::output::{CmdResult, Done, Failure};
use cchc::model::{Finding, FindingCode, PeriodKey, PeriodWindow, Place, SignAuthority, Signer, UnitKind, UnitProfile};
use cchc::{App, Assets};
use chrono::NaiveDate;
use clap::{Args, Subcommand};
use serde_json::json;

/// The unit's details; for `init` the name, kind, province, issuer line and place name are required.
#[derive(Args, Debug, Default)]
pub struct UnitFlags {
    #[arg(
        long,
        value_name = "TÊN",
        help = "Tên đầy đủ của đơn vị, ví dụ “Ủy ban nhân dân phường Trần Phú” (bắt buộc khi tạo sổ)"
    )]
    name: Option<String>,
    #[arg(long, value_name = "LOẠI", value_parser = format::parse_unit_kind, help = "Loại đơn vị: xã, phường, đặc khu, hoặc Sở Nội vụ cho sổ của cấp trên (bắt buộc khi tạo sổ)")]
    kind: Option<UnitKind>,
    #[arg(long, value_name = "TỈNH", help = "Tỉnh, thành phố trực thuộc trung ương (bắt buộc khi tạo sổ)")]
    province: Option<String>,
    #[arg(long, value_name = "MÃ", help = "Mã đơn vị (nếu có)")]
    code: Option<String>,
    #[arg(long, value_name = "DÒNG", help = "Dòng cơ quan chủ quản ở đầu văn bản, ví dụ “UBND TỈNH HẢI DƯƠNG”")]
    superior_line: Option<String>,
    #[arg(
        long,
        value_name = "DÒNG",
        help = "Dòng cơ quan ban hành ở đầu văn bản, ví dụ “UBND PHƯỜNG TRẦN PHÚ” (bắt buộc khi tạo sổ)"
    )]
    issuer_line: Option<String>,
    #[arg(
        long,
        value_name = "ĐỊA_DANH",
        help = "Địa danh ghi ở dòng ngày tháng, ví dụ “Trần Phú” (bắt buộc khi tạo sổ)"
    )]
    place_name: Option<String>,
    #[arg(long, value_name = "HỌ_TÊN", help = "Họ và tên người ký báo cáo")]
    signer_name: Option<String>,
    #[arg(long, value_name = "CHỨC_VỤ", help = "Chức vụ người ký, ví dụ “Chủ tịch”, “Phó Chủ tịch”")]
    signer_title: Option<String>,
    #[arg(long, value_name = "THẨM_QUYỀN", value_parser = format::parse_authority, help = "Thẩm quyền ký: tm (TM.), kt (KT.) hoặc direct (ký trực tiếp); mặc định tm")]
    authority: Option<SignAuthority>,
    #[arg(long, value_name = "NƠI", help = "Một dòng “Kính gửi” (dùng nhiều lần cho nhiều nơi)")]
    recipient: Vec<String>,
    #[arg(
        long,
        value_name = "NƠI",
        help = "Một nơi nhận (dùng nhiều lần cho nhiều nơi), in giữa “- Như trên;” và “- Lưu: VT.” ở mục Nơi nhận"
    )]
    copy_to: Vec<String>,
    #[arg(
        long,
        requires = "copy_to",
        help = "Bỏ hai dòng “Như trên” và “Lưu: VT” của mục Nơi nhận: chỉ in các nơi ghi ở --copy-to"
    )]
    no_default_copies: bool,
    #[arg(long, value_name = "HỌ_TÊN", help = "Người sử dụng máy này, được ghi vào nhật ký thay đổi")]
    user: Option<String>,
}

impl UnitFlags {
    fn is_empty(&self) -> bool {
        self.name.is_none()
            && self.kind.is_none()
            && self.province.is_none()
            && self.code.is_none()
            && self.superior_line.is_none()
            && self.issuer_line.is_none()
            && self.place_name.is_none()
            && self.signer_name.is_none()
            && self.signer_title.is_none()
            && self.authority.is_none()
            && self.recipient.is_empty()
            && self.copy_to.is_empty()
            && self.user.is_none()
    }

    /// Overwrites the profile's details with those given.
    fn apply(self, p: &mut UnitProfile) {
        let set = |slot: &mut String, value: Option<String>| {
            if let Some(value) = value {
                *slot = value;
            }
        };
        set(&mut p.name, self.name);
        if let Some(kind) = self.kind {
            p.kind = kind;
        }
        set(&mut p.province, self.province);
        set(&mut p.code, self.code);
        set(&mut p.superior_line, self.superior_line);
        set(&mut p.issuer_line, self.issuer_line);
        set(&mut p.place_name, self.place_name);
        set(&mut p.signer.name, self.signer_name);
        set(&mut p.signer.title, self.signer_title);
        if let Some(authority) = self.authority {
            p.signer.authority = authority;
        }
        if !self.recipient.is_empty() {
            p.recipients = self.recipient;
        }
        // The standard lines stay around the unit's own recipients unless removed on purpose.
        if self.no_default_copies {
            p.copies_to = self.copy_to;
        } else if !self.copy_to.is_empty() {
            p.copies_to = cchc::api::with_standard_copies(&self.copy_to);
        }
        set(&mut p.user_name, self.user);
    }
}

#[derive(Subcommand, Debug)]
pub enum UnitCommand {
    #[command(about = "Xem thông tin đơn vị")]
    Show,
    #[command(about = "Sửa thông tin đơn vị (chỉ những mục được chỉ rõ)")]
    Set(Box<UnitFlags>),
}

#[derive(Subcommand, Debug)]
pub enum PeriodCommand {
    #[command(
        about = "Xem thời gian lấy số liệu, hạn gửi báo cáo và số ngày còn lại của một kỳ (mặc định: kỳ hiện tại)"
    )]
    Show {
        #[arg(value_name = "KỲ", value_parser = format::parse_period, help = "Kỳ báo cáo: 2025-Q1, 2025-H1, 2025-Q3 hoặc 2025")]
        period: Option<PeriodKey>,
    },
    #[command(about = "Đặt thời gian lấy số liệu và hạn gửi báo cáo của một kỳ cho đơn vị")]
    Set {
        #[arg(value_name = "KỲ", value_parser = format::parse_period, help = "Kỳ báo cáo: 2025-Q1, 2025-H1, 2025-Q3 hoặc 2025")]
        period: PeriodKey,
        #[arg(long, value_name = "NGÀY", value_parser = format::parse_date, help = "Ngày bắt đầu lấy số liệu (dd/mm/yyyy)")]
        start: Option<NaiveDate>,
        #[arg(long, value_name = "NGÀY", value_parser = format::parse_date, help = "Ngày kết thúc lấy số liệu (dd/mm/yyyy)")]
        end: Option<NaiveDate>,
        #[arg(long, value_name = "NGÀY", value_parser = format::parse_date, help = "Hạn gửi báo cáo (dd/mm/yyyy)")]
        deadline: Option<NaiveDate>,
    },
}

pub fn init(ctx: &Ctx, flags: UnitFlags) -> CmdResult {
    let path = ctx.register_path()?;
    let kind_missing = flags.kind.is_none();
    let mut profile = UnitProfile {
        name: String::new(),
        kind: UnitKind::Xa,
        province: String::new(),
        code: String::new(),
        superior_line: String::new(),
        issuer_line: String::new(),
        place_name: String::new(),
        signer: Signer::default(),
        recipients: Vec::new(),
        copies_to: Vec::new(),
        user_name: String::new(),
    };
    flags.apply(&mut profile);
    // Every missing item at once, the kind (which the profile cannot leave empty) with the others.
    if kind_missing {
        let mut findings = vec![Finding::new(FindingCode::RequiredMissing, Place::field("kind"))];
        findings.extend(profile.clone().cleaned().validate());
        findings.sort_by_key(|f| order(f.place.column.as_deref()));
        return Err(Failure::invalid(findings));
    }
    let app = App::create(&path, profile, Assets::bundled(), ctx.clock.clone())?;
    let profile = app.unit()?;
    if ctx.out.json {
        ctx.out.json(&json!({ "path": app.register_path(), "unit": profile }));
        return Ok(Done::Clean);
    }
    ctx.out.line(format!("Đã tạo sổ dữ liệu của {} tại {}.", profile.name, app.register_path().display()));
    ctx.out.line("Tiếp theo: nhập danh mục thủ tục bằng lệnh `cchc procedures import TỆP` (tệp mẫu: `cchc procedures template TỆP`).");
    Ok(Done::Clean)
}

/// The order of the unit's items in messages (as in the command's help).
fn order(column: Option<&str>) -> usize {
    ["name", "kind", "province", "issuer_line", "place_name"].iter().position(|c| Some(*c) == column).unwrap_or(99)
}

pub fn run_unit(ctx: &Ctx, command: UnitCommand) -> CmdResult {
    match command {
        UnitCommand::Show => {
            let app = ctx.open()?;
            let profile = app.unit()?;
            if ctx.out.json {
                ctx.out.json(&profile);
            } else {
                print_unit(ctx, &app, &profile);
            }
            Ok(Done::Clean)
        }
        UnitCommand::Set(flags) => {
            if flags.is_empty() {
                return Err(nothing_to_change());
            }
            let mut app = ctx.open()?;
            let mut profile = app.unit()?;
            flags.apply(&mut profile);
            let profile = app.set_unit(profile)?;
            if ctx.out.json {
                ctx.out.json(&profile);
            } else {
                ctx.out.line("Đã lưu thông tin đơn vị.");
                print_unit(ctx, &app, &profile);
            }
            Ok(Done::Clean)
        }
    }
}

pub fn nothing_to_change() -> Failure {
    Failure::refused(
        "NOTHING_TO_CHANGE",
        "Chưa có thông tin nào cần sửa; hãy chỉ rõ ít nhất một tùy chọn (xem --help).",
    )
}

fn print_unit(ctx: &Ctx, app: &App, p: &UnitProfile) {
    let authority = match p.signer.authority {
        SignAuthority::Tm => "TM.",
        SignAuthority::Kt => "KT.",
        SignAuthority::Direct => "ký trực tiếp",
    };
    let signer = match (p.signer.name.is_empty(), p.signer.title.is_empty()) {
        (true, true) => String::new(),
        _ => format!("{} — {} ({authority})", p.signer.name, p.signer.title),
    };
    let lines: [(&str, String); 11] = [
        ("Tên đơn vị", p.name.clone()),
        ("Loại đơn vị", p.kind.label().to_string()),
        ("Tỉnh, thành phố", p.province.clone()),
        ("Mã đơn vị", p.code.clone()),
        ("Dòng cơ quan chủ quản", p.superior_line.clone()),
        ("Dòng cơ quan ban hành", p.issuer_line.clone()),
        ("Địa danh", p.place_name.clone()),
        ("Người ký", signer),
        ("Kính gửi", p.recipients.join("; ")),
        ("Nơi nhận", p.copies_to.join("; ")),
        ("Người sử dụng", p.user_name.clone()),
    ];
    for (label, value) in lines {
        key_value(ctx, label, if value.is_empty() { "(chưa có)" } else { &value });
    }
    key_value(ctx, "Sổ dữ liệu", &app.register_path().display().to_string());
}

/// "Label:   value", labels padded to one width.
pub fn key_value(ctx: &Ctx, label: &str, value: &str) {
    let line = format!("{:<25} {value}", format!("{label}:"));
    ctx.out.line(line.trim_end());
}

pub fn run_period(ctx: &Ctx, command: PeriodCommand) -> CmdResult {
    match command {
        PeriodCommand::Show { period } => {
            let app = ctx.open()?;
            let window = match period {
                Some(key) => app.period(key)?,
                None => app.current_period()?,
            };
            print_window(ctx, &window);
            Ok(Done::Clean)
        }
        PeriodCommand::Set { period, start, end, deadline } => {
            if start.is_none() && end.is_none() && deadline.is_none() {
                return Err(nothing_to_change());
            }
            let mut app = ctx.open()?;
            let mut window = app.period(period)?;
            window.start = start.unwrap_or(window.start);
            window.end = end.unwrap_or(window.end);
            window.deadline = deadline.unwrap_or(window.deadline);
            let window = app.set_period(window)?;
            if !ctx.out.json {
                ctx.out.line(format!("Đã lưu kỳ báo cáo {}.", window.key));
            }
            print_window(ctx, &window);
            Ok(Done::Clean)
        }
    }
}

fn print_window(ctx: &Ctx, w: &PeriodWindow) {
    let days_left = (w.deadline - ctx.today()).num_days();
    if ctx.out.json {
        ctx.out.json(&json!({
            "key": w.key,
            "label": w.key.label(),
            "start": w.start,
            "end": w.end,
            "deadline": w.deadline,
            "days_left": days_left,
        }));
        return;
    }
    ctx.out.line(format!("Kỳ báo cáo: {} ({})", capitalized_label(w.key), w.key));
    ctx.out.line(window_line(w));
    ctx.out.line(format!("Hạn gửi báo cáo: {}", format::date(w.deadline)));
    ctx.out.line(match days_left {
        n if n > 0 => format!("Còn {} ngày đến hạn gửi báo cáo.", format::int(n)),
        0 => "Hôm nay là hạn gửi báo cáo.".to_string(),
        n => format!("Đã quá hạn gửi báo cáo {} ngày.", format::int(-n)),
    });
}

/// "Từ ngày 15/12/2024 đến ngày 14/03/2025".
pub fn window_line(w: &PeriodWindow) -> String {
    format!("Từ ngày {} đến ngày {}", format::date(w.start), format::date(w.end))
}

/// "Quý I năm 2025", "Năm 2025".
pub fn capitalized_label(key: PeriodKey) -> String {
    let label = key.label();
    let mut chars = label.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => label,
    }
}
