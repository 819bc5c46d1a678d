//! The demo's case statistics (Biểu 06): each field's flows simulated quarter by quarter from its procedures
//! (volume, season, processing time, online share), cumulative windows, carried-over dossiers; deterministic.

use crate::model::{
    CaseFigures, OnlineLevel, PeriodKey, PeriodKind, ProcedureInput, ProcessingTime, StatsRow, TimeUnit,
};
use crate::text;
use chrono::NaiveDate;
use std::collections::BTreeMap;
use std::ops::RangeInclusive;

/// Case statistics for every field that has procedures, for each period of each year in `years` whose default
/// window has closed by `until` (`key.default_window().end <= until`). Rows are per field (`procedure: None`),
/// ordered by period, then field in Vietnamese alphabetical order.
pub fn stats(procedures: &[ProcedureInput], years: RangeInclusive<i32>, until: NaiveDate, seed: u64) -> Vec<StatsRow> {
    let fields = field_profiles(procedures);
    let (first, last) = (*years.start(), *years.end());
    let mut rows: Vec<(PeriodKey, usize, StatsRow)> = Vec::new();
    for (order, profile) in fields.iter().enumerate() {
        let mut carried = 0;
        for year in years.clone() {
            if PeriodKey::new(year, PeriodKind::Q1).default_window().end > until {
                break;
            }
            let mut rng = SplitMix64::new(seed ^ fnv1a(profile.field.as_bytes()) ^ (year as u64).wrapping_mul(GOLDEN));
            let quarters = simulate_year(profile, year, first, last, carried, &mut rng);
            for (index, kind) in PeriodKind::ALL.into_iter().enumerate() {
                let key = PeriodKey::new(year, kind);
                if key.default_window().end > until {
                    break;
                }
                let figures = cumulative(&quarters[..=index], carried);
                rows.push((
                    key,
                    order,
                    StatsRow { period: key, field: profile.field.clone(), procedure: None, figures },
                ));
            }
            carried = quarters[3].in_progress;
        }
    }
    rows.sort_by_key(|(key, order, _)| (*key, *order));
    rows.into_iter().map(|(_, _, row)| row).collect()
}

