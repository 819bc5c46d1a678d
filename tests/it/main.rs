//! Integration tests: every behaviour through `App` (or the built `cchc` binary) on real temporary registers.

mod assessment;
mod assessment_report;
mod backups;
mod catalogs;
mod charts;
mod cli;
mod copies;
mod crash;
mod deadlines;
mod demo;
mod fixtures;
mod imports;
mod iso;
mod messages;
mod package;
mod plans;
mod procedures;
mod register;
mod report;
mod staffing;
mod stats;
mod tidy;
mod windows_users;
