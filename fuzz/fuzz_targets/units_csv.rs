//! The expected units (superior level) as .csv: `import_expected_units` dry run.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| cchc_fuzz::sheet(cchc_fuzz::Sheet::Units, "csv", data));
