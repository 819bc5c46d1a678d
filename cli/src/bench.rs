//! `bench`: builds a generated register and measures the main operations (median and p95 over warm runs);
//! `bench packages`: generates report files of many wards and measures the superior's import and roll-up.

use crate::Ctx;
use crate::format;
use crate::output::{self, Bar, CmdResult, Done, Failure};
use cchc::api::Generated;
use cchc::clock::Stopwatch;
use cchc::model::{
    Decision, EvidenceInput, PeriodKey, PeriodKind, PersonInput, PlanInput, PlanKind, ProcedureQuery, Quota,
    ReportKind, Rule, TaskInput, TaskStatus,
};
use cchc::{App, Assets};
use chrono::NaiveDate;
use clap::{Args, Subcommand};
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::hint::black_box;
use std::path::PathBuf;

/// The last year of generated statistics, and the day they run until.
const LAST_YEAR: i32 = 2025;
/// Generated data is the same on every run, so that measurements compare.
const SEED: u64 = 2026;

#[derive(Args, Debug)]
pub struct BenchArgs {
    #[command(subcommand)]
    what: Option<BenchWhat>,
    #[arg(
        long,
        value_name = "THƯ_MỤC",
        help = "Thư mục giữ sổ thử nghiệm (dùng lại ở lần sau); mặc định: một thư mục tạm, xóa khi xong"
    )]
    dir: Option<PathBuf>,
    #[arg(long, value_name = "SỐ", default_value = "150", value_parser = format::parse_positive, help = "Số thủ tục được sinh")]
    procedures: usize,
    #[arg(long, value_name = "SỐ", default_value = "10", value_parser = format::parse_positive, help = "Số năm số liệu (đến hết năm 2025)")]
    years: usize,
    #[arg(long, value_name = "SỐ", default_value = "50", value_parser = format::parse_positive, help = "Số lần đo mỗi thao tác")]
    repeat: usize,
}

#[derive(Subcommand, Debug)]
enum BenchWhat {
    #[command(about = "Sinh tệp báo cáo của nhiều đơn vị rồi đo thời gian cấp trên nhận và tổng hợp")]
    Packages(PackagesArgs),
    #[command(
        about = "Lấy bản làm việc, ghi tệp thay đổi nhiều bản ghi rồi đo thời gian nhập vào sổ của cơ quan; kích thước bản làm việc"
    )]
    Copies(crate::bench_copies::CopiesArgs),
    #[command(
        about = "Ghi nội dung một báo cáo của sổ (các khối: tiêu đề, đoạn văn, bảng) ra JSON, để dựng cùng nội dung bằng công cụ khác khi so sánh tốc độ (scripts/bench-libreoffice.sh)"
    )]
    Document(DocumentArgs),
}

#[derive(Args, Debug)]
struct DocumentArgs {
    #[arg(long, value_name = "LOẠI", help = crate::report::KIND_HELP)]
    kind: String,
    #[arg(long, value_name = "KỲ", value_parser = format::parse_period, help = "Kỳ báo cáo (báo cáo tự đánh giá: năm)")]
    period: PeriodKey,
    #[arg(long, value_name = "TỆP.json", help = "Tệp JSON sẽ ghi ra")]
    out: PathBuf,
}

#[derive(Args, Debug)]
struct PackagesArgs {
    #[arg(
        long,
        value_name = "SỐ,SỐ",
        value_delimiter = ',',
        default_value = "150,3321",
        help = "Số tệp của mỗi lần đo (150: các xã của một tỉnh; 3.321: mọi xã, phường, đặc khu của cả nước)"
    )]
    counts: Vec<usize>,
    #[arg(
        long,
        value_name = "THƯ_MỤC",
        help = "Thư mục làm việc (giữ lại sau khi đo); mặc định: thư mục tạm, xóa khi xong"
    )]
    dir: Option<PathBuf>,
}

