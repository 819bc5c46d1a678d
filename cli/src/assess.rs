//! `criteria` and `assess`: criteria sets (bộ chỉ số CCHC) and the yearly self-assessment (tự đánh giá, chấm điểm):
//! scores, N/A, explanations, evidence, suggestions from the register, the workflow and the comparison.

use crate::Ctx;
use crate::format;
use crate::output::{self, CmdResult, Done};
use cchc::model::{EvidenceInput, Points, Totals};
use chrono::{Datelike, NaiveDate};
use clap::{Args, Subcommand};
use std::path::PathBuf;

#[derive(Subcommand, Debug)]
pub enum CriteriaCommand {
    #[command(about = "Liệt kê các bộ chỉ số (mọi phiên bản đã lưu và bộ mẫu kèm chương trình)")]
    List,
    #[command(about = "Xem cây tiêu chí của một bộ chỉ số")]
    Show(ShowCriteriaArgs),
    #[command(about = "Nhập bộ chỉ số của tỉnh từ tệp .json, .xlsx hoặc .csv (chỉ nhận phiên bản mới hơn)")]
    Import(CriteriaImportArgs),
    #[command(about = "Tạo tệp mẫu trống (.xlsx hoặc .csv) để soạn bộ chỉ số, mỗi dòng một tiêu chí")]
    Template(TemplateArgs),
    #[command(about = "Xuất một bộ chỉ số ra tệp .xlsx hoặc .csv (để sửa trong Excel rồi nhập lại với phiên bản mới)")]
    Export(ExportArgs),
}

#[derive(Args, Debug)]
pub struct ExportArgs {
    #[arg(value_name = "TỆP", help = "Tệp .xlsx hoặc .csv sẽ tạo")]
    file: PathBuf,
    #[arg(long, value_name = "BỘ_CHỈ_SỐ", help = "Mã bộ chỉ số, có thể kèm phiên bản: urn@2 (mặc định bộ mẫu)")]
    criteria: Option<String>,
}

#[derive(Args, Debug)]
pub struct ShowCriteriaArgs {
    #[arg(value_name = "BỘ_CHỈ_SỐ", help = "Mã bộ chỉ số, có thể kèm phiên bản: urn@2 (mặc định bộ mẫu)")]
    key: Option<String>,
}

#[derive(Args, Debug)]
pub struct CriteriaImportArgs {
    #[arg(value_name = "TỆP", help = "Tệp .json, .xlsx hoặc .csv")]
    file: PathBuf,
    #[arg(long, help = "Chỉ kiểm tra, không ghi vào sổ")]
    dry_run: bool,
}

#[derive(Args, Debug)]
pub struct TemplateArgs {
    #[arg(value_name = "TỆP", help = "Tệp .xlsx hoặc .csv sẽ tạo")]
    file: PathBuf,
}

#[derive(Subcommand, Debug)]
pub enum AssessCommand {
    #[command(about = "Tạo phiếu tự đánh giá của một năm")]
    New(NewArgs),
    #[command(about = "Xem phiếu: cây tiêu chí, điểm gợi ý, tự chấm, thẩm định, tổng điểm, xếp loại, vấn đề")]
    Show(YearArg),
    #[command(about = "Tự chấm điểm một tiêu chí (điểm khác điểm gợi ý cần --reason)")]
    Score(ScoreArgs),
    #[command(about = "Đánh dấu tiêu chí không phát sinh (hoặc bỏ đánh dấu với --undo)")]
    Na(NaArgs),
    #[command(
        about = "Ghi giải trình của một tiêu chí (khi tự chấm: lý do không có tài liệu; khi giải trình: trả lời thẩm định)"
    )]
    Explain(ExplainArgs),
    #[command(subcommand, about = "Tài liệu kiểm chứng: thêm, gắn vào tiêu chí, liệt kê")]
    Evidence(EvidenceCommand),
    #[command(about = "Tính điểm gợi ý từ số liệu trong sổ, kèm cách tính")]
    Suggest(SuggestArgs),
    #[command(about = "Chốt điểm tự chấm (lãnh đạo, ngày); từ chối nếu còn thiếu điểm, thiếu tài liệu hoặc giải trình")]
    Lock(LockArgs),
    #[command(about = "Mở khóa về bước trước (bắt buộc ghi lý do vào nhật ký)")]
    Unlock(UnlockArgs),
    #[command(subcommand, about = "Thẩm định: ghi điểm thẩm định, chuyển bước")]
    Appraisal(AppraisalCommand),
    #[command(about = "So sánh với phiếu năm trước, theo từng tiêu chí cùng mã")]
    Compare(YearArg),
}

