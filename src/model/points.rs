//! Exact points and percentages in hundredths (1,5 points = `Points(150)`): parsed from Vietnamese or plain decimals,
//! written the Vietnamese way ("1,5"), adding up with no rounding drift.

use crate::text;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

macro_rules! hundredths {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(type = "number"))]
        #[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(pub i64);

        impl $name {
            pub const ZERO: $name = $name(0);

            /// From a whole number.
            pub fn whole(n: i64) -> $name {
                $name(n * 100)
            }

            /// Reads "1,5", "1.5", "0,25" or "3": at most two decimals, a comma or a dot; `None` otherwise.
            pub fn parse(input: &str) -> Option<$name> {
                parse_hundredths(input).map($name)
            }

            /// From a JSON or spreadsheet number; `None` when it is not a whole number of hundredths.
            pub fn from_f64(x: f64) -> Option<$name> {
                let scaled = x * 100.0;
                let rounded = scaled.round();
                (x.is_finite() && (scaled - rounded).abs() < 1e-6 && rounded.abs() < 1e15).then(|| $name(rounded as i64))
            }

            pub fn as_f64(self) -> f64 {
                self.0 as f64 / 100.0
            }

            /// Vietnamese form, as short as it can be written: 3 → "3", 1.5 → "1,5", 0.25 → "0,25", 2051 → "2.051".
            pub fn vn(self) -> String {
                hundredths_vn(self.0)
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                if self.0 % 100 == 0 { s.serialize_i64(self.0 / 100) } else { s.serialize_f64(self.as_f64()) }
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<$name, D::Error> {
                #[derive(Deserialize)]
                #[serde(untagged)]
                enum Raw {
                    Number(f64),
                    Text(String),
                }
                let parsed = match Raw::deserialize(d)? {
                    Raw::Number(x) => $name::from_f64(x),
                    Raw::Text(t) => $name::parse(&t),
                };
                parsed.ok_or_else(|| serde::de::Error::custom("expected a number with at most two decimals"))
            }
        }
    };
}

hundredths!(
    /// Points in hundredths, so that 0.25-point rules add up with no rounding drift (1.5 points = `Points(150)`).
    Points
);
hundredths!(
    /// A percentage in hundredths of a percent (98 % = `Percent(9800)`), for band thresholds and results.
    Percent
);

impl std::ops::Add for Points {
    type Output = Points;
    fn add(self, other: Points) -> Points {
        Points(self.0 + other.0)
    }
}

impl std::ops::Sub for Points {
    type Output = Points;
    fn sub(self, other: Points) -> Points {
        Points(self.0 - other.0)
    }
}

impl std::iter::Sum for Points {
    fn sum<I: Iterator<Item = Points>>(iter: I) -> Points {
        Points(iter.map(|p| p.0).sum())
    }
}

/// "1,5" / "1.5" / "3" / "-0,25" → hundredths.
fn parse_hundredths(input: &str) -> Option<i64> {
    let text = input.trim().replace(' ', "");
    let (negative, digits) = match text.strip_prefix(['-', '−']) {
        Some(rest) => (true, rest.to_string()),
        None => (false, text),
    };
    let (whole, fraction) = match digits.split_once([',', '.']) {
        Some((w, f)) => (w, f),
        None => (digits.as_str(), ""),
    };
    if whole.is_empty() && fraction.is_empty() {
        return None;
    }
    if !whole.bytes().all(|b| b.is_ascii_digit()) || !fraction.bytes().all(|b| b.is_ascii_digit()) || fraction.len() > 2
    {
        return None;
    }
    let whole: i64 = if whole.is_empty() { 0 } else { whole.parse().ok()? };
    let fraction: i64 = format!("{fraction:0<2}").parse().ok()?;
    let value = whole.checked_mul(100)?.checked_add(fraction)?;
    Some(if negative { -value } else { value })
}

/// Hundredths in Vietnamese: 150 → "1,5", 25 → "0,25", 300 → "3", 205100 → "2.051".
fn hundredths_vn(value: i64) -> String {
    let sign = if value < 0 { "-" } else { "" };
    let abs = value.unsigned_abs();
    let whole = text::group_int((abs / 100) as i64);
    let fraction = abs % 100;
    if fraction == 0 {
        format!("{sign}{whole}")
    } else {
        let digits = format!("{fraction:02}");
        format!("{sign}{whole},{}", digits.trim_end_matches('0'))
    }
}
