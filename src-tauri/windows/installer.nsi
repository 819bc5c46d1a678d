; The Windows installer of the desktop app, in Vietnamese, built on Linux by Debian's `makensis`
; (scripts/build-windows.sh passes VERSION, STAGE: the folder holding the files to ship, OUT: the setup file to write).
;
; Per user, no administrator: the program goes to %LOCALAPPDATA%\Programs\cchc, its shortcuts to the user's Start menu
; and desktop, its uninstall entry to HKCU. The user's data (registers, backups, evidence files, received report
; files) lives in the data folder under %APPDATA%, which neither this installer nor its uninstaller ever touches:
; an upgrade installs over the same folder and keeps it, an uninstall leaves it for a later reinstall.
; One file association, for the user: report files (`.cchcbc`) open in the program, whose window takes them into its
; import. Registers (`.cchc`) and backup copies (`.cchcsl`) get none: they are opened from inside the program.

Unicode true
; A 64-bit installer for a 64-bit program: it reads the 64-bit registry view and runs under wine64 in the tests.
Target amd64-unicode
SetCompressor /SOLID lzma
; A 64 MiB window (the default is 8 MiB) lets LZMA find the code cchc.exe shares with cchc-app.exe (the whole core),
; which lies tens of MiB apart in the solid stream: the setup file shrinks by a third (BENCHMARKS.md).
SetCompressorDictSize 64
ManifestDPIAware true
RequestExecutionLevel user

!ifndef VERSION
  !error "VERSION is required (makensis -DVERSION=0.1.0 ...)"
!endif
!ifndef STAGE
  !error "STAGE is required: the folder holding cchc-app.exe, cchc.exe, WebView2Loader.dll and cchc.ico"
!endif
!ifndef OUT
  !define OUT "cchc-setup-${VERSION}.exe"
!endif

!define PRODUCT "Sổ theo dõi cải cách hành chính"
!define PUBLISHER "cchc"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\cchc"
!define SETTINGS_KEY "Software\cchc"
; The report file's type in the user's classes (HKCU, no administrator needed).
!define REPORT_EXT ".cchcbc"
!define REPORT_CLASS "cchc.TepBaoCao"
!define REPORT_TYPE "Tệp báo cáo cải cách hành chính"
; The Evergreen WebView2 runtime's client id (Microsoft's documented detection key).
!define WEBVIEW2_CLIENT "Microsoft\EdgeUpdate\Clients\{F3017226-FE2A-4295-8BDF-00C3A9A7E4C5}"

Name "${PRODUCT}"
OutFile "${OUT}"
InstallDir "$LOCALAPPDATA\Programs\cchc"
; An upgrade goes where the previous version is, even if the user chose another folder then.
InstallDirRegKey HKCU "${SETTINGS_KEY}" "InstallDir"
BrandingText "${PRODUCT} ${VERSION}"

; Version information, shown in the setup file's Properties > Details.
VIProductVersion "${VERSION}.0"
VIFileVersion "${VERSION}.0"
VIAddVersionKey /LANG=1066 "ProductName" "${PRODUCT}"
VIAddVersionKey /LANG=1066 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=1066 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=1066 "FileDescription" "Bộ cài đặt ${PRODUCT}"
VIAddVersionKey /LANG=1066 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=1066 "LegalCopyright" "Giấy phép MIT"

!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "FileFunc.nsh"

!define MUI_ICON "${STAGE}\cchc.ico"
!define MUI_UNICON "${STAGE}\cchc.ico"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\cchc-app.exe"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "Vietnamese"

; Said at install time when the WebView2 runtime is missing; the program then says it again at each start
; (src-tauri/src/webview2.rs) until the runtime is installed.
!define WEBVIEW2_MISSING "Máy tính này chưa có Microsoft Edge WebView2 Runtime — thành phần của Windows mà cửa sổ chương trình cần để hiển thị. Chương trình vẫn được cài đặt, nhưng cửa sổ chỉ mở được sau khi cài thành phần này.$\r$\n$\r$\nCách cài đặt (máy này không cần mạng):$\r$\n1. Trên một máy tính có mạng, mở trang$\r$\n    https://developer.microsoft.com/microsoft-edge/webview2/$\r$\n   và tải bộ cài $\"Evergreen Standalone Installer$\", bản x64$\r$\n   (tệp MicrosoftEdgeWebView2RuntimeInstallerX64.exe).$\r$\n2. Chép tệp đó sang máy này (USB) và chạy nó.$\r$\n3. Mở chương trình từ biểu tượng $\"${PRODUCT}$\".$\r$\n$\r$\nTrong lúc chờ, có thể dùng lệnh cchc.exe trong thư mục cài đặt."

