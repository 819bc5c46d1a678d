//! The unit profile (đơn vị): names and lines printed on report headers, the signer and the recipients.
//!
//! Since 07/2025 the superior level is the province, not the district (brief §0), so every line is data.

use crate::model::{Finding, FindingCode, Place};
use crate::text;
use serde::{Deserialize, Serialize};

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitKind {
    /// Xã.
    Xa,
    /// Phường.
    Phuong,
    /// Đặc khu.
    DacKhu,
    /// Sở Nội vụ: the superior level that rolls up the communes' reports (not a commune itself).
    SoNoiVu,
}

impl UnitKind {
    pub fn label(self) -> &'static str {
        match self {
            UnitKind::Xa => "xã",
            UnitKind::Phuong => "phường",
            UnitKind::DacKhu => "đặc khu",
            UnitKind::SoNoiVu => "Sở Nội vụ",
        }
    }

    /// The identifier kept in files and the register ("xa", "phuong", "dac_khu").
    pub fn key(self) -> &'static str {
        match self {
            UnitKind::Xa => "xa",
            UnitKind::Phuong => "phuong",
            UnitKind::DacKhu => "dac_khu",
            UnitKind::SoNoiVu => "so_noi_vu",
        }
    }

    /// Whether the register is kept by the superior level (roll-up, received report files, expected units).
    pub fn is_superior(self) -> bool {
        self == UnitKind::SoNoiVu
    }

    /// Accepts the Vietnamese word with or without diacritics, or the identifier.
    pub fn parse(input: &str) -> Option<UnitKind> {
        match text::fold(input).replace(' ', "_").as_str() {
            "xa" => Some(UnitKind::Xa),
            "phuong" => Some(UnitKind::Phuong),
            "dac_khu" | "dackhu" => Some(UnitKind::DacKhu),
            "so_noi_vu" | "sonoivu" | "cap_tren" => Some(UnitKind::SoNoiVu),
            _ => None,
        }
    }
}

/// How the signer signs: on behalf of the collective (TM.), as deputy (KT.), or in their own name.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum SignAuthority {
    /// TM. Ủy ban nhân dân.
    #[default]
    Tm,
    /// KT. Chủ tịch.
    Kt,
    /// Signs directly.
    Direct,
}

impl SignAuthority {
    pub fn parse(input: &str) -> Option<SignAuthority> {
        match text::fold(input).trim_end_matches('.') {
            "tm" => Some(SignAuthority::Tm),
            "kt" => Some(SignAuthority::Kt),
            "" | "direct" | "truc tiep" => Some(SignAuthority::Direct),
            _ => None,
        }
    }
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Signer {
    pub name: String,
    /// The signer's title as printed ("Chủ tịch", "Phó Chủ tịch").
    pub title: String,
    pub authority: SignAuthority,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitProfile {
    /// Official name, e.g. "Ủy ban nhân dân phường Trần Phú".
    pub name: String,
    pub kind: UnitKind,
    pub province: String,
    /// Optional code of the unit (for the files sent to the superior level).
    #[serde(default)]
    pub code: String,
    /// First header line: the superior agency ("UBND TỈNH HẢI DƯƠNG"); may be empty.
    pub superior_line: String,
    /// Second header line: the issuing agency ("UBND PHƯỜNG TRẦN PHÚ").
    pub issuer_line: String,
    /// Place name used in the date line ("Trần Phú, ngày … tháng … năm …").
    pub place_name: String,
    pub signer: Signer,
    /// "Kính gửi" lines.
    #[serde(default)]
    pub recipients: Vec<String>,
    /// "Nơi nhận" lines.
    #[serde(default)]
    pub copies_to: Vec<String>,
    /// The person recorded in the change log as making edits on this machine.
    #[serde(default)]
    pub user_name: String,
}

impl UnitProfile {
    /// Normalises every text to NFC and trims it (text from any edge goes through here before it is stored).
    pub fn cleaned(mut self) -> UnitProfile {
        for s in [
            &mut self.name,
            &mut self.province,
            &mut self.code,
            &mut self.superior_line,
            &mut self.issuer_line,
            &mut self.place_name,
            &mut self.signer.name,
            &mut self.signer.title,
            &mut self.user_name,
        ] {
            *s = text::clean(s);
        }
        for list in [&mut self.recipients, &mut self.copies_to] {
            *list = list.iter().map(|s| text::clean(s)).filter(|s| !s.is_empty()).collect();
        }
        self
    }

    /// Every missing required field at once.
    pub fn validate(&self) -> Vec<Finding> {
        [
            ("name", &self.name),
            ("province", &self.province),
            ("issuer_line", &self.issuer_line),
            ("place_name", &self.place_name),
        ]
        .into_iter()
        .filter(|(_, value)| value.is_empty())
        .map(|(field, _)| Finding::new(FindingCode::RequiredMissing, Place::field(field)))
        .collect()
    }
}
