//! The register's two lists kept as data (brief §4.2, "Data model implications" 13): staff categories (loại cán bộ,
//! công chức) and reform areas (lĩnh vực cải cách hành chính). Officials rename them, end a category when the rules
//! change, and add their province's own; the seeded entries are named by the reports and cannot be removed.

use crate::model::{Finding, FindingCode, Place, ReformArea, StaffCategory};
use crate::text;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Which list.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CatalogKind {
    StaffCategory,
    ReformArea,
}

impl CatalogKind {
    pub const ALL: [CatalogKind; 2] = [CatalogKind::StaffCategory, CatalogKind::ReformArea];

    /// The register's table, which is also the change log's entity.
    pub fn table(self) -> &'static str {
        match self {
            CatalogKind::StaffCategory => "staff_category",
            CatalogKind::ReformArea => "reform_area",
        }
    }

    /// The entries every register is seeded with (code, Vietnamese name).
    pub fn seeded(self) -> &'static [(&'static str, &'static str)] {
        match self {
            CatalogKind::StaffCategory => &StaffCategory::SEEDED,
            CatalogKind::ReformArea => &ReformArea::SEEDED,
        }
    }

    pub fn is_seeded(self, code: &str) -> bool {
        self.seeded().iter().any(|(c, _)| *c == code)
    }
}

/// One entry of a list, with what the window needs to offer its actions.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogEntry {
    pub kind: CatalogKind,
    pub code: String,
    pub name: String,
    /// The last day a staff category exists (never set on a reform area).
    pub valid_until: Option<NaiveDate>,
    /// One of the entries every register starts with: the reports name it, so it can be renamed but not removed.
    pub seeded: bool,
    /// How many records use it (quotas, headcounts and people; or tasks): an entry in use cannot be removed.
    pub uses: i64,
}

/// An entry to add (no code: one is made from the name) or to change (its code).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogInput {
    pub kind: CatalogKind,
    #[serde(default)]
    pub code: Option<String>,
    pub name: String,
    #[serde(default)]
    pub valid_until: Option<NaiveDate>,
}

impl CatalogInput {
    pub fn cleaned(mut self) -> Self {
        self.name = text::clean(&self.name);
        self.code = self.code.map(|c| text::clean(&c)).filter(|c| !c.is_empty());
        self
    }

    /// The input's own problems; `others` are the list's other entries (a name is not given twice).
    pub fn validate(&self, others: &[CatalogEntry]) -> Vec<Finding> {
        let mut findings = Vec::new();
        if self.name.is_empty() {
            findings.push(Finding::new(FindingCode::RequiredMissing, Place::field("name")));
        } else if let Some(other) = others.iter().find(|o| text::fold(&o.name) == text::fold(&self.name)) {
            findings.push(Finding::new(FindingCode::NameTaken, Place::field("name")).with("value", &other.name));
        }
        if self.kind == CatalogKind::ReformArea && self.valid_until.is_some() {
            findings.push(
                Finding::new(FindingCode::BadChoice, Place::field("valid_until"))
                    .with("value", self.valid_until.map(|d| d.format("%d/%m/%Y").to_string()).unwrap_or_default()),
            );
        }
        if let Some(code) = &self.code
            && !is_code(code)
        {
            findings.push(Finding::new(FindingCode::BadChoice, Place::field("code")).with("value", code));
        }
        findings
    }
}

/// A code as the seeded ones are written: lower-case ASCII letters, digits and `_`, starting with a letter.
fn is_code(code: &str) -> bool {
    code.len() <= 60
        && code.starts_with(|c: char| c.is_ascii_lowercase())
        && code.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// A new entry's code made from its name, unlike any of `taken`: "Người làm việc theo hợp đồng" →
/// `nguoi_lam_viec_theo_hop_dong` (then `…_2`, `…_3`).
pub fn code_from_name(name: &str, taken: &[&str]) -> String {
    let folded: String = text::fold(name).chars().map(|c| if c.is_ascii_alphanumeric() { c } else { ' ' }).collect();
    let mut base = folded.split_whitespace().collect::<Vec<_>>().join("_");
    base.truncate(50);
    let base = base.trim_end_matches('_').to_string();
    let base = if base.starts_with(|c: char| c.is_ascii_lowercase()) { base } else { format!("muc_{base}") };
    let base = base.trim_end_matches('_').to_string();
    if !taken.contains(&base.as_str()) {
        return base;
    }
    (2..).map(|n| format!("{base}_{n}")).find(|c| !taken.contains(&c.as_str())).expect("some suffix is free")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_is_made_from_the_name_and_never_repeats() {
        assert_eq!(code_from_name("Người làm việc theo hợp đồng", &[]), "nguoi_lam_viec_theo_hop_dong");
        assert_eq!(code_from_name("Đảng, đoàn thể", &["dang_doan_the"]), "dang_doan_the_2");
        assert_eq!(code_from_name("123", &[]), "muc_123");
        assert!(is_code(&code_from_name("Cải cách tài chính công (mới)", &[])));
    }
}