#[derive(Args, Debug)]
pub struct YearArg {
    #[arg(long, value_name = "NĂM", help = "Năm đánh giá (mặc định năm nay)")]
    year: Option<i32>,
}

#[derive(Args, Debug)]
pub struct NewArgs {
    #[command(flatten)]
    year: YearArg,
    #[arg(long, value_name = "URN@PHIÊN_BẢN", help = "Bộ chỉ số (mặc định: bộ của tỉnh nhập gần nhất, hoặc bộ mẫu)")]
    criteria: Option<String>,
}

#[derive(Args, Debug)]
pub struct ScoreArgs {
    #[arg(value_name = "MÃ", help = "Mã tiêu chí, ví dụ 3.3")]
    code: String,
    #[arg(value_name = "ĐIỂM", value_parser = parse_points, help = "Số điểm, ví dụ 1,5")]
    points: Points,
    #[command(flatten)]
    year: YearArg,
    #[arg(long, value_name = "LÝ_DO", help = "Lý do khi điểm khác điểm gợi ý từ sổ")]
    reason: Option<String>,
    #[arg(long, value_name = "GHI_CHÚ", help = "Ghi chú của đơn vị")]
    note: Option<String>,
}

#[derive(Args, Debug)]
pub struct NaArgs {
    #[arg(value_name = "MÃ", help = "Mã tiêu chí")]
    code: String,
    #[command(flatten)]
    year: YearArg,
    #[arg(long, help = "Bỏ đánh dấu không phát sinh")]
    undo: bool,
}

#[derive(Args, Debug)]
pub struct ExplainArgs {
    #[arg(value_name = "MÃ", help = "Mã tiêu chí")]
    code: String,
    #[arg(value_name = "GIẢI_TRÌNH", help = "Nội dung giải trình (để trống để xóa)")]
    text: String,
    #[command(flatten)]
    year: YearArg,
}

#[derive(Subcommand, Debug)]
pub enum EvidenceCommand {
    #[command(about = "Thêm một tài liệu kiểm chứng (có thể kèm tệp, sao vào kho tài liệu bên cạnh sổ)")]
    Add(EvidenceArgs),
    #[command(about = "Gắn (hoặc gỡ với --remove) một tài liệu vào một tiêu chí")]
    Link(LinkArgs),
    #[command(about = "Liệt kê tài liệu kiểm chứng")]
    List,
}

#[derive(Args, Debug)]
pub struct EvidenceArgs {
    #[arg(long, value_name = "LOẠI", help = "Loại văn bản: QĐ, KH, BC, TB, CV, BB, QC, KHÁC")]
    kind: String,
    #[arg(long, value_name = "SỐ", help = "Số, ký hiệu, ví dụ “25/KH-UBND”")]
    number: Option<String>,
    #[arg(long, value_name = "NGÀY", value_parser = format::parse_date, help = "Ngày ban hành (dd/mm/yyyy)")]
    date: Option<NaiveDate>,
    #[arg(long, value_name = "CƠ_QUAN", help = "Cơ quan ban hành")]
    issuer: Option<String>,
    #[arg(long, value_name = "TRÍCH_YẾU", help = "Trích yếu nội dung")]
    title: String,
    #[arg(long, value_name = "TỆP", help = "Tệp bản quét hoặc bản điện tử")]
    file: Option<PathBuf>,
    #[arg(long, value_name = "MÃ,MÃ", value_delimiter = ',', help = "Gắn ngay vào các tiêu chí này")]
    link: Vec<String>,
    #[command(flatten)]
    year: YearArg,
}

#[derive(Args, Debug)]
pub struct LinkArgs {
    #[arg(value_name = "SỐ", help = "Số thứ tự tài liệu (assess evidence list)")]
    id: i64,
    #[arg(value_name = "MÃ", help = "Mã tiêu chí")]
    code: String,
    #[command(flatten)]
    year: YearArg,
    #[arg(long, help = "Gỡ tài liệu khỏi tiêu chí")]
    remove: bool,
}

