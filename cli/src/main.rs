//! `cchc`: the command line of the commune's administrative-reform register (procedures, Biểu 06 statistics,
//! staffing, reform plans, ISO 9001, the self-assessment of the CCHC index, the deadlines board and the official
//! reports as PDF).
//!
//! Every command calls `App` and nothing else; what a person reads is Vietnamese, `--json` gives machine output.
//! Exit codes: 0 success, 1 refusal or error (and `check` with errors), 2 usage error.

mod assess;
mod backup;
mod bench;
mod bench_copies;
mod catalog;
mod copies;
mod format;
mod iso;
mod messages;
mod output;
mod package;
mod plans;
mod procedures;
mod report;
mod staffing;
mod stats;
mod unit;
mod usage;

use cchc::api::data_folder;
use cchc::{App, Assets, Clock};
use chrono::NaiveDate;
use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand};
use output::{Bar, CmdResult, Done, Failure, Output};
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser, Debug)]
#[command(
    name = "cchc",
    about = "Sổ theo dõi cải cách hành chính cấp xã: danh mục thủ tục hành chính, số liệu giải quyết hồ sơ (Biểu 06), biên chế, kế hoạch CCHC, tự đánh giá chỉ số CCHC và việc cần làm"
)]
struct Cli {
    #[arg(
        long,
        global = true,
        value_name = "TỆP",
        help = "Tệp sổ dữ liệu (mặc định: sổ của đơn vị dùng chung với cửa sổ chương trình, vn.cchc.desktop/register.cchc trong thư mục dữ liệu của người dùng)"
    )]
    register: Option<PathBuf>,
    #[arg(long, global = true, help = "In kết quả dạng JSON cho máy đọc")]
    json: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    #[command(about = "Tạo sổ dữ liệu mới cho đơn vị")]
    Init(unit::UnitFlags),
    #[command(subcommand, about = "Xem hoặc sửa thông tin đơn vị")]
    Unit(unit::UnitCommand),
    #[command(subcommand, about = "Xem hoặc đặt thời gian lấy số liệu và hạn gửi báo cáo của kỳ báo cáo")]
    Period(unit::PeriodCommand),
    #[command(subcommand, about = "Danh mục thủ tục hành chính: xem, thêm, sửa, ngừng áp dụng, nhập, xuất")]
    Procedures(procedures::ProceduresCommand),
    #[command(subcommand, about = "Số liệu giải quyết hồ sơ (Biểu 06): xem, nhập, xuất")]
    Stats(stats::StatsCommand),
    #[command(subcommand, about = "Biên chế: được giao, có mặt, danh sách cán bộ, công chức")]
    Staffing(staffing::StaffingCommand),
    #[command(
        subcommand,
        about = "Danh mục loại cán bộ, công chức và lĩnh vực cải cách hành chính: xem, thêm, đổi tên, hết áp dụng, xóa"
    )]
    Catalog(catalog::CatalogCommand),
    #[command(subcommand, about = "Kế hoạch cải cách hành chính: thêm, xem, tiến độ")]
    Plans(plans::PlansCommand),
    #[command(subcommand, about = "Nhiệm vụ của kế hoạch CCHC: thêm, sửa, xem, nhập, xuất")]
    Tasks(plans::TasksCommand),
    #[command(subcommand, about = "Hệ thống quản lý chất lượng ISO 9001: công bố, đánh giá nội bộ, xem xét, khắc phục")]
    Iso(iso::IsoCommand),
    #[command(subcommand, about = "Bộ chỉ số CCHC: xem, nhập bộ của tỉnh (mọi phiên bản được giữ lại)")]
    Criteria(assess::CriteriaCommand),
    #[command(
        subcommand,
        about = "Tự đánh giá, chấm điểm chỉ số CCHC: chấm, tài liệu kiểm chứng, gợi ý, chốt, thẩm định"
    )]
    Assess(assess::AssessCommand),
    #[command(
        subcommand,
        about = "Báo cáo chính thức (PDF): báo cáo CCHC định kỳ, Biểu 06, báo cáo tự đánh giá chỉ số CCHC; sửa nội dung, ban hành"
    )]
    Report(report::ReportCommand),
    #[command(about = "Việc cần làm: hạn báo cáo, nhiệm vụ đến hạn hoặc quá hạn, hạn đạt chuẩn")]
    Deadlines(plans::DeadlinesArgs),
    #[command(subcommand, about = "Tệp báo cáo gửi cấp trên (.cchcbc): xuất, nhận, xem các tệp đã gửi")]
    Package(package::PackageCommand),
    #[command(subcommand, about = "Danh sách đơn vị thuộc phạm vi tổng hợp của cấp trên")]
    Units(package::UnitsCommand),
    #[command(about = "Tổng hợp báo cáo của các đơn vị trong một kỳ: tình trạng gửi, số liệu chính, Biểu 06 cộng dồn")]
    Rollup(package::RollupArgs),
    #[command(about = "Kiểm tra số liệu và danh mục, liệt kê mọi lỗi và cảnh báo")]
    Check(stats::CheckArgs),
    #[command(
        subcommand,
        about = "Làm việc ở máy khác: lấy bản làm việc, gửi thay đổi về, nhập thay đổi vào sổ của cơ quan"
    )]
    Copy(copies::CopyCommand),
    #[command(subcommand, about = "Sao lưu, kiểm tra bản sao, sao lưu ra USB, khôi phục")]
    Backup(backup::BackupCommand),
    #[command(about = "Xem nhật ký thay đổi")]
    Log(LogArgs),
    #[command(about = "Tạo một sổ dữ liệu mẫu (demo.cchc) để dùng thử, không đụng đến sổ thật")]
    Demo(DemoArgs),
    #[command(about = "Đo tốc độ các thao tác chính trên một sổ dữ liệu được sinh tự động")]
    Bench(bench::BenchArgs),
}

