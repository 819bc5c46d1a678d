//! `procedures`: the register's administrative procedures (TTHC) — list, show, add, edit, retire, delete, files.

use crate::format::{self, OptionalDate, OptionalTime};
use crate::output::{self, Bar, CmdResult, Done, with_finding_messages};
use crate::unit::{key_value, nothing_to_change};
use crate::{Ctx, shell_quote};
use cchc::api::ImportReport;
use cchc::model::{OnlineLevel, Procedure, ProcedureCode, ProcedureInput, ProcedureQuery, ProcedureStatus, Retirement};
use cchc::{App, text};
use chrono::NaiveDate;
use clap::{Args, Subcommand};
use serde_json::json;
use std::path::{Path, PathBuf};

#[derive(Subcommand, Debug)]
pub enum ProceduresCommand {
    #[command(about = "Liệt kê thủ tục (mặc định chỉ những thủ tục đang áp dụng)")]
    List(ListArgs),
    #[command(about = "Xem đầy đủ thông tin một thủ tục")]
    Show {
        #[arg(value_name = "MÃ", help = "Mã thủ tục, ví dụ 1.001193")]
        code: String,
    },
    #[command(about = "Thêm một thủ tục vào sổ")]
    Add(AddArgs),
    #[command(about = "Sửa thông tin một thủ tục (chỉ những mục được chỉ rõ)")]
    Edit(EditArgs),
    #[command(about = "Ngừng áp dụng một thủ tục: bị thay thế hoặc bị bãi bỏ; số liệu cũ vẫn được giữ")]
    Retire(RetireArgs),
    #[command(about = "Xóa một thủ tục nhập nhầm (thủ tục đã có số liệu thì phải ngừng áp dụng)")]
    Delete {
        #[arg(value_name = "MÃ", help = "Mã thủ tục cần xóa")]
        code: String,
    },
    #[command(about = "Nhập danh mục thủ tục từ tệp .xlsx hoặc .csv (kiểm tra toàn bộ trước khi ghi)")]
    Import(ImportArgs),
    #[command(about = "Xuất toàn bộ danh mục thủ tục ra tệp .xlsx hoặc .csv")]
    Export(FileArg),
    #[command(about = "Tạo tệp mẫu trống để điền danh mục thủ tục")]
    Template(FileArg),
}

#[derive(Args, Debug)]
pub struct ListArgs {
    #[arg(long, value_name = "TỪ_KHÓA", help = "Tìm theo mã hoặc tên, không phân biệt dấu (ví dụ “ho tich”)")]
    search: Option<String>,
    #[arg(long, value_name = "LĨNH_VỰC", help = "Chỉ thủ tục thuộc lĩnh vực này")]
    field: Option<String>,
    #[arg(long, value_name = "MỨC_ĐỘ", value_parser = format::parse_online_level, help = "Mức độ dịch vụ công trực tuyến: full (toàn trình), partial (một phần) hoặc none (không)")]
    online_level: Option<OnlineLevel>,
    #[arg(long, value_name = "TÌNH_TRẠNG", value_parser = format::parse_status, help = "Tình trạng: active (đang áp dụng), amended (đã sửa đổi), replaced (bị thay thế), abolished (bị bãi bỏ)")]
    status: Option<ProcedureStatus>,
    #[arg(long, help = "Gồm cả thủ tục đã ngừng áp dụng")]
    all: bool,
}

#[derive(Args, Debug)]
pub struct AddArgs {
    #[arg(long, value_name = "MÃ", help = "Mã thủ tục, ví dụ 1.001193 hoặc 3.000527.H61 (bắt buộc)")]
    code: Option<String>,
    #[command(flatten)]
    flags: ProcedureFlags,
}

#[derive(Args, Debug)]
pub struct EditArgs {
    #[arg(value_name = "MÃ", help = "Mã thủ tục cần sửa")]
    code: String,
    #[command(flatten)]
    flags: ProcedureFlags,
}

#[derive(Args, Debug)]
pub struct RetireArgs {
    #[arg(value_name = "MÃ", help = "Mã thủ tục ngừng áp dụng")]
    code: String,
    #[arg(long, value_name = "MÃ", help = "Mã thủ tục thay thế (bỏ trống nếu thủ tục bị bãi bỏ)")]
    replaced_by: Option<String>,
    #[arg(long, value_name = "NGÀY", value_parser = format::parse_date, help = "Ngày ngừng áp dụng (dd/mm/yyyy; mặc định hôm nay)")]
    on: Option<NaiveDate>,
}

