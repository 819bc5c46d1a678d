//! A report file (`.cchcbc`) received from a unit: `import_packages` dry run and `inspect_package`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| cchc_fuzz::package(data));
