//! How single cells are read, whatever their table: text, codes, yes/no, dates, whole numbers, processing times,
//! fees, legal bases and points (the rules are in the module documentation of `transfer`).

use crate::model::{Points, ProcessingTime, TimeUnit};
use crate::sheet::Cell;
use crate::text;
use chrono::{Datelike, NaiveDate};

/// The text of a cell (numbers without ".0", dates dd/mm/yyyy); "" for an absent column.
pub(super) fn text_of(cell: Option<&Cell>) -> String {
    cell.map(Cell::display).unwrap_or_default()
}

/// A code cell as text: a fractional number is written with six decimals to restore the zeros Excel dropped
/// (1.00119 → "1.001190"); a whole number stays as typed ("2"), which then fails as a code rather than becoming
/// "2.000000".
pub(super) fn code_text(cell: Option<&Cell>) -> String {
    match cell {
        Some(Cell::Number(n)) if n.fract() != 0.0 => format!("{n:.6}"),
        other => text::clean(&text_of(other)),
    }
}

/// Legal bases: one per line; a single-line cell is split on ";" instead. Separators at line ends are dropped.
pub(super) fn legal_bases(cell: &str) -> Vec<String> {
    let parts: Vec<&str> = if cell.contains('\n') { cell.split('\n').collect() } else { cell.split(';').collect() };
    parts.into_iter().map(|p| text::clean(p.trim_end_matches([';', ',']))).filter(|p| !p.is_empty()).collect()
}

/// A filled yes/no cell; `None` when it is neither (an empty one is `Cells::flag`'s to read).
pub(super) fn flag(cell: &Cell) -> Option<bool> {
    match cell {
        Cell::Bool(b) => Some(*b),
        Cell::Number(n) if *n == 1.0 => Some(true),
        Cell::Number(n) if *n == 0.0 => Some(false),
        other => match text::fold(&other.display()).as_str() {
            "x" | "co" | "1" | "true" | "dung" | "✓" => Some(true),
            "khong" | "0" | "false" | "sai" => Some(false),
            _ => None,
        },
    }
}

/// A filled date cell: a date, an Excel serial number, or text dd/mm/yyyy, d/m/yyyy, yyyy-mm-dd (also with - or .
/// in the day-first forms); `None` otherwise.
pub(super) fn date(cell: &Cell) -> Option<NaiveDate> {
    match cell {
        Cell::Date(d) => Some(*d),
        Cell::Number(n) => excel_serial_date(*n),
        Cell::Text(s) => parse_date_text(s),
        Cell::Empty | Cell::Bool(_) => None,
    }
}

/// An Excel serial date (days since 1899-12-30) in a number cell. Only years 1990–2100 are taken as dates, so
/// that a year or a count typed in a date column (2025 would be 17/07/1905) is reported rather than misread.
fn excel_serial_date(n: f64) -> Option<NaiveDate> {
    if !(1.0..2_958_466.0).contains(&n) {
        return None;
    }
    let date = NaiveDate::from_ymd_opt(1899, 12, 30)?.checked_add_days(chrono::Days::new(n.floor() as u64))?;
    (1990..=2100).contains(&date.year()).then_some(date)
}

fn parse_date_text(s: &str) -> Option<NaiveDate> {
    let (year, month, day) = date_parts(s)?;
    NaiveDate::from_ymd_opt(year, month, day)
}

/// The year, month and day of a text written as a date (dd/mm/yyyy, d/m/yyyy, yyyy-mm-dd, with `/`, `-` or `.`),
/// whether or not that day exists: "31/02/2026" gives (2026, 2, 31), so that it can be called an impossible date
/// rather than a wrong format.
pub(super) fn date_parts(s: &str) -> Option<(i32, u32, u32)> {
    let parts = s.trim().splitn(3, ['/', '-', '.']).collect::<Vec<_>>();
    let [a, b, c] = parts.as_slice() else { return None };
    let all_digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    if ![a, b, c].iter().all(|p| all_digits(p)) {
        return None;
    }
    let (year, month, day) = if a.len() == 4 { (a, b, c) } else { (c, b, a) };
    if year.len() != 4 || month.len() > 2 || day.len() > 2 {
        return None;
    }
    Some((year.parse().ok()?, month.parse().ok()?, day.parse().ok()?))
}

/// A count of dossiers: a whole number ("12", 12.0, "1.234"), possibly negative; empty is 0; `None` otherwise.
pub(super) fn count(cell: &Cell) -> Option<i64> {
    match cell {
        Cell::Empty => Some(0),
        Cell::Number(n) if n.is_finite() && n.fract() == 0.0 && n.abs() < 1e15 => Some(*n as i64),
        Cell::Text(s) => {
            let s = s.trim();
            let (negative, digits) = match s.strip_prefix(['-', '−']) {
                Some(rest) => (true, rest.trim_start()),
                None => (false, s),
            };
            let value = i64::try_from(thousands(digits)?).ok()?;
            Some(if negative { -value } else { value })
        }
        _ => None,
    }
}

/// A time in working days, to compare channels: a calendar day is 5/7 of a working day, an hour 1/8.
pub(super) fn working_days(time: &ProcessingTime) -> f64 {
    match time.unit {
        TimeUnit::WorkingDays => time.amount,
        TimeUnit::Days => time.amount * 5.0 / 7.0,
        TimeUnit::WorkingHours => time.amount / 8.0,
    }
}