#[derive(Args, Debug)]
pub struct ImportArgs {
    #[arg(value_name = "TỆP", help = "Tệp .xlsx hoặc .csv")]
    file: PathBuf,
    #[arg(long, help = "Chạy thử: chỉ kiểm tra và cho biết sẽ thêm, sửa gì, không ghi vào sổ")]
    dry_run: bool,
}

#[derive(Args, Debug)]
pub struct FileArg {
    #[arg(value_name = "TỆP", help = "Tệp .xlsx hoặc .csv")]
    file: PathBuf,
}

/// A procedure's details; each one given overwrites the current value.
#[derive(Args, Debug)]
pub struct ProcedureFlags {
    #[arg(long, value_name = "TÊN", help = "Tên thủ tục")]
    name: Option<String>,
    #[arg(long, value_name = "LĨNH_VỰC", help = "Lĩnh vực, ví dụ “Hộ tịch”")]
    field: Option<String>,
    #[arg(long, value_name = "THỜI_HẠN", value_parser = format::parse_time, help = "Thời hạn giải quyết, ví dụ “5 ngày làm việc”, “0,5 ngày”")]
    time: Option<OptionalTime>,
    #[arg(long, value_name = "PHÍ", help = "Phí, lệ phí như đã công bố, ví dụ “Miễn phí”, “8.000 đồng/bản”")]
    fee: Option<String>,
    #[arg(
        long,
        value_name = "VĂN_BẢN",
        help = "Một căn cứ pháp lý (dùng nhiều lần cho nhiều văn bản; thay toàn bộ danh sách cũ)"
    )]
    legal_basis: Vec<String>,
    #[arg(long, value_name = "SỐ", help = "Số quyết định công bố, ví dụ “36/QĐ-UBND”")]
    announcement_number: Option<String>,
    #[arg(long, value_name = "NGÀY", value_parser = format::parse_optional_date, help = "Ngày quyết định công bố (dd/mm/yyyy)")]
    announcement_date: Option<OptionalDate>,
    #[arg(long, value_name = "MỨC_ĐỘ", value_parser = format::parse_online_level, help = "Mức độ dịch vụ công trực tuyến: full (toàn trình), partial (một phần) hoặc none (không)")]
    online_level: Option<OnlineLevel>,
    #[arg(long, value_name = "TÌNH_TRẠNG", value_parser = format::parse_status, help = "Tình trạng: active (đang áp dụng) hoặc amended (đã sửa đổi); ngừng áp dụng thì dùng lệnh retire")]
    status: Option<ProcedureStatus>,
    #[arg(long, value_name = "CÓ_KHÔNG", value_parser = format::parse_bool, num_args = 0..=1, default_missing_value = "true", help = "Giải quyết theo cơ chế một cửa (true/false)")]
    one_stop: Option<bool>,
    #[arg(long, value_name = "CÓ_KHÔNG", value_parser = format::parse_bool, num_args = 0..=1, default_missing_value = "true", help = "Một cửa liên thông (true/false)")]
    interlinked: Option<bool>,
    #[arg(long, value_name = "CÓ_KHÔNG", value_parser = format::parse_bool, num_args = 0..=1, default_missing_value = "true", help = "Tiếp nhận, trả kết quả qua dịch vụ bưu chính (true/false)")]
    postal: Option<bool>,
    #[arg(long, value_name = "CÓ_KHÔNG", value_parser = format::parse_bool, num_args = 0..=1, default_missing_value = "true", help = "Không phụ thuộc địa giới hành chính (true/false)")]
    boundary_free: Option<bool>,
    #[arg(long, value_name = "SỐ", help = "Số quyết định phê duyệt quy trình nội bộ")]
    internal_process_number: Option<String>,
    #[arg(long, value_name = "NGÀY", value_parser = format::parse_optional_date, help = "Ngày quyết định phê duyệt quy trình nội bộ (dd/mm/yyyy)")]
    internal_process_date: Option<OptionalDate>,
    #[arg(long, value_name = "CÓ_KHÔNG", value_parser = format::parse_bool, num_args = 0..=1, default_missing_value = "true", help = "Thuộc phạm vi áp dụng ISO 9001 (true/false)")]
    iso: Option<bool>,
}

