//! `App` methods of the administrative procedures (thủ tục hành chính): list, look up, add, edit, retire, delete.

use super::App;
use crate::error::{Error, Result};
use crate::model::{
    Finding, FindingCode, Place, Procedure, ProcedureInput, ProcedureQuery, ProcedureStatus, Retirement,
};
use crate::text;

impl App {
    pub fn procedures(&self, query: &ProcedureQuery) -> Result<Vec<Procedure>> {
        self.register.list_procedures(query)
    }

    pub fn procedure(&self, code: &str) -> Result<Procedure> {
        let code = canonical_code(code);
        self.register.procedure_by_code(&code)?.ok_or(Error::NotFound { what: "procedure", key: code })
    }

    /// The fields (lĩnh vực) in use, in Vietnamese order.
    pub fn fields(&self) -> Result<Vec<String>> {
        self.register.fields()
    }

    pub fn add_procedure(&mut self, input: ProcedureInput) -> Result<Procedure> {
        let input = self.validated(input)?;
        let stamp = self.stamp();
        self.register.insert_procedure(&input, &stamp)
    }

    /// Changes a procedure's fields. The code identifies it and cannot change (a new code is a new procedure).
    pub fn edit_procedure(&mut self, code: &str, input: ProcedureInput) -> Result<Procedure> {
        let before = self.procedure(code)?;
        let mut input = input;
        if input.code.trim().is_empty() {
            input.code = before.input.code.clone();
        }
        let input = self.validated(input)?;
        if input.code != before.input.code {
            let finding = Finding::new(FindingCode::BadProcedureCode, Place::field("code"))
                .with("value", &input.code)
                .with("expected", &before.input.code);
            return Err(Error::Invalid(vec![finding]));
        }
        let retired_on = if input.status.is_retired() { before.retired_on.or(Some(self.clock.today())) } else { None };
        let stamp = self.stamp();
        self.register.update_procedure(&before, &input, retired_on, "update", &stamp)
    }

    /// Retires a procedure: replaced by another code, or abolished. Its history stays.
    pub fn retire_procedure(&mut self, code: &str, retirement: Retirement) -> Result<Procedure> {
        let before = self.procedure(code)?;
        let mut input = before.input.clone();
        input.status =
            if retirement.replaced_by.is_some() { ProcedureStatus::Replaced } else { ProcedureStatus::Abolished };
        input.replaced_by = retirement.replaced_by;
        let input = self.validated(input)?;
        let stamp = self.stamp();
        self.register.update_procedure(&before, &input, Some(retirement.on), "retire", &stamp)
    }

    /// Deletes a procedure entered by mistake; one with case statistics must be retired instead.
    pub fn delete_procedure(&mut self, code: &str) -> Result<()> {
        let before = self.procedure(code)?;
        let stamp = self.stamp();
        self.register.delete_procedure(&before, &stamp)
    }

    fn validated(&self, input: ProcedureInput) -> Result<ProcedureInput> {
        let input = input.cleaned();
        let findings = input.validate();
        if findings.is_empty() { Ok(input) } else { Err(Error::Invalid(findings)) }
    }
}

pub(super) fn canonical_code(code: &str) -> String {
    crate::model::ProcedureCode::parse(code).map(String::from).unwrap_or_else(|| text::clean(code))
}