#[derive(Debug, Serialize)]
struct PackageTiming {
    files: usize,
    bytes: u64,
    /// Reading and hashing the same files: the floor any import stands on.
    raw_ms: f64,
    import_ms: f64,
    files_per_second: f64,
    /// import / raw.
    ratio_to_raw: f64,
    rollup_ms: f64,
}

#[derive(Debug, Serialize)]
struct PackagesReport {
    period: PeriodKey,
    template_bytes: u64,
    runs: Vec<PackageTiming>,
}

#[derive(Debug, Serialize)]
struct Timing {
    name: &'static str,
    label: String,
    median_ms: f64,
    p95_ms: f64,
    min_ms: f64,
    max_ms: f64,
}

#[derive(Debug, Serialize)]
struct BenchReport {
    /// The register measured, when it is kept (`--dir`).
    register: Option<PathBuf>,
    procedures: usize,
    years: usize,
    /// Statistics rows written, when the register was made by this run.
    stats_rows: Option<usize>,
    /// Time to write the generated register, when it was made by this run.
    create_ms: Option<f64>,
    repeat: usize,
    operations: Vec<Timing>,
}

pub fn run(ctx: &Ctx, args: BenchArgs) -> CmdResult {
    match args.what {
        Some(BenchWhat::Packages(packages)) => return run_packages(ctx, packages),
        Some(BenchWhat::Document(document)) => return write_document(ctx, document),
        Some(BenchWhat::Copies(copies)) => return crate::bench_copies::run(ctx, copies),
        None => {}
    }
    let years = i32::try_from(args.years)
        .ok()
        .filter(|y| *y <= 100)
        .ok_or_else(|| Failure::refused("BAD_ARGUMENT", "Số năm số liệu quá lớn; hãy chọn tối đa 100 năm."))?;
    let temporary = args.dir.is_none();
    let dir =
        args.dir.clone().unwrap_or_else(|| std::env::temp_dir().join(format!("cchc-bench-{}", std::process::id())));
    let path = dir.join(format!("bench-{}-{}.cchc", args.procedures, args.years));
    let result = measure_all(ctx, &args, years, &path);
    if temporary {
        // Only the directory this run made for itself is removed.
        let _ = std::fs::remove_dir_all(&dir);
    }
    let mut report = result?;
    if !temporary {
        report.register = Some(path);
    }
    print(ctx, &report);
    Ok(Done::Clean)
}