#[derive(Args, Debug)]
struct LogArgs {
    #[arg(
        long,
        default_value = "50",
        value_parser = format::parse_positive,
        value_name = "SỐ",
        help = "Số mục gần nhất cần xem"
    )]
    limit: usize,
    #[arg(long, value_name = "LOẠI", help = "Chỉ xem một loại bản ghi (ví dụ: procedure, case_stats, person, task)")]
    entity: Option<String>,
    #[arg(long, value_name = "HỌ_TÊN", help = "Chỉ xem thay đổi của một người")]
    who: Option<String>,
    #[arg(long, value_name = "NGÀY", value_parser = format::parse_date, help = "Từ ngày (dd/mm/yyyy)")]
    from: Option<chrono::NaiveDate>,
    #[arg(long, value_name = "NGÀY", value_parser = format::parse_date, help = "Đến ngày (dd/mm/yyyy)")]
    to: Option<chrono::NaiveDate>,
}

#[derive(Args, Debug)]
struct DemoArgs {
    #[arg(value_name = "THƯ_MỤC", help = "Thư mục sẽ chứa sổ mẫu demo.cchc")]
    dir: PathBuf,
}

/// What every command needs: the output mode, the register's path and the clock.
pub struct Ctx {
    pub out: Output,
    register: Option<PathBuf>,
    pub clock: Clock,
}

impl Ctx {
    /// The register to use: `--register`, or the user's own register in the data folder the window uses too
    /// (`CCHC_DATA_DIR`, else `%APPDATA%\vn.cchc.desktop` or `~/.local/share/vn.cchc.desktop`; never the demo).
    pub fn register_path(&self) -> Result<PathBuf, Failure> {
        if let Some(path) = &self.register {
            return Ok(path.clone());
        }
        let data = data_folder::choose(std::env::var_os(data_folder::DATA_DIR_VAR), || dirs::data_dir().ok_or(()));
        data.map(|dir| data_folder::live_register(&dir)).map_err(|()| {
            Failure::refused(
                "NO_DATA_DIR",
                "Không xác định được thư mục dữ liệu của người dùng; hãy chỉ rõ tệp sổ dữ liệu bằng --register.",
            )
        })
    }

    /// Opens the register, telling the user when it was upgraded (and where the copy from before is).
    pub fn open(&self) -> Result<App, Failure> {
        let app = App::open(&self.register_path()?, Assets::bundled(), self.clock.clone())?;
        if let Some(backup) = app.migration_backup() {
            self.out.note(format!(
                "Đã nâng cấp sổ dữ liệu lên phiên bản mới; bản sao trước khi nâng cấp được lưu tại {}.",
                backup.display()
            ));
        }
        Ok(app)
    }

    pub fn today(&self) -> NaiveDate {
        self.clock.today()
    }
}

fn main() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().collect();
    let json = args.iter().skip(1).any(|a| a == "--json");
    let command = usage::localize(Cli::command());
    let cli = match command.try_get_matches_from(&args).and_then(|m| Cli::from_arg_matches(&m)) {
        Ok(cli) => cli,
        Err(err) => return ExitCode::from(usage::handle(err, json)),
    };
    let ctx = Ctx { out: Output { json: cli.json }, register: cli.register, clock: clock() };
    match run(&ctx, cli.command) {
        Ok(Done::Clean) => ExitCode::SUCCESS,
        Ok(Done::WithErrors) => ExitCode::from(1),
        Err(failure) => {
            ctx.out.failure(&failure);
            ExitCode::from(failure.exit)
        }
    }
}

