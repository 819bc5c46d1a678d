//! Vietnamese formatting of numbers, percentages and dates, and parsing of the values users type on the command line.

use cchc::model::PeriodKey;
use cchc::model::{OnlineLevel, ProcedureStatus, ProcessingTime, SignAuthority, TimeUnit, UnitKind};
use chrono::{DateTime, NaiveDate};

/// An integer with a dot between thousands: 2051 → "2.051", -1234567 → "-1.234.567".
pub fn int(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let grouped = group_thousands(&digits);
    if n < 0 { format!("-{grouped}") } else { grouped }
}

/// A count of things (`usize`), formatted like `int`.
pub fn count(n: usize) -> String {
    group_thousands(&n.to_string())
}

/// A decimal number with `places` decimals, a decimal comma and thousands dots: 99.5612 → "99,56".
pub fn decimal(x: f64, places: usize) -> String {
    let text = format!("{:.*}", places, x.abs());
    let (whole, fraction) = text.split_once('.').unwrap_or((text.as_str(), ""));
    let mut out = String::new();
    // "-0,00" would look like a negative zero; only print the sign when something non-zero is shown.
    if x < 0.0 && text.bytes().any(|b| (b'1'..=b'9').contains(&b)) {
        out.push('-');
    }
    out.push_str(&group_thousands(whole));
    if !fraction.is_empty() {
        out.push(',');
        out.push_str(fraction);
    }
    out
}

/// A number as short as it can be written: 5.0 → "5", 0.5 → "0,5", 1.25 → "1,25".
pub fn amount(x: f64) -> String {
    let text = decimal(x, 3);
    if text.contains(',') { text.trim_end_matches('0').trim_end_matches(',').to_string() } else { text }
}

/// A percentage with two decimals: "99,56 %".
pub fn percent(x: f64) -> String {
    format!("{} %", decimal(x, 2))
}

/// A processing time as published: "5 ngày làm việc", "0,5 ngày".
pub fn processing_time(time: &ProcessingTime) -> String {
    format!("{} {}", amount(time.amount), time.unit.label())
}

/// dd/mm/yyyy.
pub fn date(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

/// A stored RFC 3339 timestamp as "dd/mm/yyyy HH:MM:SS" in the time zone it was recorded in; unknown text as is.
pub fn timestamp(text: &str) -> String {
    match DateTime::parse_from_rfc3339(text) {
        Ok(at) => at.format("%d/%m/%Y %H:%M:%S").to_string(),
        Err(_) => text.to_string(),
    }
}

/// "Có" or "Không".
pub fn yes_no(value: bool) -> &'static str {
    if value { "Có" } else { "Không" }
}

fn group_thousands(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

// ---- Parsing what users type (clap value parsers return Vietnamese messages) ----

/// A date typed as dd/mm/yyyy (also d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy) or yyyy-mm-dd.
pub fn parse_date(input: &str) -> Result<NaiveDate, String> {
    let text = input.trim();
    let parsed = if text.len() == 10 && text.as_bytes()[4] == b'-' {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
    } else {
        let parts: Vec<&str> = text.split(['/', '-', '.']).collect();
        match parts.as_slice() {
            [d, m, y] if y.len() == 4 && d.len() <= 2 && m.len() <= 2 => {
                match (d.parse::<u32>(), m.parse::<u32>(), y.parse::<i32>()) {
                    (Ok(d), Ok(m), Ok(y)) => NaiveDate::from_ymd_opt(y, m, d),
                    _ => None,
                }
            }
            _ => None,
        }
    };
    // The sentence of a finding about a date (the vocabulary's), with an example of the form.
    let sentence = cchc::vocabulary::findings::variant("dateFormat").map_or("{value}", |v| v.template);
    parsed.ok_or_else(|| sentence.replace("{value}", text).replace("{format}", "dd/mm/yyyy, ví dụ 15/06/2025"))
}

/// A date that may be cleared by typing an empty value (`--announcement-date ""`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OptionalDate(pub Option<NaiveDate>);

pub fn parse_optional_date(input: &str) -> Result<OptionalDate, String> {
    if input.trim().is_empty() { Ok(OptionalDate(None)) } else { parse_date(input).map(|d| OptionalDate(Some(d))) }
}

/// A processing time that may be cleared by typing an empty value (`--time ""`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct OptionalTime(pub Option<ProcessingTime>);

/// "5 ngày làm việc", "0,5 ngày", "3 ngay lam viec", "8 giờ làm việc"; the unit is required.
pub fn parse_time(input: &str) -> Result<OptionalTime, String> {
    let text = cchc::text::clean(input);
    if text.is_empty() {
        return Ok(OptionalTime(None));
    }
    let split = text.find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.')).unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    let amount: f64 = number
        .replace(',', ".")
        .parse()
        .map_err(|_| format!("thời hạn “{text}” phải bắt đầu bằng một số, ví dụ “5 ngày làm việc”"))?;
    if !(amount > 0.0 && amount.is_finite()) {
        return Err(format!("thời hạn “{text}” phải lớn hơn 0"));
    }
    let unit = unit.trim();
    if unit.is_empty() {
        return Err(format!("thời hạn “{text}” thiếu đơn vị (ngày hoặc ngày làm việc)"));
    }
    let unit = TimeUnit::parse(unit).ok_or_else(|| {
        let allowed: Vec<&str> = TimeUnit::ALL.iter().map(|u| u.label()).collect();
        format!("không hiểu đơn vị “{unit}”; hãy dùng một trong: {}", allowed.join(", "))
    })?;
    Ok(OptionalTime(Some(ProcessingTime { amount, unit })))
}

/// A whole number as typed, negative allowed (kept as entered; `check` reports it); "2.051" means 2051.
pub fn parse_count(input: &str) -> Result<i64, String> {
    let text = input.trim().replace(' ', "");
    let (sign, digits) = match text.strip_prefix('-') {
        Some(rest) => (-1, rest.to_string()),
        None => (1, text.clone()),
    };
    let groups: Vec<&str> = digits.split('.').collect();
    let grouped = groups.len() > 1
        && (1..=3).contains(&groups[0].len())
        && groups[1..].iter().all(|g| g.len() == 3)
        && groups.iter().all(|g| g.bytes().all(|b| b.is_ascii_digit()));
    let plain = if grouped { groups.concat() } else { digits };
    if plain.is_empty() || !plain.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("“{}” không phải là số nguyên hợp lệ", input.trim()));
    }
    plain.parse::<i64>().map(|n| sign * n).map_err(|_| format!("“{}” quá lớn", input.trim()))
}

