//! Reporting periods (kỳ báo cáo): quarter 1, six months, nine months (quarter 3), year — with their data windows.
//!
//! Defaults follow brief §3.1 as the foundation issue states them: every window opens on 15/12 of the year before and
//! closes on 14/3, 14/6, 14/9 or 14/12; the report is due on the 20th of the window's last month. A unit may override
//! any period's window and deadline (its province may set earlier internal deadlines).

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum PeriodKind {
    /// Quý I.
    Q1,
    /// 6 tháng.
    H1,
    /// Quý III / 9 tháng.
    Q3,
    /// Năm.
    Year,
}

impl PeriodKind {
    pub const ALL: [PeriodKind; 4] = [PeriodKind::Q1, PeriodKind::H1, PeriodKind::Q3, PeriodKind::Year];

    /// The month in which the default window closes (and the report is due).
    fn last_month(self) -> u32 {
        match self {
            PeriodKind::Q1 => 3,
            PeriodKind::H1 => 6,
            PeriodKind::Q3 => 9,
            PeriodKind::Year => 12,
        }
    }

    /// The name printed in reports ("6 tháng").
    pub fn label(self) -> &'static str {
        match self {
            PeriodKind::Q1 => "Quý I",
            PeriodKind::H1 => "6 tháng",
            PeriodKind::Q3 => "9 tháng",
            PeriodKind::Year => "Năm",
        }
    }
}

/// A period of one year, written `2021-Q1`, `2021-H1`, `2021-Q3` or `2021`.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(type = "string"))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PeriodKey {
    pub year: i32,
    pub kind: PeriodKind,
}

impl PeriodKey {
    pub fn new(year: i32, kind: PeriodKind) -> PeriodKey {
        PeriodKey { year, kind }
    }

    /// The default window and deadline.
    pub fn default_window(self) -> PeriodWindow {
        let start = date(self.year - 1, 12, 15);
        let last = self.kind.last_month();
        PeriodWindow { key: self, start, end: date(self.year, last, 14), deadline: date(self.year, last, 20) }
    }

    /// The period whose default window contains `day` and is the shortest such (what an official reports next).
    pub fn current(day: NaiveDate) -> PeriodKey {
        let year = if day.month() == 12 && day.day() >= 15 { day.year() + 1 } else { day.year() };
        PeriodKind::ALL
            .into_iter()
            .map(|kind| PeriodKey::new(year, kind))
            .find(|key| day <= key.default_window().end)
            .unwrap_or(PeriodKey::new(year, PeriodKind::Year))
    }

    /// "6 tháng năm 2021", "Quý I năm 2021", "năm 2021".
    pub fn label(self) -> String {
        match self.kind {
            PeriodKind::Year => format!("năm {}", self.year),
            kind => format!("{} năm {}", kind.label(), self.year),
        }
    }
}

fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).expect("fixed calendar dates are valid")
}

impl fmt::Display for PeriodKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            PeriodKind::Q1 => write!(f, "{}-Q1", self.year),
            PeriodKind::H1 => write!(f, "{}-H1", self.year),
            PeriodKind::Q3 => write!(f, "{}-Q3", self.year),
            PeriodKind::Year => write!(f, "{}", self.year),
        }
    }
}

/// Text that does not read as a period key ("2021-Q2"); it becomes the register's `Error::BadPeriod`, so the model
/// needs nothing of `crate::error` (which depends on the model's findings).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadPeriod(pub String);

impl fmt::Display for BadPeriod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "bad period {:?}: use 2025-Q1, 2025-H1, 2025-Q3 or 2025", self.0)
    }
}

impl std::error::Error for BadPeriod {}

impl FromStr for PeriodKey {
    type Err = BadPeriod;

    fn from_str(input: &str) -> Result<PeriodKey, BadPeriod> {
        let text = input.trim().to_ascii_uppercase();
        let bad = || BadPeriod(input.to_string());
        let (year, kind) = match text.split_once('-') {
            Some((year, "Q1")) => (year, PeriodKind::Q1),
            Some((year, "H1")) => (year, PeriodKind::H1),
            Some((year, "Q3")) => (year, PeriodKind::Q3),
            Some((year, "Y" | "YEAR")) => (year, PeriodKind::Year),
            Some(_) => return Err(bad()),
            None => (text.as_str(), PeriodKind::Year),
        };
        if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        let year: i32 = year.parse().map_err(|_| bad())?;
        if !(2000..=2100).contains(&year) {
            return Err(bad());
        }
        Ok(PeriodKey { year, kind })
    }
}

impl Serialize for PeriodKey {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PeriodKey {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<PeriodKey, D::Error> {
        let text = String::deserialize(d)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// A period's data window (từ ngày … đến ngày …) and submission deadline.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeriodWindow {
    pub key: PeriodKey,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub deadline: NaiveDate,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_every_kind() {
        for text in ["2021-Q1", "2021-H1", "2021-Q3", "2021"] {
            assert_eq!(text.parse::<PeriodKey>().unwrap().to_string(), text);
        }
        assert!("2021-Q2".parse::<PeriodKey>().is_err());
        assert!("21-Q1".parse::<PeriodKey>().is_err());
    }

    #[test]
    fn default_windows_follow_the_reporting_regime() {
        let w = PeriodKey::new(2021, PeriodKind::H1).default_window();
        assert_eq!((w.start, w.end, w.deadline), (date(2020, 12, 15), date(2021, 6, 14), date(2021, 6, 20)));
        let y = PeriodKey::new(2021, PeriodKind::Year).default_window();
        assert_eq!((y.end, y.deadline), (date(2021, 12, 14), date(2021, 12, 20)));
    }

    #[test]
    fn current_period_rolls_over_on_15_december() {
        assert_eq!(PeriodKey::current(date(2026, 11, 23)).to_string(), "2026");
        assert_eq!(PeriodKey::current(date(2026, 12, 15)).to_string(), "2027-Q1");
        assert_eq!(PeriodKey::current(date(2026, 3, 14)).to_string(), "2026-Q1");
        assert_eq!(PeriodKey::current(date(2026, 3, 15)).to_string(), "2026-H1");
    }
}