impl ProcedureFlags {
    fn is_empty(&self) -> bool {
        self.name.is_none()
            && self.field.is_none()
            && self.time.is_none()
            && self.fee.is_none()
            && self.legal_basis.is_empty()
            && self.announcement_number.is_none()
            && self.announcement_date.is_none()
            && self.online_level.is_none()
            && self.status.is_none()
            && self.one_stop.is_none()
            && self.interlinked.is_none()
            && self.postal.is_none()
            && self.boundary_free.is_none()
            && self.internal_process_number.is_none()
            && self.internal_process_date.is_none()
            && self.iso.is_none()
    }

    /// Overwrites the input's details with those given; a field is spelt as the register already spells it.
    fn apply(self, app: &App, input: &mut ProcedureInput) -> cchc::Result<()> {
        if let Some(name) = self.name {
            input.name = name;
        }
        if let Some(field) = self.field {
            input.field = resolve_field(app, &field)?;
        }
        if let Some(OptionalTime(time)) = self.time {
            input.processing_time = time;
        }
        if let Some(fee) = self.fee {
            input.fee = fee;
        }
        if !self.legal_basis.is_empty() {
            input.legal_bases = self.legal_basis;
        }
        if let Some(number) = self.announcement_number {
            input.announcement.number = number;
        }
        if let Some(OptionalDate(date)) = self.announcement_date {
            input.announcement.date = date;
        }
        if let Some(level) = self.online_level {
            input.online_level = level;
        }
        if let Some(status) = self.status {
            input.status = status;
        }
        for (slot, value) in [
            (&mut input.one_stop, self.one_stop),
            (&mut input.interlinked, self.interlinked),
            (&mut input.postal, self.postal),
            (&mut input.boundary_free, self.boundary_free),
            (&mut input.in_iso_scope, self.iso),
        ] {
            if let Some(value) = value {
                *slot = value;
            }
        }
        if let Some(number) = self.internal_process_number {
            input.internal_process.number = number;
        }
        if let Some(OptionalDate(date)) = self.internal_process_date {
            input.internal_process.date = date;
        }
        Ok(())
    }
}

pub fn run(ctx: &Ctx, command: ProceduresCommand) -> CmdResult {
    match command {
        ProceduresCommand::List(args) => list(ctx, args),
        ProceduresCommand::Show { code } => {
            let app = ctx.open()?;
            let procedure = app.procedure(&code)?;
            if ctx.out.json {
                ctx.out.json(&procedure);
            } else {
                print_procedure(ctx, &procedure);
            }
            Ok(Done::Clean)
        }
        ProceduresCommand::Add(args) => {
            let mut app = ctx.open()?;
            let mut input = ProcedureInput::new(args.code.as_deref().unwrap_or(""), "", "");
            args.flags.apply(&app, &mut input)?;
            let procedure = app.add_procedure(input)?;
            saved(ctx, &procedure, "Đã thêm thủ tục")
        }
        ProceduresCommand::Edit(args) => {
            if args.flags.is_empty() {
                return Err(nothing_to_change());
            }
            let mut app = ctx.open()?;
            let mut input = app.procedure(&args.code)?.input;
            args.flags.apply(&app, &mut input)?;
            let procedure = app.edit_procedure(&args.code, input)?;
            saved(ctx, &procedure, "Đã sửa thủ tục")
        }
        ProceduresCommand::Retire(args) => {
            let mut app = ctx.open()?;
            let retirement = Retirement { replaced_by: args.replaced_by, on: args.on.unwrap_or_else(|| ctx.today()) };
            let procedure = app.retire_procedure(&args.code, retirement)?;
            if ctx.out.json {
                ctx.out.json(&procedure);
                return Ok(Done::Clean);
            }
            let on = procedure.retired_on.map(format::date).unwrap_or_default();
            let how = match &procedure.input.replaced_by {
                Some(code) => format!("bị thay thế bởi thủ tục {code}"),
                None => "bị bãi bỏ".to_string(),
            };
            ctx.out.line(format!("Đã ngừng áp dụng thủ tục {} từ ngày {on} ({how}).", procedure.input.code));
            Ok(Done::Clean)
        }
        ProceduresCommand::Delete { code } => {
            let mut app = ctx.open()?;
            let code = app.procedure(&code)?.input.code;
            app.delete_procedure(&code)?;
            if ctx.out.json {
                ctx.out.json(&json!({ "deleted": code }));
            } else {
                ctx.out.line(format!("Đã xóa thủ tục {code} khỏi sổ."));
            }
            Ok(Done::Clean)
        }
        ProceduresCommand::Import(args) => {
            let mut app = ctx.open()?;
            let bar = Bar::new(ctx.out, "Đang nhập thủ tục");
            let report = app.import_procedures(&args.file, args.dry_run, &|done, total| bar.tick(done, total))?;
            drop(bar);
            Ok(print_import(ctx, &report, &args.file, "thủ tục", "procedures"))
        }
        ProceduresCommand::Export(FileArg { file }) => {
            let app = ctx.open()?;
            let bar = Bar::new(ctx.out, "Đang xuất thủ tục");
            let rows = app.export_procedures(&file)?;
            drop(bar);
            exported(ctx, &file, rows, "thủ tục")
        }
        ProceduresCommand::Template(FileArg { file }) => {
            App::write_procedure_template(&file)?;
            template_written(ctx, &file, "procedures")
        }
    }
}

