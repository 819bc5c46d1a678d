//! Windows only: before the window is built, makes sure the WebView2 runtime is there, and otherwise tells the user
//! in Vietnamese what to install (a native message box) and stops, instead of Tauri's English dialog.
//!
//! An offline commune PC without the Evergreen WebView2 runtime cannot download it: the message names the
//! Microsoft package to bring on a USB stick (the "Evergreen Standalone Installer") and says the data is safe.
//! The check is the one Tauri itself makes (`webview_version`, i.e. WebView2's
//! `GetAvailableCoreWebView2BrowserVersionString`), so the two never disagree. The installer
//! (`src-tauri/windows/installer.nsi`) says the same thing at install time.

/// The message box's title: the window's title, so the user knows which program speaks.
pub const MISSING_TITLE: &str = "Sổ theo dõi cải cách hành chính";

/// What the user reads when WebView2 is missing: what is wrong, what to install, where to find it, and that nothing
/// of theirs was touched.
pub const MISSING_MESSAGE: &str = "\
Máy tính này chưa có Microsoft Edge WebView2 Runtime — thành phần của Windows mà cửa sổ chương trình cần để hiển thị.

Cách cài đặt (máy này không cần mạng):
1. Trên một máy tính có mạng, mở trang
    https://developer.microsoft.com/microsoft-edge/webview2/
   và tải bộ cài \"Evergreen Standalone Installer\", bản x64
   (tệp MicrosoftEdgeWebView2RuntimeInstallerX64.exe).
2. Chép tệp đó sang máy này (USB) và chạy nó.
3. Mở lại chương trình.

Sổ theo dõi, các bản sao lưu và tài liệu kiểm chứng của đơn vị vẫn nguyên vẹn. Trong lúc chờ, có thể dùng lệnh cchc.exe.";

/// True when the WebView2 runtime can be used; otherwise shows the Vietnamese message box (waiting for the user to
/// close it) and returns false, and the caller stops without building a window.
#[cfg(windows)]
pub fn available_or_explain() -> bool {
    if tauri::webview_version().is_ok() {
        return true;
    }
    show_message_box(MISSING_TITLE, MISSING_MESSAGE);
    false
}

#[cfg(windows)]
fn show_message_box(title: &str, text: &str) {
    use windows_sys::Win32::UI::WindowsAndMessaging::{MB_ICONWARNING, MB_OK, MB_SETFOREGROUND, MessageBoxW};
    let wide = |s: &str| s.encode_utf16().chain(std::iter::once(0)).collect::<Vec<u16>>();
    let (text, title) = (wide(text), wide(title));
    // SAFETY: both pointers are to NUL-terminated UTF-16 buffers that outlive the call; no owner window.
    unsafe {
        MessageBoxW(std::ptr::null_mut(), text.as_ptr(), title.as_ptr(), MB_OK | MB_ICONWARNING | MB_SETFOREGROUND);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::is_nfc;

    /// The user must learn what to install and where, with the file name they will see in their Downloads folder.
    #[test]
    fn missing_message_names_the_offline_installer_and_where_to_get_it() {
        for needle in [
            "Microsoft Edge WebView2 Runtime",
            "Evergreen Standalone Installer",
            "x64",
            "MicrosoftEdgeWebView2RuntimeInstallerX64.exe",
            "https://developer.microsoft.com/microsoft-edge/webview2/",
            "vẫn nguyên vẹn",
        ] {
            assert!(MISSING_MESSAGE.contains(needle), "the message lacks {needle:?}");
        }
    }

    /// Vietnamese in NFC, like every text the user reads (a decomposed tone mark renders apart on some fonts).
    #[test]
    fn missing_message_is_nfc() {
        assert!(is_nfc(MISSING_MESSAGE));
        assert!(is_nfc(MISSING_TITLE));
    }
}
