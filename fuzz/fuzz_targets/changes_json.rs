//! The content of a changes file (`changes.json`) in an envelope the register accepts: the merge's planning.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| cchc_fuzz::changes_json(data));
