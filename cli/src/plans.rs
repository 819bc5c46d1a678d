//! `plans`, `tasks`, `deadlines`: reform plans (kế hoạch CCHC), their tasks and progress, and the deadlines board.

use crate::Ctx;
use crate::format;
use crate::messages;
use crate::output::{self, Bar, CmdResult, Done};
use crate::procedures::{exported, print_import, template_written};
use crate::staffing::{FileArg, ImportArgs};
use crate::usage;
use cchc::App;
use cchc::model::{DeadlineKind, PlanInput, PlanKind, ReformArea, Task, TaskInput, TaskStatus};
use chrono::{Datelike, NaiveDate};
use clap::{Args, Subcommand};

#[derive(Subcommand, Debug)]
pub enum PlansCommand {
    #[command(about = "Thêm một kế hoạch")]
    Add(PlanArgs),
    #[command(about = "Liệt kê kế hoạch")]
    List(YearArg),
    #[command(about = "Tiến độ thực hiện nhiệm vụ theo lĩnh vực và chung, nhiệm vụ quá hạn")]
    Progress(DateArg),
}

#[derive(Subcommand, Debug)]
pub enum TasksCommand {
    #[command(about = "Thêm một nhiệm vụ vào kế hoạch")]
    Add(TaskArgs),
    #[command(about = "Sửa một nhiệm vụ (chỉ những mục được chỉ rõ)")]
    Edit(EditArgs),
    #[command(about = "Liệt kê nhiệm vụ")]
    List(YearArg),
    #[command(about = "Nhập nhiệm vụ từ tệp .xlsx hoặc .csv (kiểm tra toàn bộ trước khi ghi)")]
    Import(ImportArgs),
    #[command(about = "Xuất nhiệm vụ ra tệp .xlsx hoặc .csv")]
    Export(FileArg),
    #[command(about = "Tạo tệp mẫu trống để điền nhiệm vụ")]
    Template(FileArg),
}

#[derive(Args, Debug)]
pub struct PlanArgs {
    #[arg(long, value_name = "SỐ", help = "Số, ký hiệu, ví dụ “25/KH-UBND”")]
    number: String,
    #[arg(long, value_name = "NGÀY", value_parser = format::parse_date, help = "Ngày ban hành (dd/mm/yyyy)")]
    date: NaiveDate,
    #[arg(long, value_name = "NĂM", help = "Năm thực hiện (mặc định năm của ngày ban hành)")]
    year: Option<i32>,
    #[arg(long, value_name = "LOẠI", value_parser = parse_kind, help = "Loại: annual (CCHC năm), propaganda (tuyên truyền), tthc_control (kiểm soát TTHC), self_inspection (tự kiểm tra), other (khác)")]
    kind: Option<PlanKind>,
    #[arg(long, value_name = "TRÍCH_YẾU", help = "Trích yếu nội dung")]
    title: Option<String>,
}

#[derive(Args, Debug)]
pub struct TaskArgs {
    #[arg(long, value_name = "SỐ", help = "Số kế hoạch, ví dụ “25/KH-UBND”")]
    plan: String,
    #[arg(long, value_name = "NĂM", help = "Năm của kế hoạch")]
    year: i32,
    #[arg(long, value_name = "LĨNH_VỰC", help = area_help(), long_help = area_long_help())]
    area: String,
    #[arg(long, value_name = "NỘI_DUNG", help = "Nội dung nhiệm vụ")]
    content: String,
    #[command(flatten)]
    details: TaskDetails,
}

#[derive(Args, Debug)]
pub struct EditArgs {
    #[arg(value_name = "SỐ", help = "Số thứ tự của nhiệm vụ (cột “Số” của tasks list)")]
    id: i64,
    #[arg(long, value_name = "NỘI_DUNG", help = "Nội dung nhiệm vụ")]
    content: Option<String>,
    #[arg(long, value_name = "LĨNH_VỰC", help = area_help(), long_help = area_long_help())]
    area: Option<String>,
    #[command(flatten)]
    details: TaskDetails,
}

#[derive(Args, Debug)]
pub struct TaskDetails {
    #[arg(long, value_name = "CHỦ_TRÌ", help = "Người hoặc bộ phận chủ trì")]
    owner: Option<String>,
    #[arg(long, value_name = "NGÀY", value_parser = format::parse_date, help = "Thời hạn hoàn thành (dd/mm/yyyy)")]
    deadline: Option<NaiveDate>,
    #[arg(long, value_name = "SẢN_PHẨM", help = "Sản phẩm dự kiến")]
    output: Option<String>,
    #[arg(long, value_name = "TÌNH_TRẠNG", value_parser = parse_status, help = "Tình trạng: not_started (chưa thực hiện), in_progress (đang thực hiện), done (đã hoàn thành), cancelled (không thực hiện); gõ tên tiếng Việt cũng được")]
    status: Option<TaskStatus>,
    #[arg(long, value_name = "PHẦN_TRĂM", help = "Tỷ lệ hoàn thành, 0–100")]
    percent: Option<i64>,
    #[arg(long, value_name = "VĂN_BẢN", help = "Tài liệu kiểm chứng (số, ký hiệu, ngày văn bản)")]
    evidence: Option<String>,
}

