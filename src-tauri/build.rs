//! Build script: generates Tauri's context (configuration, capabilities, icons) for `tauri::generate_context!`.

fn main() {
    tauri_build::build()
}
