//! The desktop app's entry point: starts the window (see `lib.rs`).

// No console window next to the app in a Windows release build.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    cchc_app_lib::run();
}
