//! What an official reads when the command line refuses something: Vietnamese sentences that name things as the
//! official knows them, never the program's internal names ("procedures", "iso_announcement", "staff category").

use crate::cli::{cchc, init, stderr};
use std::path::Path;

/// The words of a message that look like internal identifiers: ASCII words joined by "_" ("iso_announcement"), or
/// one of the table or field names a message must never show.
fn identifiers(message: &str) -> Vec<String> {
    const NAMES: [&str; 8] = ["procedures", "procedure", "plan", "task", "person", "deadline", "category", "evidence"];
    // A command quoted for the official to run (`cchc procedures edit …`) is meant to be typed as it is.
    let prose: String = message.split('`').step_by(2).collect::<Vec<_>>().join(" ");
    prose
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-' || c == '.'))
        .filter(|word| {
            let snake = word.contains('_') && word.chars().all(|c| c.is_ascii_lowercase() || c == '_');
            snake || NAMES.contains(word)
        })
        .map(str::to_string)
        .collect()
}

/// Runs a command that must be refused (exit 1) and returns its message after checking it names nothing internal.
fn refused(register: &Path, args: &[&str]) -> String {
    let out = cchc(register, args);
    let message = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{args:?} was not refused: {message}");
    let found = identifiers(&message);
    assert!(found.is_empty(), "{args:?} shows internal names {found:?}:\n{message}");
    message
}

#[test]
fn refusals_name_things_as_an_official_knows_them() {
    let dir = tempfile::tempdir().unwrap();
    let register = dir.path().join("so.cchc");
    init(&register);

    // `iso announce --all-in-scope` with no procedure marked in the ISO scope: say to mark them.
    let message =
        refused(&register, &["iso", "announce", "--number", "36/QĐ-UBND", "--date", "15/10/2019", "--all-in-scope"]);
    assert!(message.contains("Hãy đánh dấu các thủ tục thuộc phạm vi"), "{message}");

    // An announcement recorded twice: "Đã có quyết định công bố ISO 9001 …", not "Đã có iso_announcement …".
    let add = ["procedures", "add", "--code", "1.001193", "--name", "Thủ tục đăng ký khai sinh", "--field", "Hộ tịch"];
    assert!(cchc(&register, &add).status.success());
    let announce = ["iso", "announce", "--number", "36/QĐ-UBND", "--date", "15/10/2019", "--procedures", "1.001193"];
    assert!(cchc(&register, &announce).status.success());
    let message = refused(&register, &announce);
    assert!(message.contains("Đã có quyết định công bố ISO 9001"), "{message}");

    // A plan recorded twice.
    let plan = ["plans", "add", "--number", "25/KH-UBND", "--date", "21/12/2025", "--year", "2026"];
    assert!(cchc(&register, &plan).status.success());
    let message = refused(&register, &plan);
    assert!(message.contains("Đã có kế hoạch"), "{message}");

    // A task due before its plan's date: its own deadline ("Thời hạn hoàn thành"), not the report deadline.
    let task = [
        "tasks",
        "add",
        "--plan",
        "25/KH-UBND",
        "--year",
        "2026",
        "--area",
        "tthc",
        "--content",
        "Rà soát thủ tục",
        "--deadline",
        "01/12/2025",
    ];
    let message = refused(&register, &task);
    assert!(message.contains("“Thời hạn hoàn thành” (--deadline)"), "{message}");
    assert!(!message.contains("Hạn gửi báo cáo"), "{message}");

    // A corrective action due before its audit: both dates named in Vietnamese.
    assert!(cchc(&register, &["iso", "audit", "add", "--date", "10/03/2026"]).status.success());
    let nonconformity = [
        "iso",
        "nonconformity",
        "add",
        "--audit",
        "1",
        "--description",
        "Thiếu",
        "--owner",
        "Lan",
        "--due",
        "01/03/2026",
    ];
    let message = refused(&register, &nonconformity);
    assert!(message.contains("Hạn hoàn thành hành động khắc phục"), "{message}");

    // A task of a plan that does not exist.
    let orphan = ["tasks", "add", "--plan", "99/KH-UBND", "--year", "2026", "--area", "tthc", "--content", "Việc khác"];
    let message = refused(&register, &orphan);
    assert!(message.contains("99/KH-UBND"), "{message}");
}

/// The check for identifiers catches what it is for.
#[test]
fn the_identifier_check_finds_internal_names() {
    assert_eq!(identifiers("Mục “procedures”: Thiếu thông tin bắt buộc."), ["procedures"]);
    assert_eq!(identifiers("Đã có iso_announcement “36/QĐ-UBND” trong sổ."), ["iso_announcement"]);
    assert!(identifiers("Đã có kế hoạch “2026 25/KH-UBND” trong sổ; xem tệp data.json.").is_empty());
}