impl TaskDetails {
    fn apply(self, input: &mut TaskInput) {
        if let Some(v) = self.owner {
            input.owner = v;
        }
        if let Some(v) = self.deadline {
            input.deadline = Some(v);
        }
        if let Some(v) = self.output {
            input.expected_output = v;
        }
        if let Some(v) = self.status {
            input.status = v;
        }
        if let Some(v) = self.percent {
            input.percent = v;
        }
        if let Some(v) = self.evidence {
            input.evidence = v;
        }
    }
}

#[derive(Args, Debug)]
pub struct YearArg {
    #[arg(long, value_name = "NĂM", help = "Chỉ năm này")]
    year: Option<i32>,
}

#[derive(Args, Debug)]
pub struct DateArg {
    #[arg(long, value_name = "NGÀY", value_parser = format::parse_date, help = "Ngày xem (dd/mm/yyyy; mặc định hôm nay)")]
    date: Option<NaiveDate>,
}

#[derive(Args, Debug)]
pub struct DeadlinesArgs {
    #[arg(long, value_name = "NGÀY", value_parser = format::parse_date, help = "Tính cho ngày này (dd/mm/yyyy; mặc định hôm nay)")]
    today: Option<NaiveDate>,
}

/// `--area`'s help: the reform areas by code, each with its Vietnamese name (either is accepted).
fn area_help() -> String {
    usage::choices("Lĩnh vực CCHC, mã hoặc tên", &ReformArea::SEEDED)
}

fn area_long_help() -> String {
    usage::choices_long("Lĩnh vực CCHC, mã hoặc tên", &ReformArea::SEEDED)
}

fn parse_kind(input: &str) -> Result<PlanKind, String> {
    PlanKind::parse(input).ok_or_else(|| {
        format!("“{input}” không phải loại kế hoạch (annual, propaganda, tthc_control, self_inspection, other)")
    })
}

fn parse_status(input: &str) -> Result<TaskStatus, String> {
    TaskStatus::parse(input)
        .ok_or_else(|| format!("“{input}” không phải tình trạng (not_started, in_progress, done, cancelled)"))
}

pub fn run_plans(ctx: &Ctx, command: PlansCommand) -> CmdResult {
    match command {
        PlansCommand::Add(a) => {
            let mut app = ctx.open()?;
            let input = PlanInput {
                kind: a.kind.unwrap_or_default(),
                number: a.number,
                date: a.date,
                year: a.year.unwrap_or(a.date.year()),
                title: a.title.unwrap_or_default(),
            };
            let saved = app.add_plan(input)?;
            if ctx.out.json {
                ctx.out.json(&saved);
            } else {
                let plan = &saved.record;
                ctx.out.line(format!(
                    "Đã thêm {} số {} ngày {} (năm {}).",
                    plan.input.kind.label(),
                    plan.input.number,
                    format::date(plan.input.date),
                    plan.input.year
                ));
                for warning in &saved.warnings {
                    ctx.out.line(format!("(cảnh báo) {}", messages::finding_line(warning)));
                }
            }
            Ok(Done::Clean)
        }
        PlansCommand::List(YearArg { year }) => {
            let app = ctx.open()?;
            let plans = app.plans(year)?;
            if ctx.out.json {
                ctx.out.json(&plans);
                return Ok(Done::Clean);
            }
            let mut table = output::new_table(&["Năm", "Số, ký hiệu", "Ngày", "Loại", "Trích yếu"]);
            for p in &plans {
                let i = &p.input;
                table.add_row(vec![
                    i.year.to_string(),
                    i.number.clone(),
                    format::date(i.date),
                    i.kind.label().into(),
                    i.title.clone(),
                ]);
            }
            ctx.out.table(&table);
            ctx.out.line(format!("Tổng: {} kế hoạch", format::count(plans.len())));
            Ok(Done::Clean)
        }
        PlansCommand::Progress(DateArg { date }) => {
            let app = ctx.open()?;
            let p = app.plan_progress(date.unwrap_or_else(|| ctx.today()))?;
            if ctx.out.json {
                ctx.out.json(&p);
                return Ok(Done::Clean);
            }
            ctx.out.line(format!("Tiến độ nhiệm vụ CCHC năm {} (ngày {}):", p.year, format::date(p.date)));
            let rate = |v: Option<f64>| v.map_or("–".to_string(), format::percent);
            let mut table =
                output::new_table(&["Lĩnh vực", "Nhiệm vụ", "Hoàn thành", "Tỷ lệ hoàn thành", "Tiến độ bình quân"]);
            for a in p.areas.iter().filter(|a| a.tasks + a.cancelled > 0).chain([&p.overall]) {
                table.add_row(vec![
                    a.name.clone(),
                    format::int(a.tasks),
                    format::int(a.done),
                    rate(a.completion_rate),
                    rate(a.average_percent),
                ]);
            }
            output::align_right(&mut table, [1, 2, 3, 4]);
            ctx.out.table(&table);
            for t in &p.overdue {
                ctx.out.line(format!(
                    "Quá hạn: {} (hạn {}).",
                    t.input.content,
                    t.input.deadline.map(format::date).unwrap_or_default()
                ));
            }
            Ok(Done::Clean)
        }
    }
}

