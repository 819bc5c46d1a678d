//! Bundled assets (demo data, the default criteria set, the report fonts), passed into `App` so tests can swap them;
//! never system files.

use std::borrow::Cow;

#[derive(Debug, Clone)]
pub struct Assets {
    /// The demo ward's procedures as JSON (`Vec<ProcedureInput>`), from `assets/demo/procedures.json`.
    pub demo_procedures_json: Cow<'static, str>,
    /// The criteria sets shipped with the program (JSON, docs/criteria-format.md); the first is the default.
    /// `assets/criteria/mau-cap-xa-v1.json`: the brief's sample set, whose points are illustrative.
    pub criteria_sets_json: Vec<Cow<'static, str>>,
    /// The four styles of the report font (`assets/fonts/`, licence in `assets/fonts/OFL.txt`).
    pub fonts: FontFiles,
}

/// The TrueType files of one font family in the four styles a report uses.
#[derive(Debug, Clone)]
pub struct FontFiles {
    pub regular: Cow<'static, [u8]>,
    pub bold: Cow<'static, [u8]>,
    pub italic: Cow<'static, [u8]>,
    pub bold_italic: Cow<'static, [u8]>,
}

impl Assets {
    /// The assets compiled into the program.
    pub fn bundled() -> Assets {
        Assets {
            demo_procedures_json: Cow::Borrowed(include_str!("../assets/demo/procedures.json")),
            criteria_sets_json: vec![Cow::Borrowed(include_str!("../assets/criteria/mau-cap-xa-v1.json"))],
            fonts: FontFiles {
                // Liberation Serif: metric-compatible with Times New Roman (NĐ 30/2020 Phụ lục I), full Vietnamese.
                regular: Cow::Borrowed(include_bytes!("../assets/fonts/LiberationSerif-Regular.ttf")),
                bold: Cow::Borrowed(include_bytes!("../assets/fonts/LiberationSerif-Bold.ttf")),
                italic: Cow::Borrowed(include_bytes!("../assets/fonts/LiberationSerif-Italic.ttf")),
                bold_italic: Cow::Borrowed(include_bytes!("../assets/fonts/LiberationSerif-BoldItalic.ttf")),
            },
        }
    }
}
