//! Integration tests: every behaviour through `App` (or the built `cchc` binary) on real temporary registers.

mod cli;
mod demo;
mod fixtures;
mod imports;
mod procedures;
mod register;
mod stats;
mod tidy;
