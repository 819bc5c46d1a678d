//! A changes file (`.cchctd`) from a work copy: the merge's dry run at the office.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| cchc_fuzz::changes(data));