/// Per-procedure rows (Biểu 06 kept per TTHC) for the same periods as `stats`: each procedure gets its own
/// consistent flows. Used by the benchmark to load a register the way a unit keeping detailed figures would.
pub fn per_procedure_stats(
    procedures: &[ProcedureInput],
    years: RangeInclusive<i32>,
    until: NaiveDate,
    seed: u64,
) -> Vec<StatsRow> {
    // Simulate each procedure as if it were its own field, then put the real field back.
    let keyed: Vec<ProcedureInput> =
        procedures.iter().map(|p| ProcedureInput { field: p.code.clone(), ..p.clone() }).collect();
    let field_of: BTreeMap<&str, &str> = procedures.iter().map(|p| (p.code.as_str(), p.field.as_str())).collect();
    stats(&keyed, years, until, seed)
        .into_iter()
        .map(|mut row| {
            let code = std::mem::take(&mut row.field);
            row.field = field_of[code.as_str()].to_string();
            row.procedure = Some(code);
            row
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------------------------
// Statistics model

/// What the generator needs to know about a field.
struct FieldProfile {
    field: String,
    /// Mean new dossiers per quarter, before seasonality and growth.
    volume: f64,
    /// Per-quarter multipliers (the windows close 14/3, 14/6, 14/9, 14/12).
    season: [f64; 4],
    /// Share of new dossiers still in progress at a window's end (longer procedures keep more).
    hold: f64,
    /// How much of the field is online (0 = nothing can be filed online).
    online_capacity: f64,
}

/// One quarter's flows, and the backlog at its end.
#[derive(Debug, Clone, Copy, Default)]
struct Quarter {
    online: i64,
    direct: i64,
    early: i64,
    on_time: i64,
    late: i64,
    in_progress: i64,
    overdue: i64,
}

const GOLDEN: u64 = 0x9E37_79B9_7F4A_7C15;

fn field_profiles(procedures: &[ProcedureInput]) -> Vec<FieldProfile> {
    let mut by_field: BTreeMap<Vec<u8>, (String, Vec<&ProcedureInput>)> = BTreeMap::new();
    for procedure in procedures {
        by_field
            .entry(text::sort_key(&procedure.field))
            .or_insert_with(|| (procedure.field.clone(), Vec::new()))
            .1
            .push(procedure);
    }
    by_field
        .into_values()
        .map(|(field, list)| {
            let (volume, season) = volume_of(&text::fold(&field), list.len());
            let days: Vec<f64> = list.iter().filter_map(|p| p.processing_time).map(calendar_days).collect();
            let mean_days = if days.is_empty() { 10.0 } else { days.iter().sum::<f64>() / days.len() as f64 };
            let online: f64 = list
                .iter()
                .map(|p| match p.online_level {
                    OnlineLevel::Full => 1.0,
                    OnlineLevel::Partial => 0.6,
                    OnlineLevel::None => 0.0,
                })
                .sum();
            FieldProfile {
                field,
                volume,
                season,
                hold: (mean_days / 91.0 * 0.8).clamp(0.003, 0.45),
                online_capacity: online / list.len() as f64,
            }
        })
        .collect()
}

fn calendar_days(time: ProcessingTime) -> f64 {
    match time.unit {
        TimeUnit::WorkingDays => time.amount * 1.4,
        TimeUnit::Days => time.amount,
        TimeUnit::WorkingHours => time.amount / 8.0,
    }
}

/// Typical ward volumes per quarter: certified copies dominate (about half of all dossiers), then civil status
/// and residence; land tens; some fields only a few a year.
fn volume_of(folded: &str, procedures: usize) -> (f64, [f64; 4]) {
    const FLAT: [f64; 4] = [0.92, 1.04, 1.0, 1.04];
    let table: [(&str, f64, [f64; 4]); 21] = [
        ("chung thuc", 1600.0, FLAT),
        ("ho tich", 380.0, [1.05, 0.95, 0.95, 1.05]),
        ("cu tru", 260.0, [0.9, 1.0, 1.15, 0.95]),
        ("dat dai", 45.0, FLAT),
        ("ho kinh doanh", 30.0, [1.2, 1.0, 0.9, 0.9]),
        ("xay dung", 14.0, [0.8, 1.2, 1.1, 0.9]),
        ("bao tro", 28.0, FLAT),
        ("nguoi co cong", 6.0, [0.8, 0.9, 1.5, 0.8]),
        ("giam ngheo", 6.0, [0.5, 0.5, 0.7, 6.0]),
        ("giao duc", 8.0, [0.8, 1.0, 22.0, 1.2]),
        ("van hoa", 1.5, [2.5, 0.6, 0.4, 0.5]),
        ("tiep cong dan", 12.0, FLAT),
        ("xu ly don", 8.0, FLAT),
        ("khieu nai", 1.5, FLAT),
        ("hoa giai", 2.0, FLAT),
        ("tre em", 1.0, FLAT),
        ("gia dinh", 0.5, FLAT),
        ("ton giao", 1.5, [1.6, 0.8, 0.8, 0.8]),
        ("te nan", 1.5, FLAT),
        ("nuoi con nuoi", 0.5, FLAT),
        ("the thao", 0.5, FLAT),
    ];
    table
        .iter()
        .find(|(key, _, _)| folded.contains(key))
        .map(|(_, volume, season)| (*volume, *season))
        .unwrap_or((0.8 * procedures.min(5) as f64, FLAT))
}

fn simulate_year(
    profile: &FieldProfile,
    year: i32,
    first: i32,
    last: i32,
    carried: i64,
    rng: &mut SplitMix64,
) -> [Quarter; 4] {
    let growth = 1.03_f64.powi(year - first);
    let mut backlog = carried;
    let mut quarters = [Quarter::default(); 4];
    for (q, slot) in quarters.iter_mut().enumerate() {
        let new = draw_count(profile.volume * profile.season[q] * growth, rng);
        // The online share climbs from about 30% in the first year to about 60% in the last.
        let progress = if last > first {
            (f64::from(year - first) + q as f64 / 4.0) / f64::from(last - first)
        } else {
            q as f64 / 3.0
        };
        let share = if profile.online_capacity == 0.0 {
            0.0
        } else {
            ((0.30 + 0.30 * progress.min(1.0)) * (0.6 + 0.6 * profile.online_capacity)
                + 0.03 * (2.0 * rng.unit() - 1.0))
                .clamp(0.0, 0.95)
        };
        let online = (new as f64 * share).round() as i64;
        let available = backlog + new;
        let in_progress = ((new as f64 * profile.hold * (0.7 + 0.6 * rng.unit())).round() as i64).min(available);
        let resolved = available - in_progress;
        let late_rate = 0.004 + 0.012 * profile.hold;
        let late = bernoulli_count(resolved as f64 * late_rate * (0.5 + rng.unit()), rng).min(resolved);
        let early = ((resolved - late) as f64 * (0.55 + 0.3 * rng.unit())).round() as i64;
        let overdue = if in_progress > 0 && rng.unit() < 0.12 + 0.2 * profile.hold { 1 } else { 0 };
        *slot = Quarter {
            online,
            direct: new - online,
            early,
            on_time: resolved - late - early,
            late,
            in_progress,
            overdue,
        };
        backlog = in_progress;
    }
    quarters
}

/// The figures of a cumulative window made of the given quarters.
fn cumulative(quarters: &[Quarter], carried: i64) -> CaseFigures {
    let sum = |f: fn(&Quarter) -> i64| quarters.iter().map(f).sum::<i64>();
    let end = quarters.last().copied().unwrap_or_default();
    let (online, direct) = (sum(|q| q.online), sum(|q| q.direct));
    let (early, on_time, late) = (sum(|q| q.early), sum(|q| q.on_time), sum(|q| q.late));
    CaseFigures {
        received_total: online + direct + carried,
        received_online: online,
        received_direct: direct,
        carried_over: carried,
        resolved_total: early + on_time + late,
        resolved_early: early,
        resolved_on_time: on_time,
        resolved_late: late,
        in_progress_total: end.in_progress,
        in_progress_within: end.in_progress - end.overdue,
        in_progress_overdue: end.overdue,
        // Every late dossier got its apology letter.
        apology_letters: late,
    }
}

/// A count with the given mean: Poisson for small means, ±12% around the mean for large ones.
fn draw_count(mean: f64, rng: &mut SplitMix64) -> i64 {
    if mean <= 0.0 {
        return 0;
    }
    if mean >= 30.0 {
        return (mean * (1.0 + 0.12 * (2.0 * rng.unit() - 1.0))).round() as i64;
    }
    let limit = (-mean).exp();
    let (mut count, mut product) = (0, rng.unit());
    while product > limit {
        count += 1;
        product *= rng.unit();
    }
    count
}

/// The whole part of `expected`, plus one with probability of its fractional part.
fn bernoulli_count(expected: f64, rng: &mut SplitMix64) -> i64 {
    let whole = expected.floor();
    whole as i64 + i64::from(rng.unit() < expected - whole)
}

/// SplitMix64 (Steele, Lea, Flood 2014): a tiny, well-mixed, deterministic generator; no crate needed.
pub(super) struct SplitMix64(u64);

impl SplitMix64 {
    pub(super) fn new(seed: u64) -> SplitMix64 {
        SplitMix64(seed)
    }

    pub(super) fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(GOLDEN);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    pub(super) fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Uniform in 0..n (n > 0).
    pub(super) fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n
    }
}

/// FNV-1a: a stable hash of a field's name, so each field's numbers do not depend on the order of the list.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xCBF2_9CE4_8422_2325, |hash, b| (hash ^ u64::from(*b)).wrapping_mul(0x0100_0000_01B3))
}
