//! Bundled assets (demo data and the default criteria set; fonts later), passed into `App` so tests can swap them.

use std::borrow::Cow;

#[derive(Debug, Clone)]
pub struct Assets {
    /// The demo ward's procedures as JSON (`Vec<ProcedureInput>`), from `assets/demo/procedures.json`.
    pub demo_procedures_json: Cow<'static, str>,
    /// The criteria sets shipped with the program (JSON, docs/criteria-format.md); the first is the default.
    /// `assets/criteria/mau-cap-xa-v1.json`: the brief's sample set, whose points are illustrative.
    pub criteria_sets_json: Vec<Cow<'static, str>>,
}

impl Assets {
    /// The assets compiled into the program.
    pub fn bundled() -> Assets {
        Assets {
            demo_procedures_json: Cow::Borrowed(include_str!("../assets/demo/procedures.json")),
            criteria_sets_json: vec![Cow::Borrowed(include_str!("../assets/criteria/mau-cap-xa-v1.json"))],
        }
    }
}
