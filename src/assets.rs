//! Bundled assets (demo data today; fonts and criteria sets later), passed into `App` so tests can swap them.

use std::borrow::Cow;

#[derive(Debug, Clone)]
pub struct Assets {
    /// The demo ward's procedures as JSON (`Vec<ProcedureInput>`), from `assets/demo/procedures.json`.
    pub demo_procedures_json: Cow<'static, str>,
}

impl Assets {
    /// The assets compiled into the program.
    pub fn bundled() -> Assets {
        Assets { demo_procedures_json: Cow::Borrowed(include_str!("../assets/demo/procedures.json")) }
    }
}