fn list(ctx: &Ctx, args: ListArgs) -> CmdResult {
    let app = ctx.open()?;
    let field = args.field.as_deref().map(|f| resolve_field(&app, f)).transpose()?;
    let query = ProcedureQuery {
        search: args.search.filter(|s| !s.trim().is_empty()),
        field,
        online_level: args.online_level,
        status: args.status,
        include_retired: args.all,
    };
    let procedures = app.procedures(&query)?;
    if ctx.out.json {
        ctx.out.json(&procedures);
        return Ok(Done::Clean);
    }
    if procedures.is_empty() {
        ctx.out.line("Không có thủ tục nào phù hợp.");
    } else {
        let mut table = {
            let h = cchc::vocabulary::HEADERS;
            output::new_table(&[h.code, h.procedure_name, h.field, h.time, h.online_level, h.status])
        };
        for p in &procedures {
            let i = &p.input;
            table.add_row(vec![
                i.code.clone(),
                i.name.clone(),
                i.field.clone(),
                i.processing_time.as_ref().map(format::processing_time).unwrap_or_default(),
                i.online_level.label().to_string(),
                i.status.label().to_string(),
            ]);
        }
        ctx.out.table(&table);
    }
    ctx.out.line(format!("Tổng: {} thủ tục", format::count(procedures.len())));
    Ok(Done::Clean)
}

/// The register's spelling of a field typed without care for case or diacritics ("ho tich" → "Hộ tịch");
/// a new field as typed.
pub fn resolve_field(app: &App, typed: &str) -> cchc::Result<String> {
    let folded = text::fold(typed);
    Ok(app.fields()?.into_iter().find(|f| text::fold(f) == folded).unwrap_or_else(|| text::clean(typed)))
}

/// A procedure code in its canonical form ("3.000527.h61" → "3.000527.H61"), or the text as typed.
pub fn canonical_code(typed: &str) -> String {
    ProcedureCode::parse(typed).map(String::from).unwrap_or_else(|| text::clean(typed))
}

fn saved(ctx: &Ctx, procedure: &Procedure, what: &str) -> CmdResult {
    if ctx.out.json {
        ctx.out.json(procedure);
    } else {
        ctx.out.line(format!("{what} {} – {}.", procedure.input.code, procedure.input.name));
    }
    Ok(Done::Clean)
}