/// Splits a time text into (amount, unit if written) per channel; `None` when some part is not a time.
pub(super) fn parse_time_text(s: &str) -> Option<Vec<(f64, Option<TimeUnit>)>> {
    let mut segments = Vec::new();
    for part in s.split([';', '\n']) {
        let without_channels = strip_parentheses(part);
        let folded = text::fold(&without_channels);
        if folded.is_empty() {
            continue;
        }
        segments.push(parse_time_segment(&folded)?);
    }
    (!segments.is_empty()).then_some(segments)
}

fn strip_parentheses(s: &str) -> String {
    let mut depth = 0usize;
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// One folded time ("5 ngay lam viec", "0,5 ngay", "trong ngay", "khong qua 10 ngay").
pub(super) fn parse_time_segment(folded: &str) -> Option<(f64, Option<TimeUnit>)> {
    let mut rest = folded.trim();
    if matches!(rest, "trong ngay" | "trong ngay lam viec" | "ngay trong ngay" | "trong ngay lv") {
        return Some((1.0, Some(TimeUnit::WorkingDays)));
    }
    for prefix in ["khong qua ", "toi da ", "trong vong ", "trong "] {
        if let Some(r) = rest.strip_prefix(prefix) {
            rest = r.trim_start();
            break;
        }
    }
    let number_len = rest.find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.')).unwrap_or(rest.len());
    let (number, unit_text) = rest.split_at(number_len);
    let number = number.trim_end_matches(['.', ',']);
    if number.is_empty() || !number.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let amount: f64 = number.replace(',', ".").parse().ok()?;
    let unit_text = unit_text.trim().trim_start_matches(['.', ',']).trim();
    if unit_text.is_empty() {
        return Some((amount, None));
    }
    let unit = TimeUnit::parse(unit_text).or_else(|| {
        let plain: String = unit_text.chars().map(|c| if c.is_alphanumeric() { c } else { ' ' }).collect();
        let words: Vec<&str> = plain.split_whitespace().collect();
        let starts = |prefix: &[&str]| words.len() >= prefix.len() && words[..prefix.len()] == *prefix;
        if starts(&["ngay", "lam", "viec"]) || starts(&["ngay", "lv"]) {
            Some(TimeUnit::WorkingDays)
        } else if starts(&["gio"]) {
            Some(TimeUnit::WorkingHours)
        } else if starts(&["ngay"]) {
            Some(TimeUnit::Days)
        } else {
            None
        }
    })?;
    Some((amount, Some(unit)))
}

/// The smallest money amount a fee mentions when it is below 1.000 đồng (e.g. "40 Việt Nam Đồng", "25 VNĐ"),
/// which is almost certainly a typing error. Numbers count as money only when a currency word follows
/// (đồng, đ, VNĐ, VND, Việt Nam Đồng, optionally after nghìn/ngàn/triệu/tỷ). "Miễn phí" and 0 are not flagged.
pub(super) fn odd_fee_amount(fee: &str) -> Option<u64> {
    let folded = text::fold(fee);
    let chars: Vec<char> = folded.chars().collect();
    let mut smallest: Option<u64> = None;
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() || (i > 0 && (chars[i - 1].is_alphanumeric() || chars[i - 1] == '.')) {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && (chars[i].is_ascii_digit() || chars[i] == '.' || chars[i] == ',') {
            i += 1;
        }
        let number: String = chars[start..i].iter().collect::<String>().trim_end_matches(['.', ',']).to_string();
        let after: String = chars[start + number.chars().count()..].iter().collect();
        let Some(amount) = money_number(&number) else { continue };
        let Some(multiplier) = currency_after(&after) else { continue };
        let amount = amount * multiplier;
        if amount > 0.0 && amount < 1000.0 {
            let amount = amount.round() as u64;
            smallest = Some(smallest.map_or(amount, |s| s.min(amount)));
        }
    }
    smallest
}

/// "5,000" / "5.000" / "25.000.000" (thousands groups) or "40" or "1,5" (a decimal).
fn money_number(number: &str) -> Option<f64> {
    if let Some(whole) = thousands(number) {
        return Some(whole as f64);
    }
    number.replace(',', ".").parse().ok()
}

/// A whole number written with thousands separators (all `.` or all `,`, groups of three) or none at all.
fn thousands(number: &str) -> Option<u64> {
    if number.bytes().all(|b| b.is_ascii_digit()) {
        return number.parse().ok();
    }
    for separator in ['.', ','] {
        let groups: Vec<&str> = number.split(separator).collect();
        let well_formed = groups.len() > 1
            && (1..=3).contains(&groups[0].len())
            && groups.iter().all(|g| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit()))
            && groups[1..].iter().all(|g| g.len() == 3);
        if well_formed {
            return groups.concat().parse().ok();
        }
    }
    None
}

/// When a currency word follows (after spaces), its multiplier: 1, or 1.000 for nghìn/ngàn, and so on.
fn currency_after(after: &str) -> Option<f64> {
    let mut rest = after.trim_start();
    let mut multiplier = 1.0;
    for (word, factor) in [("nghin", 1e3), ("ngan", 1e3), ("trieu", 1e6), ("ty", 1e9)] {
        if let Some(r) = rest.strip_prefix(word) {
            rest = r.trim_start();
            multiplier = factor;
            break;
        }
    }
    for currency in ["viet nam dong", "vnd", "dong", "d"] {
        if let Some(r) = rest.strip_prefix(currency)
            && !r.starts_with(|c: char| c.is_alphanumeric())
        {
            return Some(multiplier);
        }
    }
    None
}

/// Points in a cell: a number or text "1,5" / "1.5".
pub(super) fn points_of(cell: &Cell) -> Option<Points> {
    match cell {
        Cell::Number(n) => Points::from_f64(*n),
        Cell::Text(t) => Points::parse(t),
        _ => None,
    }
}