fn measure_all(ctx: &Ctx, args: &BenchArgs, years: i32, path: &std::path::Path) -> Result<BenchReport, Failure> {
    let (mut stats_rows, mut create_ms) = (None, None);
    if !path.exists() {
        if !ctx.out.json {
            ctx.out.note(format!(
                "Đang sinh sổ thử nghiệm: {} thủ tục, {} năm số liệu…",
                format::count(args.procedures),
                format::count(args.years)
            ));
        }
        let bar = Bar::new(ctx.out, "Đang ghi sổ thử nghiệm");
        let watch = Stopwatch::start();
        let spec = Generated { procedures: args.procedures, years, last_year: LAST_YEAR, seed: SEED };
        let (mut app, rows) =
            App::create_generated(path, spec, Assets::bundled(), ctx.clock.clone(), &|done, total| {
                bar.tick(done, total)
            })?;
        add_plans_and_staffing(&mut app)?;
        add_assessments(&mut app)?;
        create_ms = Some(watch.elapsed_ms());
        stats_rows = Some(rows);
        drop(app);
    }
    let period = PeriodKey::new(LAST_YEAR, PeriodKind::Year);
    let all = ProcedureQuery { include_retired: true, ..ProcedureQuery::default() };
    let search = ProcedureQuery { search: Some("ho tich".into()), ..ProcedureQuery::default() };
    let repeat = args.repeat;
    let mut operations = Vec::new();
    operations.push(time("open", "Mở sổ dữ liệu".into(), repeat, || {
        black_box(App::open(path, Assets::bundled(), ctx.clock.clone())?);
        Ok(())
    })?);
    let app = App::open(path, Assets::bundled(), ctx.clock.clone())?;
    operations.push(time("search", "Tìm thủ tục “ho tich”".into(), repeat, || {
        black_box(app.procedures(&search)?);
        Ok(())
    })?);
    operations.push(time("list", "Liệt kê toàn bộ thủ tục".into(), repeat, || {
        black_box(app.procedures(&all)?);
        Ok(())
    })?);
    operations.push(time("year_on_time_rate", format!("Tỷ lệ đúng hạn năm {LAST_YEAR}"), repeat, || {
        black_box(app.year_on_time_rate(LAST_YEAR)?);
        Ok(())
    })?);
    operations.push(time("stats", format!("Bảng số liệu kỳ {period}"), repeat, || {
        black_box(app.stats(period)?);
        Ok(())
    })?);
    operations.push(time("check", format!("Kiểm tra số liệu kỳ {period}"), repeat, || {
        black_box(app.check(Some(period))?);
        Ok(())
    })?);
    let pages = app.report_pages(ReportKind::Periodic, period)?.len();
    operations.push(time(
        "report_periodic",
        format!("Báo cáo CCHC năm {LAST_YEAR} ra PDF ({pages} trang, kèm phụ lục)"),
        repeat,
        || {
            black_box(app.report_pdf(ReportKind::Periodic, period)?);
            Ok(())
        },
    )?);
    operations.push(time(
        "report_layout",
        format!("  trong đó: soạn và dàn trang ({pages} trang)"),
        repeat,
        || {
            black_box(app.report_pages(ReportKind::Periodic, period)?);
            Ok(())
        },
    )?);
    operations.push(time("report_stats", format!("Biểu 06 năm {LAST_YEAR} ra PDF"), repeat, || {
        black_box(app.report_pdf(ReportKind::Stats, period)?);
        Ok(())
    })?);
    let assessment = PeriodKey::new(LAST_YEAR, PeriodKind::Year);
    let pages = app.report_pages(ReportKind::Assessment, assessment)?.len();
    operations.push(time(
        "report_assessment",
        format!("Báo cáo tự đánh giá chỉ số CCHC năm {LAST_YEAR} ra PDF ({pages} trang, kèm phụ lục)"),
        repeat,
        || {
            black_box(app.report_pdf(ReportKind::Assessment, assessment)?);
            Ok(())
        },
    )?);
    operations.push(time(
        "report_periodic_new_app",
        "Báo cáo CCHC năm, lần đầu sau khi mở sổ (nạp phông chữ)".into(),
        repeat,
        || {
            let fresh = App::open(path, Assets::bundled(), ctx.clock.clone())?;
            black_box(fresh.report_pdf(ReportKind::Periodic, period)?);
            Ok(())
        },
    )?);
    Ok(BenchReport {
        register: None,
        procedures: args.procedures,
        years: args.years,
        stats_rows,
        create_ms,
        repeat,
        operations,
    })
}

/// Writes a report's document (the blocks before layout) as JSON.
fn write_document(ctx: &Ctx, args: DocumentArgs) -> CmdResult {
    let kind = ReportKind::parse(&args.kind).ok_or_else(|| {
        let finding = cchc::model::Finding::new(cchc::model::FindingCode::BadChoice, cchc::model::Place::field("kind"))
            .with("value", &args.kind);
        cchc::Error::Invalid(vec![finding])
    })?;
    let app = ctx.open()?;
    let document = app.report_document(kind, args.period)?;
    let json = serde_json::to_string_pretty(&document).expect("documents serialise");
    std::fs::write(&args.out, json).map_err(|e| cchc::Error::io(&args.out, e))?;
    ctx.out.line(format!("Đã ghi nội dung báo cáo vào {}.", args.out.display()));
    Ok(Done::Clean)
}

