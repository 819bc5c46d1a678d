//! The scoring rules of a criteria set's leaves (pass/fail, rate and count bands, graded, survey, bonus and penalty),
//! the part of the index an area belongs to, normalisation; their Vietnamese names in sheets and findings.

use super::points::{Percent, Points};
use crate::text;
use serde::{Deserialize, Serialize};

/// The part of the index an area belongs to.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "CriteriaPart"))]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Part {
    /// Scored by the unit and appraised (điểm thẩm định).
    #[default]
    Appraised,
    /// Scored by the province's satisfaction survey (điểm điều tra xã hội học); not self-scored.
    Survey,
    /// Bonus and penalty points (điểm thưởng, điểm trừ), each capped.
    BonusPenalty,
}

impl Part {
    pub fn label(self) -> &'static str {
        match self {
            Part::Appraised => "Điểm thẩm định",
            Part::Survey => "Điểm điều tra xã hội học",
            Part::BonusPenalty => "Điểm thưởng, điểm trừ",
        }
    }
}

/// How a percentage becomes the index: the raw total over the scale, or the points over the applicable maximum.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Normalisation {
    #[default]
    Raw,
    /// % of the points the unit had tasks for (N/A leaves leave the maximum).
    Applicable,
}

/// A band of a percentage rule: at least `min` % gives `points`.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PercentBand {
    pub min: Percent,
    pub points: Points,
}

/// A band of a count rule: at least `min` gives `points`.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CountBand {
    pub min: i64,
    pub points: Points,
}

/// How a leaf is scored. Every rule turns into points between 0 and the leaf's maximum.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "CriteriaRule"))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Rule {
    /// Done → the maximum; not done → 0.
    Boolean,
    /// Bands "≥ x % → p points", highest first; below every band → 0.
    BandedPercentage { bands: Vec<PercentBand> },
    /// Bands "≥ n → p points", highest first; below every band → 0.
    CountThreshold { bands: Vec<CountBand> },
    /// Any points from 0 to the maximum in steps (0,25 unless given).
    Manual {
        #[serde(default = "quarter")]
        step: Points,
    },
    /// Scored by the province's survey; the result is entered when published.
    SurveyOnly,
    /// Bonus points from 0 to the maximum in 0,25 steps; all bonuses together are capped by the set.
    Bonus,
    /// Penalty points from 0 to the maximum in 0,25 steps, subtracted; all penalties together are capped.
    Penalty,
}

fn quarter() -> Points {
    Points(25)
}

/// What a rule is given to score: a measured value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Measure {
    /// A ratio `part / whole` (exact), read as a percentage.
    Ratio {
        part: i64,
        whole: i64,
    },
    Count {
        value: i64,
    },
    Flag {
        value: bool,
    },
}

impl Measure {
    /// The ratio in hundredths of a percent, rounded half up (for display; comparisons are exact).
    pub fn percent(self) -> Option<Percent> {
        match self {
            Measure::Ratio { part, whole } if whole > 0 => {
                let num = i128::from(part) * 10_000 * 2 + i128::from(whole);
                Some(Percent((num / (2 * i128::from(whole))) as i64))
            }
            _ => None,
        }
    }

    /// The ratio truncated to hundredths of a percent.
    pub fn percent_truncated(self) -> Option<Percent> {
        match self {
            Measure::Ratio { part, whole } if whole > 0 => {
                Some(Percent((i128::from(part) * 10_000 / i128::from(whole)) as i64))
            }
            _ => None,
        }
    }
}

/// The outcome of a rule given a measure: the points, and the end of the readable trace ("≥ 98 % → 3 điểm").
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Outcome {
    pub points: Points,
    pub trace: String,
}

