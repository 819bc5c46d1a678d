//! `stats` and `check`: the case statistics of Biểu 06 (show, set one row, files) and the consistency check.

use crate::Ctx;
use crate::format;
use crate::output::{self, Bar, CmdResult, Done, findings_json};
use crate::procedures::{canonical_code, exported, print_import, resolve_field, template_written};
use crate::unit::{capitalized_label, nothing_to_change, window_line};
use cchc::App;
use cchc::model::{CaseFigures, PeriodKey, StatsRow, StatsTable};
use cchc::text;
use clap::{Args, Subcommand};
use comfy_table::Cell;
use serde_json::json;
use std::collections::BTreeMap;
use std::path::PathBuf;

#[derive(Subcommand, Debug)]
pub enum StatsCommand {
    #[command(about = "Xem bảng số liệu Biểu 06 của một kỳ theo lĩnh vực, với tỷ lệ đúng hạn và tỷ lệ trực tuyến")]
    Show {
        #[arg(long, value_name = "KỲ", value_parser = format::parse_period, help = "Kỳ báo cáo: 2025-Q1, 2025-H1, 2025-Q3 hoặc 2025 (mặc định: kỳ hiện tại)")]
        period: Option<PeriodKey>,
    },
    #[command(about = "Ghi số liệu của một lĩnh vực (hoặc một thủ tục) trong một kỳ; chỉ các cột được chỉ rõ thay đổi")]
    Set(Box<SetArgs>),
    #[command(about = "Nhập số liệu từ tệp .xlsx hoặc .csv (kiểm tra toàn bộ trước khi ghi)")]
    Import {
        #[arg(value_name = "TỆP", help = "Tệp .xlsx hoặc .csv")]
        file: PathBuf,
        #[arg(long, help = "Chạy thử: chỉ kiểm tra và cho biết sẽ thêm, sửa gì, không ghi vào sổ")]
        dry_run: bool,
    },
    #[command(about = "Xuất số liệu (một kỳ hoặc tất cả) ra tệp .xlsx hoặc .csv")]
    Export {
        #[arg(value_name = "TỆP", help = "Tệp .xlsx hoặc .csv")]
        file: PathBuf,
        #[arg(long, value_name = "KỲ", value_parser = format::parse_period, help = "Chỉ xuất kỳ này (mặc định: tất cả các kỳ)")]
        period: Option<PeriodKey>,
    },
    #[command(about = "Tạo tệp mẫu trống để điền số liệu")]
    Template {
        #[arg(value_name = "TỆP", help = "Tệp .xlsx hoặc .csv")]
        file: PathBuf,
    },
}

#[derive(Args, Debug)]
pub struct SetArgs {
    #[arg(long, value_name = "KỲ", value_parser = format::parse_period, help = "Kỳ báo cáo: 2025-Q1, 2025-H1, 2025-Q3 hoặc 2025")]
    period: PeriodKey,
    #[arg(long, value_name = "LĨNH_VỰC", help = "Lĩnh vực, ví dụ “Hộ tịch”")]
    field: String,
    #[arg(long, value_name = "MÃ", help = "Mã thủ tục, khi đơn vị theo dõi số liệu theo từng thủ tục")]
    procedure: Option<String>,
    #[arg(long, value_name = "SỐ", value_parser = format::parse_count, help = "Số hồ sơ nhận giải quyết: tổng số")]
    received_total: Option<i64>,
    #[arg(long, value_name = "SỐ", value_parser = format::parse_count, help = "Số hồ sơ nhận: trực tuyến")]
    received_online: Option<i64>,
    #[arg(long, value_name = "SỐ", value_parser = format::parse_count, help = "Số hồ sơ nhận: trực tiếp và qua bưu chính")]
    received_direct: Option<i64>,
    #[arg(long, value_name = "SỐ", value_parser = format::parse_count, help = "Số hồ sơ từ kỳ trước chuyển qua")]
    carried_over: Option<i64>,
    #[arg(long, value_name = "SỐ", value_parser = format::parse_count, help = "Số hồ sơ đã giải quyết: tổng số")]
    resolved_total: Option<i64>,
    #[arg(long, value_name = "SỐ", value_parser = format::parse_count, help = "Số hồ sơ đã giải quyết: trước hạn")]
    resolved_early: Option<i64>,
    #[arg(long, value_name = "SỐ", value_parser = format::parse_count, help = "Số hồ sơ đã giải quyết: đúng hạn")]
    resolved_on_time: Option<i64>,
    #[arg(long, value_name = "SỐ", value_parser = format::parse_count, help = "Số hồ sơ đã giải quyết: quá hạn")]
    resolved_late: Option<i64>,
    #[arg(long, value_name = "SỐ", value_parser = format::parse_count, help = "Số hồ sơ đang giải quyết: tổng số")]
    in_progress_total: Option<i64>,
    #[arg(long, value_name = "SỐ", value_parser = format::parse_count, help = "Số hồ sơ đang giải quyết: trong hạn")]
    in_progress_within: Option<i64>,
    #[arg(long, value_name = "SỐ", value_parser = format::parse_count, help = "Số hồ sơ đang giải quyết: quá hạn")]
    in_progress_overdue: Option<i64>,
    #[arg(long, value_name = "SỐ", value_parser = format::parse_count, help = "Số thư xin lỗi đã gửi")]
    apology_letters: Option<i64>,
}