#[derive(Args, Debug)]
pub struct SuggestArgs {
    #[command(flatten)]
    year: YearArg,
    #[arg(long, help = "Lấy điểm gợi ý làm điểm tự chấm cho các tiêu chí chưa chấm")]
    apply: bool,
}

#[derive(Args, Debug)]
pub struct LockArgs {
    #[command(flatten)]
    year: YearArg,
    #[arg(long, value_name = "HỌ_TÊN", help = "Lãnh đạo chốt điểm")]
    leader: String,
    #[arg(long, value_name = "NGÀY", value_parser = format::parse_date, help = "Ngày chốt (mặc định hôm nay)")]
    date: Option<NaiveDate>,
}

#[derive(Args, Debug)]
pub struct UnlockArgs {
    #[command(flatten)]
    year: YearArg,
    #[arg(long, value_name = "LÝ_DO", help = "Lý do mở khóa (ghi vào nhật ký)")]
    reason: String,
}

#[derive(Subcommand, Debug)]
pub enum AppraisalCommand {
    #[command(
        about = "Ghi điểm và nhận xét của đoàn thẩm định cho một tiêu chí (lần 1 hoặc lần 2 theo bước), kể cả kết quả điều tra xã hội học do tỉnh công bố"
    )]
    Score(AppraiseArgs),
    #[command(about = "Chuyển sang bước tiếp theo: thẩm định lần 1 → giải trình → thẩm định lần 2 → kết quả cuối cùng")]
    Next(YearArg),
}

#[derive(Args, Debug)]
pub struct AppraiseArgs {
    #[arg(value_name = "MÃ", help = "Mã tiêu chí")]
    code: String,
    #[arg(value_name = "ĐIỂM", value_parser = parse_points, help = "Điểm thẩm định, ví dụ 1,5")]
    points: Points,
    #[command(flatten)]
    year: YearArg,
    #[arg(long, value_name = "NHẬN_XÉT", help = "Nhận xét của đoàn thẩm định")]
    note: Option<String>,
}

fn parse_points(input: &str) -> Result<Points, String> {
    Points::parse(input)
        .filter(|p| p.0 >= 0)
        .ok_or_else(|| format!("“{}” không phải số điểm hợp lệ (ví dụ 2 hoặc 1,5 hoặc 0,25)", input.trim()))
}

impl YearArg {
    fn or_today(&self, ctx: &Ctx) -> i32 {
        self.year.unwrap_or_else(|| ctx.today().year())
    }
}

fn saved<T: serde::Serialize>(ctx: &Ctx, value: &T, line: String) -> CmdResult {
    if ctx.out.json {
        ctx.out.json(value);
    } else {
        ctx.out.line(line);
    }
    Ok(Done::Clean)
}

fn opt(points: Option<Points>) -> String {
    points.map_or_else(String::new, Points::vn)
}