impl Rule {
    /// The Vietnamese name of the rule type.
    pub fn label(&self) -> &'static str {
        match self {
            Rule::Boolean => "Đạt / không đạt",
            Rule::BandedPercentage { .. } => "Theo tỷ lệ (%)",
            Rule::CountThreshold { .. } => "Theo số lượng",
            Rule::Manual { .. } => "Chấm theo mức độ",
            Rule::SurveyOnly => "Điều tra xã hội học",
            Rule::Bonus => "Điểm thưởng",
            Rule::Penalty => "Điểm trừ",
        }
    }

    /// The stable key of the rule type (as in the file).
    pub fn key(&self) -> &'static str {
        match self {
            Rule::Boolean => "boolean",
            Rule::BandedPercentage { .. } => "banded_percentage",
            Rule::CountThreshold { .. } => "count_threshold",
            Rule::Manual { .. } => "manual",
            Rule::SurveyOnly => "survey_only",
            Rule::Bonus => "bonus",
            Rule::Penalty => "penalty",
        }
    }

    /// Scores a measure. `None` when the measure does not fit the rule (a count given to a percentage rule, a ratio
    /// of nothing, or a rule scored by hand). Percentages compare exactly: part × 10 000 ≥ min × whole.
    pub fn evaluate(&self, max: Points, measure: Measure) -> Option<Outcome> {
        let points_text = |p: Points| format!("{} điểm", p.vn());
        match (self, measure) {
            (Rule::Boolean, Measure::Flag { value }) => {
                let points = if value { max } else { Points::ZERO };
                let word = if value { "đạt" } else { "không đạt" };
                Some(Outcome { points, trace: format!("{word} → {}", points_text(points)) })
            }
            (Rule::BandedPercentage { bands }, Measure::Ratio { part, whole }) if whole > 0 => {
                let reached =
                    |band: &&PercentBand| i128::from(part) * 10_000 >= i128::from(band.min.0) * i128::from(whole);
                Some(match bands.iter().find(reached) {
                    Some(band) => Outcome {
                        points: band.points,
                        trace: format!("≥ {} % → {}", band.min.vn(), points_text(band.points)),
                    },
                    None => Outcome {
                        points: Points::ZERO,
                        trace: format!(
                            "dưới {} % → {}",
                            bands.last().map_or_else(|| "0".to_string(), |b| b.min.vn()),
                            points_text(Points::ZERO)
                        ),
                    },
                })
            }
            (Rule::CountThreshold { bands }, Measure::Count { value }) => {
                Some(match bands.iter().find(|b| value >= b.min) {
                    Some(band) => Outcome {
                        points: band.points,
                        trace: format!("≥ {} → {}", text::group_int(band.min), points_text(band.points)),
                    },
                    None => Outcome {
                        points: Points::ZERO,
                        trace: format!(
                            "dưới {} → {}",
                            bands.last().map_or_else(|| "0".to_string(), |b| text::group_int(b.min)),
                            points_text(Points::ZERO)
                        ),
                    },
                })
            }
            _ => None,
        }
    }

    /// The percentage to show beside this rule's outcome: rounded half up, unless rounding would reach a band the
    /// exact ratio does not (97,996 % must not read "98 %" next to "below 98 %"); then truncated.
    pub fn shown_percent(&self, measure: Measure) -> Option<Percent> {
        let rounded = measure.percent()?;
        if let (Rule::BandedPercentage { bands }, Measure::Ratio { part, whole }) = (self, measure) {
            let crosses = bands.iter().any(|b| {
                let exact = i128::from(part) * 10_000 >= i128::from(b.min.0) * i128::from(whole);
                exact != (rounded >= b.min)
            });
            if crosses {
                return measure.percent_truncated();
            }
        }
        Some(rounded)
    }

    /// The points a person may give this rule by hand: `Ok` or the allowed values as Vietnamese text.
    pub fn allows(&self, max: Points, points: Points) -> Result<(), String> {
        let steps = |step: Points| -> Result<(), String> {
            if points.0 >= 0 && points <= max && step.0 > 0 && points.0 % step.0 == 0 {
                Ok(())
            } else {
                Err(format!("từ 0 đến {}, mỗi bước {}", max.vn(), step.vn()))
            }
        };
        match self {
            Rule::Boolean => {
                if points == Points::ZERO || points == max {
                    Ok(())
                } else {
                    Err(format!("0 hoặc {}", max.vn()))
                }
            }
            Rule::BandedPercentage { .. } | Rule::CountThreshold { .. } => {
                let mut allowed: Vec<Points> = self.band_points();
                allowed.push(Points::ZERO);
                allowed.sort();
                allowed.dedup();
                if allowed.contains(&points) {
                    Ok(())
                } else {
                    Err(allowed.iter().map(|p| p.vn()).collect::<Vec<_>>().join("; "))
                }
            }
            Rule::Manual { step } => steps(*step),
            Rule::SurveyOnly | Rule::Bonus | Rule::Penalty => steps(quarter()),
        }
    }

    fn band_points(&self) -> Vec<Points> {
        match self {
            Rule::BandedPercentage { bands } => bands.iter().map(|b| b.points).collect(),
            Rule::CountThreshold { bands } => bands.iter().map(|b| b.points).collect(),
            _ => Vec::new(),
        }
    }
}