impl SetArgs {
    /// The columns given, by their stable names (`CaseFigures::columns`, in Biểu 06 order like the options).
    fn columns(&self) -> Vec<(&'static str, i64)> {
        let given = [
            self.received_total,
            self.received_online,
            self.received_direct,
            self.carried_over,
            self.resolved_total,
            self.resolved_early,
            self.resolved_on_time,
            self.resolved_late,
            self.in_progress_total,
            self.in_progress_within,
            self.in_progress_overdue,
            self.apology_letters,
        ];
        let names = CaseFigures::default().columns().map(|(name, _)| name);
        names.into_iter().zip(given).filter_map(|(name, value)| value.map(|v| (name, v))).collect()
    }
}

#[derive(Args, Debug)]
pub struct CheckArgs {
    #[arg(long, value_name = "KỲ", value_parser = format::parse_period, help = "Chỉ kiểm tra kỳ này (mặc định: mọi kỳ có số liệu)")]
    period: Option<PeriodKey>,
}

pub fn run(ctx: &Ctx, command: StatsCommand) -> CmdResult {
    match command {
        StatsCommand::Show { period } => {
            let app = ctx.open()?;
            let period = match period {
                Some(p) => p,
                None => app.current_period()?.key,
            };
            let table = app.stats(period)?;
            if ctx.out.json {
                ctx.out.json(&table);
            } else {
                print_stats(ctx, &table);
            }
            Ok(Done::Clean)
        }
        StatsCommand::Set(args) => set(ctx, *args),
        StatsCommand::Import { file, dry_run } => {
            let mut app = ctx.open()?;
            let bar = Bar::new(ctx.out, "Đang nhập số liệu");
            let report = app.import_stats(&file, dry_run, &|done, total| bar.tick(done, total))?;
            drop(bar);
            Ok(print_import(ctx, &report, &file, "dòng số liệu", "stats"))
        }
        StatsCommand::Export { file, period } => {
            let app = ctx.open()?;
            let rows = app.export_stats(&file, period)?;
            exported(ctx, &file, rows, "dòng số liệu")
        }
        StatsCommand::Template { file } => {
            App::write_stats_template(&file)?;
            template_written(ctx, &file, "stats")
        }
    }
}

fn set(ctx: &Ctx, args: SetArgs) -> CmdResult {
    let columns = args.columns();
    if columns.is_empty() {
        return Err(nothing_to_change());
    }
    let mut app = ctx.open()?;
    let field = resolve_field(&app, &args.field)?;
    let procedure = args.procedure.as_deref().map(canonical_code).filter(|c| !c.is_empty());
    let existing = app.stats(args.period)?.rows.into_iter().find(|r| r.field == field && r.procedure == procedure);
    let mut row =
        existing.unwrap_or(StatsRow { period: args.period, field, procedure, figures: CaseFigures::default() });
    for (name, value) in columns {
        row.figures.set(name, value);
    }
    let findings = app.set_stats(row.clone())?;
    if ctx.out.json {
        ctx.out.json(&json!({ "row": row, "findings": findings_json(&findings) }));
        return Ok(Done::Clean);
    }
    let target = match &row.procedure {
        Some(code) => format!("lĩnh vực {}, thủ tục {code}", row.field),
        None => format!("lĩnh vực {}", row.field),
    };
    ctx.out.line(format!("Đã lưu số liệu kỳ {}, {target}.", row.period));
    if findings.is_empty() {
        ctx.out.line("Số liệu khớp nhau, không phát hiện vấn đề nào.");
    } else {
        ctx.out.line("Số liệu đã được lưu đúng như đã nhập, nhưng cần xem lại:");
        ctx.out.findings_grouped(&findings);
    }
    Ok(Done::Clean)
}