fn print_procedure(ctx: &Ctx, p: &Procedure) {
    let i = &p.input;
    let decision = |d: &cchc::model::Decision| match (d.number.is_empty(), d.date) {
        (true, None) => String::new(),
        (false, None) => d.number.clone(),
        (true, Some(date)) => format!("ngày {}", format::date(date)),
        (false, Some(date)) => format!("{} ngày {}", d.number, format::date(date)),
    };
    let or_none = |s: String| if s.is_empty() { "(chưa có)".to_string() } else { s };
    key_value(ctx, "Mã thủ tục", &i.code);
    key_value(ctx, "Tên thủ tục", &i.name);
    key_value(ctx, "Lĩnh vực", &i.field);
    key_value(
        ctx,
        "Thời hạn giải quyết",
        &or_none(i.processing_time.as_ref().map(format::processing_time).unwrap_or_default()),
    );
    key_value(ctx, "Phí, lệ phí", &or_none(i.fee.clone()));
    key_value(ctx, "Quyết định công bố", &or_none(decision(&i.announcement)));
    key_value(ctx, "Tình trạng", i.status.label());
    if let Some(code) = &i.replaced_by {
        key_value(ctx, "Thay thế bởi", code);
    }
    if let Some(on) = p.retired_on {
        key_value(ctx, "Ngừng áp dụng từ", &format::date(on));
    }
    key_value(ctx, "Mức độ DVC trực tuyến", i.online_level.label());
    key_value(ctx, "Một cửa", format::yes_no(i.one_stop));
    key_value(ctx, "Một cửa liên thông", format::yes_no(i.interlinked));
    key_value(ctx, "Qua bưu chính", format::yes_no(i.postal));
    key_value(ctx, "Không phụ thuộc địa giới", format::yes_no(i.boundary_free));
    key_value(ctx, "Quy trình nội bộ", &or_none(decision(&i.internal_process)));
    key_value(ctx, "Phạm vi ISO 9001", format::yes_no(i.in_iso_scope));
    if i.legal_bases.is_empty() {
        key_value(ctx, "Căn cứ pháp lý", "(chưa có)");
    } else {
        key_value(ctx, "Căn cứ pháp lý", "");
        for basis in &i.legal_bases {
            ctx.out.line(format!("  - {basis}"));
        }
    }
    key_value(ctx, "Ngày tạo", &format::timestamp(&p.created_at));
    key_value(ctx, "Cập nhật lần cuối", &format::timestamp(&p.updated_at));
}

/// Prints what an import did or would do; `WithErrors` when the file has errors (a dry run reports them).
pub fn print_import(ctx: &Ctx, report: &ImportReport, file: &Path, noun: &str, command: &str) -> Done {
    let done = if report.has_errors() { Done::WithErrors } else { Done::Clean };
    if ctx.out.json {
        ctx.out.json(&with_finding_messages(report, &report.findings));
        return done;
    }
    let out = &ctx.out;
    out.line(format!("Đã đọc {} dòng từ tệp {}.", format::count(report.rows), file.display()));
    let c = &report.counts;
    let counts = format!(
        "thêm mới {}, cập nhật {}, giữ nguyên {} {noun}",
        format::count(c.added),
        format::count(c.updated),
        format::count(c.unchanged)
    );
    if report.has_errors() {
        let errors = report.findings.iter().filter(|f| f.is_error()).count();
        out.line(format!("Tệp có {} lỗi; khi nhập thật sẽ không ghi gì vào sổ.", format::count(errors)));
    } else if report.dry_run {
        out.line(format!("Chạy thử, chưa ghi gì vào sổ: sẽ {counts}."));
        out.line(format!(
            "Để nhập thật, chạy lại lệnh không có --dry-run: cchc {command} import {}",
            shell_quote(file)
        ));
    } else {
        out.line(format!("Đã {counts}."));
    }
    out.findings_grouped(&report.findings);
    done
}

pub fn exported(ctx: &Ctx, file: &Path, rows: usize, noun: &str) -> CmdResult {
    if ctx.out.json {
        ctx.out.json(&json!({ "path": file, "rows": rows }));
    } else {
        ctx.out.line(format!("Đã xuất {} {noun} ra tệp {}.", format::count(rows), file.display()));
    }
    Ok(Done::Clean)
}

pub fn template_written(ctx: &Ctx, file: &Path, command: &str) -> CmdResult {
    if ctx.out.json {
        ctx.out.json(&json!({ "path": file }));
    } else {
        ctx.out.line(format!("Đã tạo tệp mẫu {}.", file.display()));
        ctx.out.line(format!("Điền xong, nhập bằng lệnh: cchc {command} import {}", shell_quote(file)));
    }
    Ok(Done::Clean)
}