/// The rule types a file may name, by their JSON name, with the Vietnamese names a province writes (folded: no
/// diacritics, lower case). The sheet and the JSON file accept the same names.
const RULE_NAMES: [(&str, &[&str]); 7] = [
    ("boolean", &["dat/khong dat", "dat, khong dat", "co/khong", "co, khong"]),
    ("banded_percentage", &["ty le", "theo ty le", "ty le (%)"]),
    ("count_threshold", &["so luong", "theo so luong"]),
    ("manual", &["cham tay", "theo muc do", "cham theo muc do"]),
    ("survey_only", &["dieu tra", "dieu tra xa hoi hoc"]),
    ("bonus", &["diem thuong", "thuong"]),
    ("penalty", &["diem tru", "tru"]),
];

/// The rule types as a finding lists them.
pub const RULE_NAMES_ALLOWED: &str = "đạt/không đạt; tỷ lệ; số lượng; chấm theo mức độ; điều tra; điểm thưởng; điểm \
                                      trừ (trong tệp JSON cũng được: boolean, banded_percentage, count_threshold, \
                                      manual, survey_only, bonus, penalty)";

/// The JSON name of a rule type written as a province writes it ("Tỷ lệ", "đạt/không đạt", "banded_percentage").
pub fn rule_type_named(name: &str) -> Option<&'static str> {
    let folded = text::fold(name);
    RULE_NAMES.iter().find(|(key, names)| *key == folded || names.contains(&folded.as_str())).map(|(key, _)| *key)
}

/// The parts as a finding lists them.
pub const PART_NAMES_ALLOWED: &str = "thẩm định; điều tra; thưởng, trừ (trong tệp JSON cũng được: appraised, survey, \
                                      bonus_penalty)";

/// A part written as a province writes it ("điều tra", "thưởng, trừ", "survey").
pub fn part_named(name: &str) -> Option<Part> {
    match text::fold(name).as_str() {
        "tham dinh" | "diem tham dinh" | "appraised" => Some(Part::Appraised),
        "dieu tra" | "dieu tra xa hoi hoc" | "survey" => Some(Part::Survey),
        "thuong tru" | "thuong, tru" | "diem thuong, diem tru" | "diem thuong diem tru" | "bonus_penalty" => {
            Some(Part::BonusPenalty)
        }
        _ => None,
    }
}

/// The normalisations as a finding lists them.
pub const NORMALISATION_NAMES_ALLOWED: &str = "thô; theo điểm có nhiệm vụ (trong tệp JSON cũng được: raw, applicable)";

/// A normalisation written as a province writes it ("thô", "theo điểm có nhiệm vụ", "applicable").
pub fn normalisation_named(name: &str) -> Option<Normalisation> {
    match text::fold(name).as_str() {
        "raw" | "tho" | "diem tho" => Some(Normalisation::Raw),
        "applicable" | "theo diem co nhiem vu" | "ty le tren diem co nhiem vu" => Some(Normalisation::Applicable),
        _ => None,
    }
}
