//! Biểu 06 statistics as .xlsx: `import_stats` dry run.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| cchc_fuzz::sheet(cchc_fuzz::Sheet::Stats, "xlsx", data));