pub fn run_tasks(ctx: &Ctx, command: TasksCommand) -> CmdResult {
    match command {
        TasksCommand::Add(a) => {
            let mut app = ctx.open()?;
            let mut input = TaskInput::new(a.year, &a.plan, &a.area, &a.content);
            a.details.apply(&mut input);
            let task = app.add_task(input)?;
            saved(ctx, &task, "Đã thêm nhiệm vụ")
        }
        TasksCommand::Edit(a) => {
            let mut app = ctx.open()?;
            let mut input = app.task(a.id)?.input;
            if let Some(content) = a.content {
                input.content = content;
            }
            if let Some(area) = a.area {
                input.area = area;
            }
            a.details.apply(&mut input);
            let task = app.edit_task(a.id, input)?;
            saved(ctx, &task, "Đã lưu nhiệm vụ")
        }
        TasksCommand::List(YearArg { year }) => {
            let app = ctx.open()?;
            let tasks = app.tasks(year)?;
            if ctx.out.json {
                ctx.out.json(&tasks);
                return Ok(Done::Clean);
            }
            let areas = app.reform_areas()?;
            let mut table = output::new_table(&[
                "Số",
                "Kế hoạch",
                "Lĩnh vực",
                "Nội dung",
                "Chủ trì",
                "Thời hạn",
                "Tình trạng",
                "%",
            ]);
            for t in &tasks {
                let i = &t.input;
                let area = areas.iter().find(|a| a.code == i.area).map_or(i.area.clone(), |a| a.name.clone());
                table.add_row(vec![
                    t.id.to_string(),
                    format!("{} ({})", i.plan_number, i.plan_year),
                    area,
                    i.content.clone(),
                    i.owner.clone(),
                    i.deadline.map(format::date).unwrap_or_default(),
                    i.status.label().into(),
                    format::int(i.percent),
                ]);
            }
            output::align_right(&mut table, [7]);
            ctx.out.table(&table);
            ctx.out.line(format!("Tổng: {} nhiệm vụ", format::count(tasks.len())));
            Ok(Done::Clean)
        }
        TasksCommand::Import(args) => {
            let mut app = ctx.open()?;
            let bar = Bar::new(ctx.out, "Đang nhập nhiệm vụ");
            let report = app.import_tasks(&args.file, args.dry_run, &|done, total| bar.tick(done, total))?;
            drop(bar);
            Ok(print_import(ctx, &report, &args.file, "nhiệm vụ", "tasks"))
        }
        TasksCommand::Export(FileArg { file }) => {
            let rows = ctx.open()?.export_tasks(&file, None)?;
            exported(ctx, &file, rows, "nhiệm vụ")
        }
        TasksCommand::Template(FileArg { file }) => {
            App::write_task_template(&file)?;
            template_written(ctx, &file, "tasks")
        }
    }
}

pub fn deadlines(ctx: &Ctx, args: DeadlinesArgs) -> CmdResult {
    let app = ctx.open()?;
    let today = args.today.unwrap_or_else(|| ctx.today());
    let items = app.deadlines(today)?;
    if ctx.out.json {
        ctx.out.json(&items);
        return Ok(Done::Clean);
    }
    ctx.out.line(format!("Việc cần làm tính đến ngày {}:", format::date(today)));
    if items.is_empty() {
        ctx.out.line("Không có việc nào đến hạn.");
        return Ok(Done::Clean);
    }
    let mut table = output::new_table(&["Hạn", "Còn lại", "Loại", "Việc", "Thuộc"]);
    for i in &items {
        let left = match i.days_left {
            d if d < 0 => format!("trễ {} ngày", format::int(-d)),
            0 => "hôm nay".to_string(),
            d => format!("{} ngày", format::int(d)),
        };
        let kind = match i.kind {
            DeadlineKind::Report => "Báo cáo",
            DeadlineKind::Task => "Nhiệm vụ",
            DeadlineKind::StaffStandard => "Đạt chuẩn",
            DeadlineKind::IsoLegalChange => "ISO: văn bản mới",
            DeadlineKind::IsoAction => "ISO: khắc phục",
            DeadlineKind::IsoAudit => "ISO: đánh giá nội bộ",
            DeadlineKind::IsoReview => "ISO: xem xét của lãnh đạo",
            DeadlineKind::SelfAssessment => "Tự đánh giá chỉ số CCHC",
        };
        table.add_row(vec![format::date(i.due), left, kind.into(), i.what.clone(), i.record.clone()]);
    }
    ctx.out.table(&table);
    Ok(Done::Clean)
}

fn saved(ctx: &Ctx, task: &Task, what: &str) -> CmdResult {
    if ctx.out.json {
        ctx.out.json(task);
    } else {
        ctx.out.line(format!("{what} số {}: {}.", task.id, task.input.content));
    }
    Ok(Done::Clean)
}