/// The self-assessments of the last two years on the bundled sample set: every leaf the ward scores (the last year from
/// the register's suggestions where it has them), each linked to one of three evidence documents.
fn add_assessments(app: &mut App) -> cchc::Result<()> {
    let documents: Vec<i64> = (1..=3)
        .map(|n| {
            let input = EvidenceInput {
                kind: "BC".into(),
                number: format!("{n}/BC-UBND"),
                date: NaiveDate::from_ymd_opt(LAST_YEAR, 3 * n, 10),
                issuer: "UBND phường Hải Dương".into(),
                title: format!("Báo cáo kết quả cải cách hành chính số {n}"),
            };
            app.add_evidence(input, None).map(|e| e.id)
        })
        .collect::<cchc::Result<_>>()?;
    for year in [LAST_YEAR - 1, LAST_YEAR] {
        app.new_assessment(year, None)?;
        if year == LAST_YEAR {
            app.suggest_scores(year, true)?;
        }
        let view = app.assessment(year)?;
        for (i, leaf) in view.set.leaves().into_iter().enumerate() {
            let code = &leaf.node.code;
            let scored = view.entries.iter().any(|e| &e.code == code && e.self_points.is_some());
            // The survey part is the province's to score (its result comes with the appraisal), not the ward's.
            if !scored && !matches!(leaf.rule, Rule::Bonus | Rule::Penalty | Rule::SurveyOnly) {
                app.score_leaf(year, code, leaf.node.max, None, None)?;
            }
            app.link_evidence(year, code, documents[i % documents.len()])?;
        }
    }
    Ok(())
}

/// A year plan with 60 tasks over the reform areas, quotas and 18 people: the appendices of the year report.
fn add_plans_and_staffing(app: &mut App) -> cchc::Result<()> {
    let date = NaiveDate::from_ymd_opt(LAST_YEAR, 1, 5).expect("a fixed valid date");
    let plan = PlanInput {
        kind: PlanKind::Annual,
        number: "01/KH-UBND".into(),
        date,
        year: LAST_YEAR,
        title: format!("Cải cách hành chính năm {LAST_YEAR}"),
    };
    app.add_plan(plan)?;
    let areas = ["chi_dao_dieu_hanh", "the_che", "tthc", "bo_may", "cong_vu", "tai_chinh_cong", "chinh_quyen_so"];
    for i in 0..60 {
        let content = format!("Nhiệm vụ {}: triển khai, kiểm tra và báo cáo kết quả theo kế hoạch", i + 1);
        let mut task = TaskInput::new(LAST_YEAR, "01/KH-UBND", areas[i % areas.len()], &content);
        task.owner = "Văn phòng - Thống kê".into();
        task.deadline = NaiveDate::from_ymd_opt(LAST_YEAR, 11, 30);
        (task.status, task.percent) = if i % 4 == 0 { (TaskStatus::InProgress, 50) } else { (TaskStatus::Done, 100) };
        app.add_task(task)?;
    }
    for (category, quota) in [("can_bo", 10), ("cong_chuc", 10)] {
        app.set_quota(Quota { year: LAST_YEAR, category: category.into(), quota, basis: Decision::default() })?;
        for i in 0..9 {
            let person = PersonInput {
                name: format!("Người {category} {}", i + 1),
                category: category.into(),
                standard_met: true,
                ..PersonInput::default()
            };
            app.add_person(person)?;
        }
    }
    Ok(())
}