pub fn run_criteria(ctx: &Ctx, command: CriteriaCommand) -> CmdResult {
    match command {
        CriteriaCommand::List => {
            let app = ctx.open()?;
            let sets = app.criteria_sets()?;
            if ctx.out.json {
                ctx.out.json(&sets);
                return Ok(Done::Clean);
            }
            let mut table =
                output::new_table(&["Bộ chỉ số", "Phiên bản", "Tên", "Quyết định", "Nguồn", "Dùng cho năm"]);
            for s in &sets {
                let source = if s.source == "bundled" {
                    "Bộ mẫu kèm chương trình".to_string()
                } else {
                    s.source.clone()
                };
                let years: Vec<String> = s.used_by.iter().map(|y| y.to_string()).collect();
                table.add_row(vec![
                    s.urn.clone(),
                    s.version.to_string(),
                    s.name.clone(),
                    s.decision_number.clone(),
                    source,
                    years.join(", "),
                ]);
            }
            ctx.out.table(&table);
            ctx.out.line(format!("Tổng: {} bộ chỉ số (kể cả các phiên bản).", format::count(sets.len())));
            Ok(Done::Clean)
        }
        CriteriaCommand::Show(a) => {
            let app = ctx.open()?;
            let key = match a.key {
                Some(key) => key,
                None => app.criteria_sets()?.first().map(|s| s.urn.clone()).unwrap_or_default(),
            };
            let set = app.criteria_set(&key)?;
            if ctx.out.json {
                ctx.out.json(&set);
                return Ok(Done::Clean);
            }
            ctx.out.line(format!("{} ({})", set.name, set.key()));
            if !set.note.is_empty() {
                ctx.out.line(format!("Ghi chú: {}", set.note));
            }
            ctx.out.line(format!(
                "Thang điểm {}: thẩm định {}, điều tra xã hội học {}; điểm thưởng tối đa {}, điểm trừ tối đa {}.",
                set.scale.vn(),
                set.appraised_share.vn(),
                set.survey_share.vn(),
                set.bonus_cap.vn(),
                set.penalty_cap.vn()
            ));
            let bands: Vec<String> = set.bands.iter().map(|b| format!("{} từ {} %", b.label, b.min.vn())).collect();
            ctx.out.line(format!("Xếp loại: {}.", bands.join("; ")));
            let mut table = output::new_table(&["Mã", "Nội dung", "Tối đa", "Cách chấm", "Chỉ số từ sổ"]);
            let empty = std::collections::BTreeMap::new();
            for node in cchc::model::node_totals(&set, &empty) {
                let leaf = if node.is_leaf { set.leaf(&node.code) } else { None };
                table.add_row(vec![
                    format!("{}{}", "  ".repeat(node.depth), node.code),
                    node.text.clone(),
                    node.max.vn(),
                    node.rule.clone().unwrap_or_default(),
                    leaf.and_then(|l| l.node.metric.clone()).unwrap_or_default(),
                ]);
            }
            output::align_right(&mut table, [2]);
            ctx.out.table(&table);
            Ok(Done::Clean)
        }
        CriteriaCommand::Import(a) => {
            let mut app = ctx.open()?;
            let report = app.import_criteria(&a.file, a.dry_run)?;
            let errors = report.findings.iter().any(|f| f.is_error()) || report.summary.is_none();
            if ctx.out.json {
                ctx.out.json(&output::with_finding_messages(&report, &report.findings));
                return Ok(if errors { Done::WithErrors } else { Done::Clean });
            }
            if let Some(s) = &report.summary {
                let what = if report.stored { "Đã nhập" } else { "Kiểm tra" };
                ctx.out.line(format!(
                    "{what} bộ chỉ số “{}” ({}@{}), {} tiêu chí chấm điểm.",
                    s.name,
                    s.urn,
                    s.version,
                    format::count(s.leaves)
                ));
            }
            ctx.out.findings_grouped(&report.findings);
            if report.dry_run {
                ctx.out.line("Chạy thử: chưa ghi gì vào sổ.");
            }
            Ok(if errors { Done::WithErrors } else { Done::Clean })
        }
        CriteriaCommand::Export(a) => {
            let app = ctx.open()?;
            let key = match a.criteria {
                Some(key) => key,
                None => app.criteria_sets()?.first().map(|s| s.urn.clone()).unwrap_or_default(),
            };
            let nodes = app.export_criteria(&key, &a.file)?;
            ctx.out.line(format!(
                "Đã xuất {} dòng tiêu chí của bộ chỉ số {key} ra {}.",
                format::count(nodes),
                a.file.display()
            ));
            Ok(Done::Clean)
        }
        CriteriaCommand::Template(a) => {
            cchc::App::write_criteria_template(&a.file)?;
            ctx.out.line(format!("Đã tạo tệp mẫu {}.", a.file.display()));
            Ok(Done::Clean)
        }
    }
}