/// The Biểu 06 columns in order, with the narrow captions of the terminal's table (`vocabulary::FIGURES`).
fn headers() -> Vec<&'static str> {
    std::iter::once("Lĩnh vực").chain(cchc::vocabulary::FIGURES.iter().map(|f| f.terminal)).collect()
}

fn print_stats(ctx: &Ctx, table: &StatsTable) {
    let key = table.window.key;
    ctx.out.line(format!("Số liệu giải quyết hồ sơ (Biểu 06) — {} ({key})", capitalized_label(key)));
    ctx.out.line(window_line(&table.window));
    if table.rows.is_empty() {
        ctx.out.line(format!("Chưa có số liệu của kỳ {key}."));
        return;
    }
    let headers = headers();
    let mut grid = output::new_table(&headers);
    output::align_right(&mut grid, 1..headers.len());
    for (field, figures) in by_field(&table.rows) {
        grid.add_row(figure_cells(Cell::new(field), &figures));
    }
    grid.add_row(figure_cells(Cell::new("Tổng cộng"), &table.total));
    ctx.out.table(&grid);
    let rate = |value: Option<f64>, none: &str| value.map(format::percent).unwrap_or_else(|| none.to_string());
    ctx.out.line(format!("Tỷ lệ giải quyết đúng hạn: {}", rate(table.on_time_rate, "chưa có hồ sơ đã giải quyết")));
    ctx.out.line(format!("Tỷ lệ hồ sơ trực tuyến: {}", rate(table.online_rate, "chưa có hồ sơ mới tiếp nhận")));
}

/// One line per field: its whole-field row where it has one with figures, otherwise the sum of its per-procedure
/// rows (as `App::stats` totals them), in Vietnamese order.
fn by_field(rows: &[StatsRow]) -> Vec<(String, CaseFigures)> {
    let mut fields: BTreeMap<Vec<u8>, (String, Option<CaseFigures>, CaseFigures)> = BTreeMap::new();
    for row in rows {
        let entry = fields
            .entry(text::sort_key(&row.field))
            .or_insert_with(|| (row.field.clone(), None, CaseFigures::default()));
        match &row.procedure {
            None => entry.1 = Some(row.figures),
            Some(_) => entry.2.add(&row.figures),
        }
    }
    fields
        .into_values()
        .map(|(field, whole, per_procedure)| {
            let figures = whole.filter(|w| *w != CaseFigures::default()).unwrap_or(per_procedure);
            (field, figures)
        })
        .collect()
}

fn figure_cells(first: Cell, figures: &CaseFigures) -> Vec<Cell> {
    let mut cells = vec![first];
    cells.extend(figures.columns().iter().map(|(_, value)| Cell::new(format::int(*value))));
    cells
}

pub fn check(ctx: &Ctx, args: CheckArgs) -> CmdResult {
    let app = ctx.open()?;
    let mut findings = app.check(args.period)?;
    if args.period.is_none() {
        findings.extend(app.check_registers()?);
    }
    let errors = findings.iter().filter(|f| f.is_error()).count();
    let done = if errors > 0 { Done::WithErrors } else { Done::Clean };
    if ctx.out.json {
        ctx.out.json(&json!({
            "period": args.period,
            "errors": errors,
            "warnings": findings.len() - errors,
            "findings": findings_json(&findings),
        }));
        return Ok(done);
    }
    ctx.out.findings_grouped(&findings);
    ctx.out.line(output::findings_summary(&findings));
    Ok(done)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(field: &str, procedure: Option<&str>, received: i64) -> StatsRow {
        let figures = CaseFigures { received_total: received, ..CaseFigures::default() };
        StatsRow {
            period: "2025-Q1".parse().unwrap(),
            field: field.into(),
            procedure: procedure.map(String::from),
            figures,
        }
    }

    #[test]
    fn a_field_is_its_whole_row_or_the_sum_of_its_procedures() {
        let rows = [
            row("Hộ tịch", None, 10),
            row("Hộ tịch", Some("1.000001"), 3),
            row("Chứng thực", Some("2.000001"), 4),
            row("Chứng thực", Some("2.000002"), 5),
        ];
        let fields: Vec<(String, i64)> = by_field(&rows).into_iter().map(|(f, c)| (f, c.received_total)).collect();
        assert_eq!(fields, [("Chứng thực".to_string(), 9), ("Hộ tịch".to_string(), 10)]);
    }
}