fn run_packages(ctx: &Ctx, args: PackagesArgs) -> CmdResult {
    let temporary = args.dir.is_none();
    let dir = args
        .dir
        .clone()
        .unwrap_or_else(|| std::env::temp_dir().join(format!("cchc-bench-packages-{}", std::process::id())));
    let result = measure_packages(ctx, &args, &dir);
    if temporary {
        // Only the directory this run made for itself is removed.
        let _ = std::fs::remove_dir_all(&dir);
    }
    let report = result?;
    if ctx.out.json {
        ctx.out.json(&report);
        return Ok(Done::Clean);
    }
    ctx.out.line(format!(
        "Tệp mẫu: báo cáo kỳ {} của phường mẫu, {} byte; mỗi đơn vị một mã và một mã báo cáo riêng.",
        report.period,
        format::int(report.template_bytes as i64)
    ));
    let mut table = output::new_table(&[
        "Số tệp",
        "Dung lượng",
        "Đọc + băm ms",
        "Nhận vào sổ ms",
        "Tệp/giây",
        "Gấp đọc + băm",
        "Tổng hợp ms",
    ]);
    output::align_right(&mut table, [0, 1, 2, 3, 4, 5, 6]);
    for r in &report.runs {
        table.add_row(vec![
            format::count(r.files),
            format::int(r.bytes as i64),
            format::decimal(r.raw_ms, 1),
            format::decimal(r.import_ms, 1),
            format::decimal(r.files_per_second, 1),
            format::decimal(r.ratio_to_raw, 1),
            format::decimal(r.rollup_ms, 1),
        ]);
    }
    ctx.out.table(&table);
    Ok(Done::Clean)
}

fn measure_packages(ctx: &Ctx, args: &PackagesArgs, dir: &std::path::Path) -> Result<PackagesReport, Failure> {
    use cchc::api::no_progress;
    let io = |path: &std::path::Path, e: std::io::Error| Failure::from(cchc::Error::io(path, e));
    std::fs::create_dir_all(dir).map_err(|e| io(dir, e))?;
    let (mut ward, summary) = App::create_demo(&dir.join("ward"), Assets::bundled(), ctx.clock.clone(), &no_progress)?;
    let period =
        *summary.periods.last().ok_or_else(|| Failure::refused("NO_DATA", "Sổ mẫu không có kỳ báo cáo nào."))?;
    let mut unit = ward.unit()?;
    unit.code = "00001".to_string();
    ward.set_unit(unit)?;
    let template = dir.join("template.cchcbc");
    ward.export_package(period, &template, None)?;
    let template_bytes = std::fs::metadata(&template).map_err(|e| io(&template, e))?.len();
    let mut runs = Vec::new();
    for &count in &args.counts {
        if !ctx.out.json {
            ctx.out.note(format!("Đang sinh {} tệp báo cáo…", format::count(count)));
        }
        let folder = dir.join(format!("in-{count}"));
        std::fs::create_dir_all(&folder).map_err(|e| io(&folder, e))?;
        let variants = ward.write_unit_variants(&template, &folder, count, &no_progress)?;
        let bytes_total: u64 = variants.iter().map(|v| v.bytes).sum();
        let mut list = String::from("Mã đơn vị,Tên đơn vị\n");
        for v in &variants {
            list.push_str(&format!("{},{}\n", v.code, v.name));
        }
        let list_path = dir.join(format!("units-{count}.csv"));
        std::fs::write(&list_path, list).map_err(|e| io(&list_path, e))?;
        let mut superior = App::create(
            &dir.join(format!("superior-{count}.cchc")),
            App::demo_unit(),
            Assets::bundled(),
            ctx.clock.clone(),
        )?;
        superior.import_expected_units(list_path.as_path(), false, &no_progress)?;
        // The floor: read and hash every file once.
        let mut files: Vec<PathBuf> =
            std::fs::read_dir(&folder).map_err(|e| io(&folder, e))?.filter_map(|e| e.ok().map(|e| e.path())).collect();
        files.sort();
        let watch = Stopwatch::start();
        for file in &files {
            let bytes = std::fs::read(file).map_err(|e| io(file, e))?;
            black_box(Sha256::digest(&bytes));
        }
        let raw_ms = watch.elapsed_ms();
        let bar = Bar::new(ctx.out, "Đang nhận tệp báo cáo");
        let watch = Stopwatch::start();
        let report = superior.import_packages(std::slice::from_ref(&folder), false, &|d, t| bar.tick(d, t))?;
        let import_ms = watch.elapsed_ms();
        drop(bar);
        if report.written != count {
            return Err(Failure::refused(
                "BENCH_MISMATCH",
                format!("Chỉ nhận được {} trên {} tệp.", format::count(report.written), format::count(count)),
            ));
        }
        let watch = Stopwatch::start();
        black_box(superior.rollup(period)?);
        let rollup_ms = watch.elapsed_ms();
        runs.push(PackageTiming {
            files: count,
            bytes: bytes_total,
            raw_ms,
            import_ms,
            files_per_second: count as f64 * 1000.0 / import_ms.max(0.001),
            ratio_to_raw: import_ms / raw_ms.max(0.001),
            rollup_ms,
        });
    }
    Ok(PackagesReport { period, template_bytes, runs })
}