pub fn run_assess(ctx: &Ctx, command: AssessCommand) -> CmdResult {
    match command {
        AssessCommand::New(a) => {
            let mut app = ctx.open()?;
            let year = a.year.or_today(ctx);
            let assessment = app.new_assessment(year, a.criteria.as_deref())?;
            let line = format!(
                "Đã tạo phiếu tự đánh giá năm {} theo bộ chỉ số {}@{}; hạn gửi {}.",
                assessment.year,
                assessment.criteria_urn,
                assessment.criteria_version,
                format::date(assessment.deadline)
            );
            saved(ctx, &assessment, line)
        }
        AssessCommand::Show(a) => show(ctx, a.or_today(ctx)),
        AssessCommand::Score(a) => {
            let mut app = ctx.open()?;
            let year = a.year.or_today(ctx);
            let entry = app.score_leaf(year, &a.code, a.points, a.reason.as_deref(), a.note.as_deref())?;
            let line = format!("Đã ghi tiêu chí {}: tự chấm {} điểm.", entry.code, opt(entry.self_points));
            saved(ctx, &entry, line)
        }
        AssessCommand::Na(a) => {
            let mut app = ctx.open()?;
            let entry = app.set_not_applicable(a.year.or_today(ctx), &a.code, !a.undo)?;
            let line = if entry.not_applicable {
                format!("Tiêu chí {} không phát sinh; không tính vào điểm tối đa.", entry.code)
            } else {
                format!("Tiêu chí {} được tính lại.", entry.code)
            };
            saved(ctx, &entry, line)
        }
        AssessCommand::Explain(a) => {
            let mut app = ctx.open()?;
            let entry = app.explain_leaf(a.year.or_today(ctx), &a.code, &a.text)?;
            saved(ctx, &entry, format!("Đã ghi giải trình của tiêu chí {}.", entry.code))
        }
        AssessCommand::Evidence(EvidenceCommand::Add(a)) => {
            let mut app = ctx.open()?;
            let input = EvidenceInput {
                kind: a.kind,
                number: a.number.unwrap_or_default(),
                date: a.date,
                issuer: a.issuer.unwrap_or_default(),
                title: a.title,
            };
            let file = a.file.as_deref().map(cchc::api::Source::Path);
            let evidence = app.add_evidence(input, file)?;
            let year = a.year.or_today(ctx);
            for code in &a.link {
                app.link_evidence(year, code, evidence.id)?;
            }
            let mut line = format!("Đã thêm tài liệu kiểm chứng số {}: {}.", evidence.id, evidence.input.record());
            if !a.link.is_empty() {
                line.push_str(&format!(" Đã gắn vào tiêu chí {}.", a.link.join(", ")));
            }
            saved(ctx, &evidence, line)
        }
        AssessCommand::Evidence(EvidenceCommand::Link(a)) => {
            let mut app = ctx.open()?;
            let year = a.year.or_today(ctx);
            let entry = if a.remove {
                app.unlink_evidence(year, &a.code, a.id)?
            } else {
                app.link_evidence(year, &a.code, a.id)?
            };
            let line = if a.remove {
                format!("Đã gỡ tài liệu số {} khỏi tiêu chí {}.", a.id, entry.code)
            } else {
                format!("Đã gắn tài liệu số {} vào tiêu chí {}.", a.id, entry.code)
            };
            saved(ctx, &entry, line)
        }
        AssessCommand::Evidence(EvidenceCommand::List) => {
            let app = ctx.open()?;
            let list = app.evidence_list()?;
            if ctx.out.json {
                ctx.out.json(&list);
                return Ok(Done::Clean);
            }
            let mut table = output::new_table(&["Số", "Tài liệu", "Cơ quan ban hành", "Tệp"]);
            for e in &list {
                let file = e.file.as_ref().map_or_else(String::new, |f| f.original_name.clone());
                table.add_row(vec![e.id.to_string(), e.input.record(), e.input.issuer.clone(), file]);
            }
            ctx.out.table(&table);
            ctx.out.line(format!("Tổng: {} tài liệu kiểm chứng.", format::count(list.len())));
            Ok(Done::Clean)
        }
        AssessCommand::Suggest(a) => {
            let mut app = ctx.open()?;
            let suggestions = app.suggest_scores(a.year.or_today(ctx), a.apply)?;
            if ctx.out.json {
                ctx.out.json(&suggestions);
                return Ok(Done::Clean);
            }
            for s in &suggestions {
                let points = s.points.map_or_else(|| "chưa tính được".to_string(), |p| format!("{} điểm", p.vn()));
                ctx.out.line(format!("{}: {}", s.code, points));
                ctx.out.line(format!("    {}", s.trace));
            }
            if a.apply {
                ctx.out.line("Đã lấy điểm gợi ý cho các tiêu chí chưa chấm.");
            }
            Ok(Done::Clean)
        }
        AssessCommand::Lock(a) => {
            let mut app = ctx.open()?;
            let date = a.date.unwrap_or_else(|| ctx.today());
            let assessment = app.lock_self_assessment(a.year.or_today(ctx), &a.leader, date)?;
            let line = format!(
                "Đã chốt điểm tự chấm năm {} ({}, ngày {}).",
                assessment.year,
                assessment.leader,
                format::date(date)
            );
            saved(ctx, &assessment, line)
        }
        AssessCommand::Unlock(a) => {
            let mut app = ctx.open()?;
            let assessment = app.unlock_assessment(a.year.or_today(ctx), &a.reason)?;
            let line = format!(
                "Đã mở khóa phiếu năm {}; phiếu trở về bước “{}”. Lý do đã được ghi vào nhật ký.",
                assessment.year,
                assessment.stage.label()
            );
            saved(ctx, &assessment, line)
        }
        AssessCommand::Appraisal(AppraisalCommand::Score(a)) => {
            let mut app = ctx.open()?;
            let entry = app.appraise_leaf(a.year.or_today(ctx), &a.code, a.points, a.note.as_deref())?;
            let line = format!("Đã ghi điểm thẩm định tiêu chí {}: {} điểm.", entry.code, a.points.vn());
            saved(ctx, &entry, line)
        }
        AssessCommand::Appraisal(AppraisalCommand::Next(a)) => {
            let mut app = ctx.open()?;
            let assessment = app.advance_assessment(a.or_today(ctx))?;
            let line = format!("Phiếu năm {} chuyển sang bước “{}”.", assessment.year, assessment.stage.label());
            saved(ctx, &assessment, line)
        }
        AssessCommand::Compare(a) => {
            let app = ctx.open()?;
            let cmp = app.compare_assessment(a.or_today(ctx))?;
            if ctx.out.json {
                ctx.out.json(&cmp);
                return Ok(Done::Clean);
            }
            ctx.out.line(format!(
                "So sánh năm {} ({}) với năm {} ({}).",
                cmp.year, cmp.criteria, cmp.previous_year, cmp.previous_criteria
            ));
            let mut table = output::new_table(&[
                "Mã",
                "Nội dung",
                "Tối đa",
                &cmp.previous_year.to_string(),
                &cmp.year.to_string(),
                "Chênh lệch",
            ]);
            for leaf in &cmp.leaves {
                let previous = match leaf.previous_max {
                    _ if leaf.comparable => opt(leaf.previous),
                    Some(max) => format!("— (tối đa {})", max.vn()),
                    None => "(không có)".to_string(),
                };
                let diff = match (leaf.current, leaf.previous) {
                    (Some(c), Some(p)) if c != p => {
                        let d = c - p;
                        if d.0 > 0 { format!("+{}", d.vn()) } else { d.vn() }
                    }
                    _ => String::new(),
                };
                table.add_row(vec![
                    leaf.code.clone(),
                    leaf.text.clone(),
                    leaf.max.vn(),
                    previous,
                    opt(leaf.current),
                    diff,
                ]);
            }
            output::align_right(&mut table, [2, 3, 4, 5]);
            ctx.out.table(&table);
            ctx.out.line(format!("Năm {}: {}", cmp.previous_year, total_line(&cmp.previous)));
            ctx.out.line(format!("Năm {}: {}", cmp.year, total_line(&cmp.current)));
            if !cmp.same_set {
                ctx.out.line(different_sets(cmp.previous_year, &cmp.previous_criteria, cmp.year, &cmp.criteria));
            }
            if !cmp.same_scale {
                ctx.out.line("Hai năm có thang điểm khác nhau nên tổng điểm không so sánh trực tiếp được.".to_string());
            }
            Ok(Done::Clean)
        }
    }
}