Section "Install"
  SetShellVarContext current
  SetOutPath "$INSTDIR"
  ; The files of an older version are overwritten in place; the data folder is elsewhere and untouched.
  File "${STAGE}\cchc-app.exe"
  File "${STAGE}\WebView2Loader.dll"
  File "${STAGE}\cchc.exe"
  File "${STAGE}\cchc.ico"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortCut "$SMPROGRAMS\${PRODUCT}.lnk" "$INSTDIR\cchc-app.exe" "" "$INSTDIR\cchc.ico" 0
  CreateShortCut "$DESKTOP\${PRODUCT}.lnk" "$INSTDIR\cchc-app.exe" "" "$INSTDIR\cchc.ico" 0

  WriteRegStr HKCU "${SETTINGS_KEY}" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "Software\Classes\${REPORT_EXT}" "" "${REPORT_CLASS}"
  WriteRegStr HKCU "Software\Classes\${REPORT_CLASS}" "" "${REPORT_TYPE}"
  WriteRegStr HKCU "Software\Classes\${REPORT_CLASS}\DefaultIcon" "" "$INSTDIR\cchc.ico"
  WriteRegStr HKCU "Software\Classes\${REPORT_CLASS}\shell\open\command" "" '"$INSTDIR\cchc-app.exe" "%1"'
  ; Explorer redraws the files' icons and learns the new type.
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${PRODUCT}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\cchc.ico"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" "$0"

  Call WebView2Version
  Pop $0
  ${If} $0 == ""
    DetailPrint "Chưa có Microsoft Edge WebView2 Runtime."
    MessageBox MB_OK|MB_ICONEXCLAMATION "${WEBVIEW2_MISSING}" /SD IDOK
  ${Else}
    DetailPrint "Microsoft Edge WebView2 Runtime: $0"
  ${EndIf}
SectionEnd

; Pushes the installed WebView2 runtime's version, or "" when it is missing: the machine-wide key (WOW6432Node, where
; Microsoft's installer writes it), then the per-user one. A "0.0.0.0" left by a removed runtime counts as missing.
Function WebView2Version
  Push $1
  SetRegView 64
  ReadRegStr $1 HKLM "SOFTWARE\WOW6432Node\${WEBVIEW2_CLIENT}" "pv"
  ${If} $1 == ""
  ${OrIf} $1 == "0.0.0.0"
    ReadRegStr $1 HKCU "Software\${WEBVIEW2_CLIENT}" "pv"
  ${EndIf}
  ${If} $1 == "0.0.0.0"
    StrCpy $1 ""
  ${EndIf}
  Exch $1
FunctionEnd

; Removes exactly what the installer wrote: its files, shortcuts and registry keys. Never a recursive delete, and
; never the data folder: the registers, their backups and evidence files stay for a reinstall.
Section "Uninstall"
  SetShellVarContext current
  Delete "$SMPROGRAMS\${PRODUCT}.lnk"
  Delete "$DESKTOP\${PRODUCT}.lnk"
  Delete "$INSTDIR\cchc-app.exe"
  Delete "$INSTDIR\WebView2Loader.dll"
  Delete "$INSTDIR\cchc.exe"
  Delete "$INSTDIR\cchc.ico"
  Delete "$INSTDIR\uninstall.exe"
  ; Only when empty: a file the user put there is kept, and so is the folder.
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  DeleteRegKey HKCU "${SETTINGS_KEY}"
  DeleteRegKey HKCU "Software\Classes\${REPORT_CLASS}"
  ; The extension's key only while it still names this program's type (another program may have taken it since).
  ReadRegStr $0 HKCU "Software\Classes\${REPORT_EXT}" ""
  ${If} $0 == "${REPORT_CLASS}"
    DeleteRegKey HKCU "Software\Classes\${REPORT_EXT}"
  ${EndIf}
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd
