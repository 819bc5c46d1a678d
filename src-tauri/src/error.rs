//! `CommandError`: what every failing command rejects with — the core's stable code (or the shell's own), an English
//! message for logs, and the findings of an `INVALID` error.

use cchc::model::Finding;
use cchc::{Error, ErrorCode};
use serde::Serialize;

/// The error a command rejects with, as the UI receives it: `{ code, message, findings }`.
#[derive(Debug, Clone, Serialize)]
pub struct CommandError {
    pub code: Code,
    /// English, for developers and logs; the UI shows the Vietnamese sentence for `code`.
    pub message: String,
    /// Every problem found, for `INVALID`; empty otherwise.
    pub findings: Vec<Finding>,
}

/// A code the UI switches on: one of the core's, or one only the shell can produce. Both serialise as the bare
/// string (`"SCHEMA_TOO_NEW"`, `"NO_REGISTER"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Code {
    Core(ErrorCode),
    Shell(ShellCode),
}

/// Failures that only exist in the desktop shell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ShellCode {
    /// A command needs a register and none is open yet (the user has not created or opened one).
    NoRegister,
    /// The system could not open a saved file or its folder (no program for that kind of file).
    CannotOpen,
}

impl CommandError {
    pub fn no_register() -> CommandError {
        CommandError {
            code: Code::Shell(ShellCode::NoRegister),
            message: "no register is open; create one or open the demo".into(),
            findings: Vec::new(),
        }
    }
}

impl CommandError {
    pub fn cannot_open(what: &std::path::Path, reason: impl std::fmt::Display) -> CommandError {
        CommandError {
            code: Code::Shell(ShellCode::CannotOpen),
            message: format!("the system could not open {}: {reason}", what.display()),
            findings: Vec::new(),
        }
    }
}

impl From<Error> for CommandError {
    fn from(error: Error) -> CommandError {
        CommandError { code: Code::Core(error.code()), message: error.to_string(), findings: error.findings().to_vec() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cchc::model::{FindingCode, Place};
    use serde_json::json;

    #[test]
    fn core_codes_serialise_as_their_screaming_names() {
        let error = CommandError::from(Error::SchemaTooNew { found: 9, supported: 1 });
        let value = serde_json::to_value(&error).unwrap();
        assert_eq!(value["code"], "SCHEMA_TOO_NEW");
        assert_eq!(value["findings"], json!([]));
        assert!(value["message"].as_str().unwrap().contains("newer than this program"));

        let cases = [
            (Error::RegisterNotFound("x".into()), "REGISTER_NOT_FOUND"),
            (Error::NotARegister("x".into()), "NOT_A_REGISTER"),
            (Error::ProcedureHasHistory("1.000001".into()), "PROCEDURE_HAS_HISTORY"),
            (Error::BadPeriod("2026-Q2".into()), "BAD_PERIOD"),
            (Error::Storage("disk full".into()), "STORAGE"),
        ];
        for (error, code) in cases {
            assert_eq!(serde_json::to_value(CommandError::from(error)).unwrap()["code"], code);
        }
    }

    #[test]
    fn invalid_carries_its_findings() {
        let finding = Finding::new(FindingCode::RequiredMissing, Place::field("name"));
        let value = serde_json::to_value(CommandError::from(Error::Invalid(vec![finding]))).unwrap();
        assert_eq!(value["code"], "INVALID");
        assert_eq!(value["findings"][0]["code"], "REQUIRED_MISSING");
        assert_eq!(value["findings"][0]["place"]["column"], "name");
    }

    #[test]
    fn the_shell_code_serialises_like_the_core_codes() {
        assert_eq!(serde_json::to_value(CommandError::no_register()).unwrap()["code"], "NO_REGISTER");
    }
}
