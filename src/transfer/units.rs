//! Expected units ("Đơn vị": the superior level's list of communes and wards): its columns, and the rows read into
//! `ExpectedUnit`s and back.

use super::{Column, Parsed, Read, Spec, cells, parse_with};
use crate::model::{ExpectedUnit, FindingCode};
use crate::sheet::{Cell, Table};
use crate::text;

/// The sheet name of unit lists.
pub const UNIT_SHEET: &str = "Đơn vị";

type C = Column<ExpectedUnit>;

/// The columns in file order.
pub(super) const SPEC: Spec<ExpectedUnit> = Spec {
    sheet: UNIT_SHEET,
    columns: &[
        C::new("code", "Mã đơn vị", Read::Own, |u, _| Cell::text(&u.code))
            .or(&["Mã", "Mã ĐVHC", "Mã đơn vị hành chính", "Mã xã", "Mã số"])
            .required(),
        C::new("name", "Tên đơn vị", Read::Text, |u, _| Cell::text(&u.name))
            .or(&["Tên", "Tên ĐVHC", "Tên đơn vị hành chính", "Tên xã, phường", "Đơn vị"])
            .required(),
    ],
};

/// Reads a list of expected units. A code typed into Excel as a number lost its leading zeros; administrative unit
/// codes of communes have five digits, so a whole number is padded back to five ("4" → "00004").
pub fn parse_expected_units(table: &Table) -> Parsed<ExpectedUnit> {
    parse_with(table, &SPEC, "code", |found| {
        let code = match found.get("code") {
            Some(Cell::Number(n)) if n.fract() == 0.0 && *n >= 0.0 => format!("{:05}", *n as i64),
            other => text::clean(&cells::text_of(other)),
        };
        let name = found.text("name");
        if code.is_empty() {
            found.push(FindingCode::RequiredMissing, "code", &[]);
        }
        if name.is_empty() {
            found.push(FindingCode::RequiredMissing, "name", &[]);
        }
        (code.clone(), ExpectedUnit { code, name }, Vec::new())
    })
}

/// Expected units as a table, in the columns `parse_expected_units` reads.
pub fn expected_units_table(units: &[ExpectedUnit]) -> Table {
    SPEC.table(units, &[])
}