fn run(ctx: &Ctx, command: Command) -> CmdResult {
    match command {
        Command::Init(flags) => unit::init(ctx, flags),
        Command::Unit(command) => unit::run_unit(ctx, command),
        Command::Iso(command) => iso::run(ctx, command),
        Command::Period(command) => unit::run_period(ctx, command),
        Command::Catalog(command) => catalog::run(ctx, command),
        Command::Procedures(command) => procedures::run(ctx, command),
        Command::Stats(command) => stats::run(ctx, command),
        Command::Staffing(command) => staffing::run(ctx, command),
        Command::Plans(command) => plans::run_plans(ctx, command),
        Command::Tasks(command) => plans::run_tasks(ctx, command),
        Command::Criteria(command) => assess::run_criteria(ctx, command),
        Command::Assess(command) => assess::run_assess(ctx, command),
        Command::Report(command) => report::run(ctx, command),
        Command::Deadlines(args) => plans::deadlines(ctx, args),
        Command::Package(command) => package::run_package(ctx, command),
        Command::Units(command) => package::run_units(ctx, command),
        Command::Rollup(args) => package::rollup(ctx, args),
        Command::Check(args) => stats::check(ctx, args),
        Command::Copy(command) => copies::run(ctx, command),
        Command::Backup(command) => backup::run(ctx, command),
        Command::Log(args) => log(ctx, args),
        Command::Demo(args) => demo(ctx, args),
        Command::Bench(args) => bench::run(ctx, args),
    }
}

/// The system clock, or a fixed local time from `CCHC_NOW` ("2026-11-23" or "2026-11-23T14:05") so that tests
/// and demonstrations print the same dates every day.
fn clock() -> Clock {
    let Ok(text) = std::env::var("CCHC_NOW") else { return Clock::System };
    let (day, time) = text.trim().split_once(['T', ' ']).unwrap_or((text.trim(), "00:00"));
    let Ok(day) = NaiveDate::parse_from_str(day, "%Y-%m-%d") else { return Clock::System };
    let (hour, minute) = time.split_once(':').unwrap_or((time, "0"));
    match (hour.parse::<u32>(), minute.get(..2).unwrap_or(minute).parse::<u32>()) {
        (Ok(h), Ok(m)) if h < 24 && m < 60 => Clock::fixed_local(day, h, m),
        _ => Clock::fixed_local(day, 0, 0),
    }
}

fn log(ctx: &Ctx, args: LogArgs) -> CmdResult {
    let app = ctx.open()?;
    let query = cchc::api::ChangeLogQuery {
        entity: args.entity,
        actor: args.who,
        from: args.from,
        to: args.to,
        limit: args.limit,
    };
    let entries = app.change_log_query(&query)?;
    if ctx.out.json {
        ctx.out.json(&entries);
        return Ok(Done::Clean);
    }
    if entries.is_empty() {
        ctx.out.line("Nhật ký thay đổi chưa có mục nào.");
        return Ok(Done::Clean);
    }
    let mut table = output::new_table(&["Thời điểm", "Người sửa", "Đối tượng", "Mã", "Thao tác"]);
    for e in &entries {
        let mut actor = if e.actor.is_empty() { "(không rõ)".to_string() } else { e.actor.clone() };
        if let Some(origin) = &e.origin {
            actor.push_str(&format!(" (bản làm việc, tệp thay đổi số {})", origin.sequence));
        }
        table.add_row(vec![
            format::timestamp(&e.at),
            actor,
            messages::entity_caption(&e.entity),
            messages::entity_key(&e.entity_id),
            messages::action_caption(&e.action),
        ]);
    }
    ctx.out.table(&table);
    ctx.out.line(format!("{} mục gần nhất.", format::count(entries.len())));
    Ok(Done::Clean)
}

fn demo(ctx: &Ctx, args: DemoArgs) -> CmdResult {
    let bar = Bar::new(ctx.out, "Đang tạo sổ mẫu");
    let (_app, summary) =
        App::create_demo(&args.dir, Assets::bundled(), ctx.clock.clone(), &|done, total| bar.tick(done, total))?;
    drop(bar);
    if ctx.out.json {
        ctx.out.json(&summary);
        return Ok(Done::Clean);
    }
    let periods: Vec<String> = summary.periods.iter().map(|p| p.to_string()).collect();
    ctx.out.line(format!("Đã tạo sổ dữ liệu mẫu tại {}", summary.path.display()));
    ctx.out.line(format!(
        "  - {} thủ tục hành chính thuộc {} lĩnh vực",
        format::count(summary.procedures),
        format::count(summary.fields)
    ));
    ctx.out.line(format!(
        "  - {} dòng số liệu giải quyết hồ sơ của {} kỳ báo cáo: {}",
        format::count(summary.stats_rows),
        format::count(periods.len()),
        periods.join(", ")
    ));
    ctx.out.line("Sổ mẫu tách biệt với sổ dữ liệu thật của đơn vị. Để xem, hãy chạy:");
    ctx.out.line(format!("  cchc --register {} procedures list", shell_quote(&summary.path)));
    Ok(Done::Clean)
}

/// A path as it can be pasted into a shell.
pub fn shell_quote(path: &Path) -> String {
    let text = path.display().to_string();
    if text.chars().all(|c| c.is_alphanumeric() || "/\\._-:~".contains(c)) { text } else { format!("\"{text}\"") }
}