/// A whole number of at least 1 (limits, repetitions, sizes).
pub fn parse_positive(input: &str) -> Result<usize, String> {
    match parse_count(input) {
        Ok(n) if n >= 1 => usize::try_from(n).map_err(|_| format!("“{}” quá lớn", input.trim())),
        _ => Err(format!("“{}” không phải là số nguyên dương", input.trim())),
    }
}

/// Yes or no: true/false, có/không (with or without diacritics), 1/0.
pub fn parse_bool(input: &str) -> Result<bool, String> {
    match cchc::text::fold(input).as_str() {
        "true" | "co" | "1" | "yes" | "x" => Ok(true),
        "false" | "khong" | "0" | "no" => Ok(false),
        _ => Err(format!("“{}” không hợp lệ; hãy dùng true hoặc false (có hoặc không)", input.trim())),
    }
}

pub fn parse_period(input: &str) -> Result<PeriodKey, String> {
    input.parse::<PeriodKey>().map_err(|_| {
        format!("kỳ báo cáo “{}” không hợp lệ; hãy dùng dạng 2025-Q1, 2025-H1, 2025-Q3 hoặc 2025", input.trim())
    })
}

pub fn parse_unit_kind(input: &str) -> Result<UnitKind, String> {
    UnitKind::parse(input)
        .ok_or_else(|| format!("“{}” không hợp lệ; hãy dùng xã, phường, đặc khu hoặc Sở Nội vụ", input.trim()))
}

pub fn parse_authority(input: &str) -> Result<SignAuthority, String> {
    SignAuthority::parse(input).ok_or_else(|| {
        format!("“{}” không hợp lệ; hãy dùng tm (TM.), kt (KT.) hoặc direct (ký trực tiếp)", input.trim())
    })
}

pub fn parse_online_level(input: &str) -> Result<OnlineLevel, String> {
    OnlineLevel::parse(input).ok_or_else(|| {
        format!("“{}” không hợp lệ; hãy dùng full (toàn trình), partial (một phần) hoặc none (không)", input.trim())
    })
}

pub fn parse_status(input: &str) -> Result<ProcedureStatus, String> {
    ProcedureStatus::parse(input).ok_or_else(|| {
        let allowed: Vec<String> =
            ProcedureStatus::ALL.iter().map(|s| format!("{} ({})", s.key(), s.label())).collect();
        format!("“{}” không hợp lệ; hãy dùng một trong: {}", input.trim(), allowed.join(", "))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers_use_thousands_dots() {
        assert_eq!(int(2051), "2.051");
        assert_eq!(int(0), "0");
        assert_eq!(int(999), "999");
        assert_eq!(int(1_234_567), "1.234.567");
        assert_eq!(int(-1234), "-1.234");
        assert_eq!(count(100_000), "100.000");
    }

    #[test]
    fn decimals_use_a_comma() {
        assert_eq!(decimal(99.5612, 2), "99,56");
        assert_eq!(decimal(1234.5, 2), "1.234,50");
        assert_eq!(decimal(-0.001, 2), "0,00");
        assert_eq!(percent(45.2), "45,20 %");
        assert_eq!(amount(5.0), "5");
        assert_eq!(amount(0.5), "0,5");
    }

    #[test]
    fn dates_accept_both_orders_and_print_day_first() {
        let d = NaiveDate::from_ymd_opt(2025, 6, 5).unwrap();
        assert_eq!(parse_date("05/06/2025"), Ok(d));
        assert_eq!(parse_date("5/6/2025"), Ok(d));
        assert_eq!(parse_date("2025-06-05"), Ok(d));
        assert!(parse_date("31/02/2025").is_err());
        assert!(parse_date("06/2025").is_err());
        assert_eq!(date(d), "05/06/2025");
        assert_eq!(timestamp("2026-11-23T14:05:09.123+07:00"), "23/11/2026 14:05:09");
    }

    #[test]
    fn counts_accept_thousands_dots_but_not_decimals() {
        assert_eq!(parse_count("2.051"), Ok(2051));
        assert_eq!(parse_count("-3"), Ok(-3));
        assert!(parse_count("2.5").is_err());
        assert!(parse_count("abc").is_err());
    }

    #[test]
    fn processing_time_needs_a_unit() {
        let t = parse_time("0,5 ngày").unwrap().0.unwrap();
        assert_eq!((t.amount, t.unit), (0.5, TimeUnit::Days));
        assert_eq!(parse_time("5 ngay lam viec").unwrap().0.unwrap().unit, TimeUnit::WorkingDays);
        assert!(parse_time("5").is_err());
        assert_eq!(parse_time(" ").unwrap(), OptionalTime(None));
        assert_eq!(processing_time(&t), "0,5 ngày");
    }
}
