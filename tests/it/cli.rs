//! Command-line tests (filled in below).
