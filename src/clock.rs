//! The only reader of the system clock: everything else is handed a `Clock`, so tests and PDFs are reproducible.

use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone, Timelike, Utc};
use std::time::Instant;

/// Vietnam keeps one time zone (UTC+7, no daylight saving); dates printed on reports are local dates.
const VIETNAM_OFFSET_SECONDS: i32 = 7 * 3600;

/// Where "now" comes from.
#[derive(Debug, Clone)]
pub enum Clock {
    /// The machine's clock, for the real app and the command line.
    System,
    /// A fixed instant, for tests and reproducible output.
    Fixed(DateTime<Utc>),
}

impl Clock {
    /// A fixed clock at the given local date and time (UTC+7).
    pub fn fixed_local(date: NaiveDate, hour: u32, minute: u32) -> Clock {
        let local = date.and_hms_opt(hour, minute, 0).expect("valid time of day");
        let offset = vietnam_offset();
        let at = offset.from_local_datetime(&local).single().expect("fixed offsets are unambiguous");
        Clock::Fixed(at.with_timezone(&Utc))
    }

    /// The current instant.
    pub fn now(&self) -> DateTime<Utc> {
        match self {
            Clock::System => Utc::now(),
            Clock::Fixed(at) => *at,
        }
    }

    /// The current local date in Vietnam.
    pub fn today(&self) -> NaiveDate {
        self.now().with_timezone(&vietnam_offset()).date_naive()
    }

    /// The current local date and time in Vietnam (to the second).
    pub fn local_now(&self) -> chrono::NaiveDateTime {
        let local = self.now().with_timezone(&vietnam_offset()).naive_local();
        local.with_nanosecond(0).unwrap_or(local)
    }

    /// The current instant as an RFC 3339 string in local time, as stored in the change log.
    pub fn timestamp(&self) -> String {
        self.now().with_timezone(&vietnam_offset()).to_rfc3339_opts(chrono::SecondsFormat::Millis, false)
    }

    /// A compact local timestamp for file names (`20261123-1405`).
    pub fn file_stamp(&self) -> String {
        self.now().with_timezone(&vietnam_offset()).format("%Y%m%d-%H%M%S").to_string()
    }
}

fn vietnam_offset() -> FixedOffset {
    FixedOffset::east_opt(VIETNAM_OFFSET_SECONDS).expect("UTC+7 is a valid offset")
}

/// Measures elapsed time for progress reports and benchmarks (monotonic; never stored).
pub struct Stopwatch(Instant);

impl Stopwatch {
    pub fn start() -> Stopwatch {
        Stopwatch(Instant::now())
    }

    /// Elapsed time in milliseconds, with microsecond resolution.
    pub fn elapsed_ms(&self) -> f64 {
        self.0.elapsed().as_secs_f64() * 1000.0
    }
}