/// Runs `op` once unmeasured (warm), then `repeat` times measured.
fn time(
    name: &'static str,
    label: String,
    repeat: usize,
    mut op: impl FnMut() -> cchc::Result<()>,
) -> cchc::Result<Timing> {
    op()?;
    let mut samples = Vec::with_capacity(repeat);
    for _ in 0..repeat {
        let watch = Stopwatch::start();
        op()?;
        samples.push(watch.elapsed_ms());
    }
    samples.sort_by(f64::total_cmp);
    Ok(Timing {
        name,
        label,
        median_ms: median(&samples),
        p95_ms: nearest_rank(&samples, 0.95),
        min_ms: samples.first().copied().unwrap_or(0.0),
        max_ms: samples.last().copied().unwrap_or(0.0),
    })
}

/// The median of sorted samples.
fn median(sorted: &[f64]) -> f64 {
    match sorted.len() {
        0 => 0.0,
        n if n % 2 == 1 => sorted[n / 2],
        n => (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0,
    }
}

/// The nearest-rank percentile of sorted samples (p95 of 50 samples is the 48th).
fn nearest_rank(sorted: &[f64], fraction: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let rank = (fraction * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn print(ctx: &Ctx, report: &BenchReport) {
    if ctx.out.json {
        ctx.out.json(report);
        return;
    }
    let first_year = LAST_YEAR - report.years as i32 + 1;
    let mut summary = format!(
        "Sổ thử nghiệm: {} thủ tục, {} năm số liệu ({first_year}–{LAST_YEAR})",
        format::count(report.procedures),
        format::count(report.years)
    );
    if let (Some(rows), Some(ms)) = (report.stats_rows, report.create_ms) {
        summary.push_str(&format!(", {} dòng số liệu; ghi sổ mất {} ms", format::count(rows), format::decimal(ms, 1)));
    }
    ctx.out.line(format!("{summary}."));
    let mut table = output::new_table(&["Thao tác", "Trung vị ms", "p95 ms"]);
    output::align_right(&mut table, [1, 2]);
    for t in &report.operations {
        table.add_row(vec![t.label.clone(), format::decimal(t.median_ms, 3), format::decimal(t.p95_ms, 3)]);
    }
    ctx.out.table(&table);
    ctx.out.line(format!("Mỗi thao tác đo {} lần, sau một lần chạy khởi động.", format::count(report.repeat)));
    if let Some(path) = &report.register {
        ctx.out.line(format!("Sổ thử nghiệm được giữ tại {} để dùng lại.", path.display()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_and_p95_follow_their_definitions() {
        let samples: Vec<f64> = (1..=50).map(f64::from).collect();
        assert_eq!(median(&samples), 25.5);
        assert_eq!(nearest_rank(&samples, 0.95), 48.0);
        assert_eq!(median(&[3.0]), 3.0);
        assert_eq!(nearest_rank(&[3.0], 0.95), 3.0);
    }
}