fn show(ctx: &Ctx, year: i32) -> CmdResult {
    let app = ctx.open()?;
    let view = app.assessment(year)?;
    if ctx.out.json {
        ctx.out.json(&output::with_finding_messages(&view, &view.findings));
        return Ok(Done::Clean);
    }
    let a = &view.assessment;
    ctx.out.line(format!(
        "Phiếu tự đánh giá chỉ số CCHC năm {}: {} ({}@{})",
        a.year, view.criteria.name, a.criteria_urn, a.criteria_version
    ));
    let mut stage = format!("Bước: {}", a.stage.label());
    if let Some(on) = a.locked_on {
        stage.push_str(&format!("; chốt điểm ngày {} ({})", format::date(on), a.leader));
    }
    stage.push_str(&format!("; hạn gửi {}.", format::date(a.deadline)));
    ctx.out.line(stage);
    if !view.set.note.is_empty() {
        ctx.out.line(format!("Ghi chú của bộ chỉ số: {}", view.set.note));
    }
    let mut table = {
        let h = cchc::vocabulary::HEADERS;
        output::new_table(&[h.code, h.content, h.max, h.suggested, h.self_score, "TĐ lần 1", "TĐ lần 2", "Kiểm chứng"])
    };
    for node in &view.nodes {
        let entry = view.entries.iter().find(|e| node.is_leaf && e.code == node.code);
        let na = entry.is_some_and(|e| e.not_applicable);
        let [own, round1, round2] = node.points;
        let (suggested, own, round1, round2) = match entry {
            _ if na => (String::new(), "không phát sinh".to_string(), String::new(), String::new()),
            Some(e) => (opt(e.suggested), opt(e.self_points), opt(e.round1), opt(e.round2)),
            None => (String::new(), opt(own), opt(round1), opt(round2)),
        };
        let evidence = match entry {
            Some(e) if !e.evidence.is_empty() => {
                e.evidence.iter().map(|id| format!("#{id}")).collect::<Vec<_>>().join(" ")
            }
            Some(e) if !e.explanation.is_empty() => "giải trình".to_string(),
            _ => String::new(),
        };
        let max = if node.applicable_max != node.max && !node.is_leaf {
            format!("{} ({})", node.max.vn(), node.applicable_max.vn())
        } else {
            node.max.vn()
        };
        table.add_row(vec![
            format!("{}{}", "  ".repeat(node.depth), node.code),
            node.text.clone(),
            max,
            suggested,
            own,
            round1,
            round2,
            evidence,
        ]);
    }
    output::align_right(&mut table, [2, 3, 4, 5, 6]);
    ctx.out.table(&table);
    for t in &view.totals {
        ctx.out.line(format!("{}: {}", t.column.label(), total_line(t)));
    }
    ctx.out.findings_grouped(&view.findings);
    Ok(Done::Clean)
}

/// The line under a comparison of two years scored on different sets.
fn different_sets(previous_year: i32, previous: &str, year: i32, current: &str) -> String {
    format!(
        "Năm {previous_year} chấm theo bộ chỉ số {previous}, năm {year} theo bộ {current}: chỉ so sánh các tiêu chí \
         cùng mã và cùng điểm tối đa; tiêu chí khác ghi “—”."
    )
}

/// "67 / 69 + điều tra 26,5 / 30 + thưởng 0,5 − trừ 0,25 = 94,69 / 100 điểm (94,69 %), xếp loại Tốt"; the self
/// column has no survey ("thẩm định 67 / 69 = 97,1 / 70 điểm …").
fn total_line(t: &Totals) -> String {
    let mut line = format!("thẩm định {} / {}", t.appraised.vn(), t.appraised_max.vn());
    if t.survey_max.0 > 0 {
        line.push_str(&format!(" + điều tra {} / {}", t.survey.vn(), t.survey_max.vn()));
    }
    if t.bonus.0 > 0 {
        line.push_str(&format!(" + thưởng {}", t.bonus.vn()));
    }
    if t.penalty.0 > 0 {
        line.push_str(&format!(" − trừ {}", t.penalty.vn()));
    }
    line.push_str(&format!(" = {} / {} điểm", t.total.vn(), t.out_of.vn()));
    match (&t.percent, &t.class) {
        (Some(p), Some(class)) => line.push_str(&format!(" ({} %), xếp loại {class}", p.vn())),
        (Some(p), None) => line.push_str(&format!(" ({} %)", p.vn())),
        _ => {}
    }
    line
}
