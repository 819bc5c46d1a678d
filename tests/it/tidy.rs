//! The tidy test: the invariants of ARCHITECTURE.md, checked on the source tree so they cannot rot silently.

use std::path::{Path, PathBuf};
use unicode_normalization::UnicodeNormalization;

/// The workspace root: this test binary belongs to the command line's package (`cli/`), one folder below it.
fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf()
}

/// Every file under `dir` (relative to the crate root) whose name ends with one of `exts`.
fn files(dir: &str, exts: &[&str]) -> Vec<PathBuf> {
    fn walk(path: &Path, exts: &[&str], out: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(path) else { return };
        for entry in entries.flatten() {
            let p = entry.path();
            let name = p.file_name().unwrap().to_string_lossy().to_string();
            if p.is_dir() {
                if !matches!(name.as_str(), "target" | "node_modules" | "dist" | ".git") {
                    walk(&p, exts, out);
                }
            } else if exts.iter().any(|e| name.ends_with(e)) {
                out.push(p);
            }
        }
    }
    let mut out = Vec::new();
    walk(&root().join(dir), exts, &mut out);
    out.sort();
    out
}

fn rel(path: &Path) -> String {
    path.strip_prefix(root()).unwrap().to_string_lossy().replace('\\', "/")
}

/// The body of `fn name(` in the command line's messages (its captions and sentences), up to the function's end.
fn messages_fn(name: &str) -> String {
    let messages = std::fs::read_to_string(root().join("cli/src/messages.rs")).unwrap();
    let from = &messages[messages.find(&format!("fn {name}(")).unwrap_or_else(|| panic!("no fn {name}"))..];
    from[..from.find("\n}").unwrap()].to_string()
}

/// One section of the window's vocabulary file (`ui/src/lib/vocabulary.json`: `columnCaptions`, `tableCaptions`, …).
fn window_words(section: &str) -> serde_json::Map<String, serde_json::Value> {
    let text = std::fs::read_to_string(root().join("ui/src/lib/vocabulary.json")).unwrap();
    let all: serde_json::Value = serde_json::from_str(&text).unwrap();
    all[section].as_object().unwrap_or_else(|| panic!("no {section} in vocabulary.json")).clone()
}

/// Lines of code without comments, so that a comment may name what the code must not use.
fn code_lines(path: &Path) -> Vec<(usize, String)> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim_start().starts_with("//"))
        .map(|(i, l)| (i + 1, l.to_string()))
        .collect()
}

fn offenders(dir: &str, needles: &[&str], allowed: impl Fn(&str) -> bool) -> Vec<String> {
    let mut found = Vec::new();
    for path in files(dir, &[".rs"]) {
        let name = rel(&path);
        if allowed(&name) {
            continue;
        }
        for (line, text) in code_lines(&path) {
            if needles.iter().any(|n| text.contains(n)) {
                found.push(format!("{name}:{line}: {}", text.trim()));
            }
        }
    }
    found
}

#[test]
fn rusqlite_is_used_only_by_the_register() {
    let found = offenders("src", &["rusqlite"], |name| name.starts_with("src/register/"));
    assert!(found.is_empty(), "SQL belongs in src/register/ only:\n{}", found.join("\n"));
}

#[test]
fn the_desktop_shell_holds_no_sql() {
    let found = offenders("src-tauri/src", &["rusqlite"], |_| false);
    assert!(found.is_empty(), "the shell calls App; SQL stays in src/register/:\n{}", found.join("\n"));
}

#[test]
fn the_core_never_imports_tauri() {
    let found = offenders("src", &["tauri"], |_| false);
    assert!(found.is_empty(), "the core must build without a window:\n{}", found.join("\n"));
}

#[test]
fn the_clock_is_read_in_one_place() {
    let needles = ["Utc::now", "Local::now", "SystemTime::now", "Instant::now", "chrono::offset::Local"];
    let found = offenders("src", &needles, |name| name == "src/clock.rs");
    assert!(found.is_empty(), "read time through clock::Clock (tests pass a fixed clock):\n{}", found.join("\n"));
}

#[test]
fn spreadsheets_are_read_and_written_only_by_the_sheet_module() {
    let found = offenders("src", &["calamine", "rust_xlsxwriter", "csv::"], |name| name == "src/sheet.rs");
    assert!(found.is_empty(), "file formats belong in src/sheet.rs:\n{}", found.join("\n"));
}

#[test]
fn every_source_file_opens_with_a_doc_line() {
    let mut missing = Vec::new();
    for dir in ["src", "cli/src", "tests", "src-tauri/src", "fuzz/src", "fuzz/fuzz_targets"] {
        for path in files(dir, &[".rs"]) {
            let text = std::fs::read_to_string(&path).unwrap();
            if !text.starts_with("//!") {
                missing.push(rel(&path));
            }
        }
    }
    assert!(missing.is_empty(), "start each file with a `//!` line saying what it is for:\n{}", missing.join("\n"));
}

#[test]
fn migrations_are_numbered_without_gaps_and_say_why() {
    let dir = root().join("src/register/migrations");
    let mut names: Vec<String> =
        std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().to_string()).collect();
    names.sort();
    for (index, name) in names.iter().enumerate() {
        let number = format!("{:04}_", index + 1);
        assert!(name.starts_with(&number) && name.ends_with(".sql"), "{name} should start with {number}");
        let first = std::fs::read_to_string(dir.join(name)).unwrap().lines().next().unwrap_or("").to_string();
        assert!(
            first.starts_with(&format!("-- {}: ", &number[..4])),
            "{name} must open with `-- NNNN: why`, found {first:?}"
        );
    }
    assert_eq!(names, cchc::api::migration_names(), "every migration file is embedded, in order");
}

#[test]
fn text_files_are_nfc() {
    // Vietnamese typed on some systems arrives decomposed; what we ship and compare against must be NFC.
    let mut bad = Vec::new();
    for dir in ["src", "cli/src", "tests", "assets", "docs", "ui/src", "fuzz/src", "fuzz/fuzz_targets"] {
        for path in files(dir, &[".rs", ".sql", ".json", ".csv", ".md", ".ts", ".svelte"]) {
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            if !text.nfc().eq(text.chars()) {
                bad.push(rel(&path));
            }
        }
    }
    for name in ["README.md", "ARCHITECTURE.md"] {
        let text = std::fs::read_to_string(root().join(name)).unwrap_or_default();
        if !text.nfc().eq(text.chars()) {
            bad.push(name.to_string());
        }
    }
    assert!(bad.is_empty(), "not NFC:\n{}", bad.join("\n"));
}

#[test]
fn no_stubs_are_left_in_the_code() {
    // Spelled in two halves so that this file does not trip the same search.
    let stubs = [concat!("todo", "!("), concat!("unimplemented", "!(")];
    let mut found = offenders("src", &stubs, |_| false);
    found.extend(offenders("cli/src", &stubs, |_| false));
    assert!(found.is_empty(), "{}", found.join("\n"));
}

/// The variants of `pub enum NAME` in a Rust file, as their serialised SCREAMING_SNAKE_CASE names.
fn enum_codes(file: &str, name: &str) -> Vec<String> {
    let text = std::fs::read_to_string(root().join(file)).unwrap();
    let start = text.find(&format!("pub enum {name} {{")).unwrap_or_else(|| panic!("{name} not in {file}"));
    let body = &text[start..];
    let body = &body[body.find('{').unwrap() + 1..body.find("\n}").unwrap()];
    body.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with("//") && !l.starts_with("#["))
        .map(|l| {
            let ident: String = l.chars().take_while(|c| c.is_alphanumeric()).collect();
            let mut snake = String::new();
            for (i, c) in ident.chars().enumerate() {
                if c.is_uppercase() && i > 0 {
                    snake.push('_');
                }
                snake.push(c.to_ascii_uppercase());
            }
            snake
        })
        .collect()
}

#[test]
fn every_error_and_finding_code_is_known_to_the_front_end() {
    // The codes' types are generated (ui/src/api/generated.ts); the run-time list ERROR_CODES is in types.ts.
    let types = ["ui/src/api/generated.ts", "ui/src/api/types.ts"]
        .map(|f| std::fs::read_to_string(root().join(f)).unwrap())
        .join("\n");
    let mut missing = Vec::new();
    for (file, name, section) in
        [("src/error.rs", "ErrorCode", "errorMessages"), ("src/model/finding.rs", "FindingCode", "findingMessages")]
    {
        let codes = enum_codes(file, name);
        let window = window_words(section);
        assert!(codes.len() > 5, "{name}: parsed only {codes:?}");
        for code in codes {
            if !types.contains(&format!("\"{code}\"")) {
                missing.push(format!("{name}::{code} not in ui/src/api/generated.ts or types.ts"));
            }
            if !window.contains_key(&code) {
                missing.push(format!("{name}::{code} has no Vietnamese text in ui/src/lib/vocabulary.json"));
            }
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

#[test]
fn printpdf_is_used_only_by_the_pdf_writer() {
    // The layout knows fonts' metrics but nothing of PDF; only src/pdf.rs writes PDF objects.
    let found = offenders("src", &["printpdf", "lopdf"], |name| name == "src/pdf.rs");
    assert!(found.is_empty(), "PDF belongs in src/pdf.rs:\n{}", found.join("\n"));
}

#[test]
fn zip_archives_are_read_and_written_only_by_the_package_module() {
    // Report files come from outside: one module holds the defences (paths, links, sizes, ratios).
    let found = offenders("src", &["zip::", "use zip"], |name| name.starts_with("src/package/"));
    assert!(found.is_empty(), "ZIP files belong in src/package/:\n{}", found.join("\n"));
}

#[test]
fn every_register_table_has_a_vietnamese_caption_for_the_restore_preview_and_the_change_log() {
    // The restore preview lists the tables whose row counts change; a table without a caption would show its
    // English identifier to the official, in the window and on the command line.
    let t = crate::fixtures::TestRegister::new();
    let db = rusqlite::Connection::open_with_flags(t.path(), rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let mut stmt =
        db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").unwrap();
    let tables: Vec<String> = stmt.query_map([], |row| row.get(0)).unwrap().map(Result::unwrap).collect();
    assert!(tables.len() > 20, "{tables:?}");
    let window = window_words("tableCaptions");
    // `cchc backup restore` names the tables with `table_caption`; `cchc log` names what each change is about
    // with `entity_caption`, which falls back to `table_caption`: the tables, and the register itself (a restore).
    let mut missing = Vec::new();
    for entity in tables.iter().map(String::as_str).chain(["register"]) {
        if cchc::vocabulary::entity_caption(entity).is_none() {
            missing.push(format!("{entity}: no caption in vocabulary::captions::ENTITIES or TABLES"));
        }
    }
    for table in &tables {
        if !window.contains_key(table) {
            missing.push(format!("{table}: no caption in tableCaptions (ui/src/lib/vocabulary.json)"));
        }
        if cchc::vocabulary::table_caption(table).is_none() {
            missing.push(format!("{table}: no caption in vocabulary::captions::TABLES"));
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

/// Every quoted word after one of `prefixes` in the core's code: the stable names its errors and findings carry.
fn names_after(prefixes: &[&str]) -> std::collections::BTreeSet<String> {
    let mut names = std::collections::BTreeSet::new();
    for path in files("src", &[".rs"]) {
        for (_, line) in code_lines(&path) {
            // `dates_in_order(("start", a), ("end", b))` names both columns.
            let prefixes: Vec<&str> = if line.contains("dates_in_order((") && prefixes.contains(&"dates_in_order((\"") {
                prefixes.iter().copied().chain(["), (\""]).collect()
            } else {
                prefixes.to_vec()
            };
            for prefix in prefixes {
                let mut rest = line.as_str();
                while let Some(at) = rest.find(prefix) {
                    rest = &rest[at + prefix.len()..];
                    let name: String =
                        rest.chars().take_while(|c| c.is_ascii_lowercase() || *c == '_' || *c == ' ').collect();
                    if !name.is_empty() && rest[name.len()..].starts_with('"') {
                        names.insert(name);
                    }
                }
            }
        }
    }
    names
}

/// Internal English names reached the official: "Mục “procedures”: Thiếu thông tin bắt buộc.", "Đã có
/// iso_announcement “…” trong sổ." Every stable name a finding's column or an error's record kind carries has a
/// Vietnamese caption, on the command line and in the window.
#[test]
fn every_stable_name_in_an_error_or_a_finding_has_a_vietnamese_caption() {
    let body = messages_fn;
    let window = window_words("columnCaptions");
    let mut missing = Vec::new();

    let columns = names_after(&["Place::field(\"", "out_of_range(\"", "dates_in_order((\"", "date_in_future(\""]);
    assert!(columns.len() > 30 && columns.contains("procedures") && columns.contains("due"), "{columns:?}");
    let own = |column: &str| cchc::vocabulary::captions::ENTITY_COLUMNS.iter().any(|(_, name, _)| *name == column);
    for column in &columns {
        if cchc::vocabulary::column_caption(column).is_none() && !own(column) {
            missing.push(format!("column {column}: no caption in vocabulary::captions::COLUMNS"));
        }
        if !window.contains_key(column) {
            missing.push(format!("column {column}: no caption in columnCaptions (ui/src/lib/vocabulary.json)"));
        }
    }

    let kinds = names_after(&["what: \"", "foreign_key(\""]);
    assert!(kinds.contains("iso_announcement") && kinds.contains("plan"), "{kinds:?}");
    let what = body("what_caption");
    for kind in &kinds {
        if kind.contains(' ') {
            missing.push(format!("record kind “{kind}”: a stable name has no spaces (it is not a caption)"));
        } else if !what.contains(&format!("\"{kind}\" =>")) {
            missing.push(format!("record kind {kind}: no caption in what_caption (cli/src/messages.rs)"));
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

/// The desktop app links the core; the command line's crates (argument parsing, terminal tables, progress bars) and
/// the crash tests' child belong to `cli/`, never to what the window ships.
#[test]
fn the_core_links_no_command_line_crate() {
    let manifest = std::fs::read_to_string(root().join("Cargo.toml")).unwrap();
    let core = &manifest[manifest.find("[package]").unwrap()..];
    let mut found: Vec<&str> =
        ["clap", "comfy-table", "indicatif", "libc", "[[bin]]"].into_iter().filter(|c| core.contains(c)).collect();
    let code = offenders("src", &["clap::", "comfy_table", "indicatif", "libc::"], |_| false);
    found.extend(code.iter().map(String::as_str));
    assert!(found.is_empty(), "the command line's crates belong in cli/Cargo.toml:\n{}", found.join("\n"));
    assert!(!root().join("src/bin").exists(), "binaries live in cli/");
}

/// The core's surface is `App` and the plain types it takes and returns (`api`, `model`, `error`), with the clock,
/// the bundled assets and the text helpers callers inject or share; the register, the sheets, the report files, the
/// layout and the PDF writer are private to the crate behind `App`.
#[test]
fn the_core_exposes_app_and_its_plain_types_only() {
    let lib = std::fs::read_to_string(root().join("src/lib.rs")).unwrap();
    let public: Vec<&str> =
        lib.lines().filter_map(|l| l.strip_prefix("pub mod ")).map(|l| l.trim_end_matches(';')).collect();
    // `typescript` (the window's types, generated by a test) exists only with the `ts` feature.
    assert_eq!(
        public,
        ["api", "assets", "clock", "error", "model", "text", "typescript", "vocabulary"],
        "src/lib.rs's public modules"
    );
    assert!(lib.contains("#[cfg(feature = \"ts\")]\npub mod typescript;"), "the generator is built only for the tests");
    let private: Vec<&str> = lib.lines().filter_map(|l| l.strip_prefix("mod ")).collect();
    assert!(private.len() >= 10, "the inner modules are declared without `pub`: {private:?}");
}

/// The longest a source file of the core, the command line or the desktop shell may grow, in lines (its unit tests
/// included).
const FILE_LINE_LIMIT: usize = 800;

/// Files over `FILE_LINE_LIMIT` that are allowed for now. The list is exact: a file split below the limit must leave
/// it, so the list only shrinks.
const LONG_FILES: &[&str] = &[
    // None since issue 16: every file was split by what its parts do.
];

/// `src/api/mod.rs` had grown to 2,100 lines of ~106 methods in the order they were written, so every next feature
/// meant reading through all of them: one file per domain, and no source file of the core over 800 lines.
#[test]
fn no_source_file_of_the_core_is_over_800_lines_except_those_still_to_split() {
    let mut problems = Vec::new();
    // The window's files are checked by ui/src/lib/house-rules.test.ts (its dictionaries and generated files aside).
    let sources = ["src", "cli/src", "src-tauri/src"].into_iter().flat_map(|dir| files(dir, &[".rs"]));
    for path in sources {
        let name = rel(&path);
        let lines = std::fs::read_to_string(&path).unwrap().lines().count();
        let listed = LONG_FILES.contains(&name.as_str());
        if lines > FILE_LINE_LIMIT && !listed {
            problems
                .push(format!("{name}: {lines} lines; split it by what its parts do (the limit is {FILE_LINE_LIMIT})"));
        } else if lines <= FILE_LINE_LIMIT && listed {
            problems.push(format!("{name}: {lines} lines, within the limit now: take it off LONG_FILES"));
        }
    }
    for name in LONG_FILES {
        if !root().join(name).exists() {
            problems.push(format!("{name}: listed in LONG_FILES but gone: take it off the list"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// `transfer.rs` numbered the columns of each table by hand (`const P_CODE: usize = 0`) and named them again in six
/// header matches. Each table's columns are one specification (`const SPEC: Spec<…>`) in its own file; templates,
/// exports, header matching and the headers of findings are derived from it, so a header is written nowhere else in
/// `src/transfer/` and no column has a number.
#[test]
fn each_sheet_column_is_named_once_in_its_table_specification() {
    let sources: Vec<(String, Vec<(usize, String)>)> = files("src/transfer", &[".rs"])
        .iter()
        .filter(|p| !p.ends_with("tests.rs"))
        .map(|p| (rel(p), code_lines(p)))
        .collect();
    let quoted = |line: &str| line.split('"').skip(1).step_by(2).map(str::to_string).collect::<Vec<_>>();
    let (mut headers, mut specs, mut problems) = (std::collections::BTreeSet::new(), 0, Vec::new());
    for (name, lines) in &sources {
        let mut in_spec = false;
        for (number, line) in lines {
            in_spec = (in_spec || line.contains("const SPEC: Spec<")) && line != "};";
            specs += usize::from(line.contains("const SPEC: Spec<"));
            if in_spec && line.trim_start().starts_with("C::new(") {
                headers.insert(quoted(line)[1].clone());
            }
            if line.trim_start().starts_with("const") && line.contains(": usize =") {
                problems.push(format!("{name}:{number}: a column numbered by hand: {}", line.trim()));
            }
        }
    }
    assert!(specs == 7 && headers.len() > 60, "{specs} specifications, {} headers", headers.len());
    for (name, lines) in &sources {
        let mut in_spec = false;
        for (number, line) in lines {
            in_spec = (in_spec || line.contains("const SPEC: Spec<")) && line != "};";
            for text in quoted(line).iter().filter(|t| headers.contains(*t)) {
                if !in_spec {
                    problems.push(format!("{name}:{number}: the header “{text}” outside its table's SPEC"));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The command line called the first header line "Dòng cơ quan cấp trên" and the window "Dòng cơ quan chủ quản":
/// each held its own copy of the same words. Now the window's strings take them from the vocabulary file, and no
/// sentence of the vocabulary is written again in the window's or the command line's code.
#[test]
fn the_command_line_and_the_window_name_each_column_the_same() {
    let strings = std::fs::read_to_string(root().join("ui/src/lib/strings.ts")).unwrap();
    let mut differ = Vec::new();
    let shared = ["errorMessages", "findingMessages", "placeParts", "columnCaptions", "entityColumnCaptions"];
    for name in shared.into_iter().chain(["tableCaptions", "findingRemedies", "findingVariantRules"]) {
        let line = strings.lines().find(|l| l.starts_with(&format!("export const {name}")));
        if !line.is_some_and(|l| l.contains(&format!("vocabulary.{name}"))) {
            differ.push(format!("ui/src/lib/strings.ts: {name} is not vocabulary.{name}"));
        }
    }
    for read in
        ["groups: vocabulary.bieu06Groups", "columns: vocabulary.bieu06Columns", "...vocabulary.findingVariants"]
    {
        if !strings.contains(read) {
            differ.push(format!("ui/src/lib/strings.ts: does not read `{read}`"));
        }
    }
    // The longest stretch of each sentence between its placeholders: long enough to be nobody else's words.
    let v = cchc::vocabulary::errors::ERROR_CODES.map(cchc::vocabulary::error_words);
    let codes = enum_codes("src/model/finding.rs", "FindingCode");
    let sentences = codes
        .iter()
        .map(|name| cchc::vocabulary::finding_template(serde_json::from_value(serde_json::json!(name)).unwrap()))
        .chain(cchc::vocabulary::VARIANTS.iter().map(|x| x.template))
        .chain(v.iter().flat_map(|w| [w.command_line, w.window]));
    let stretches: Vec<&str> = sentences
        .filter_map(|s| s.split(['{', '}']).step_by(2).max_by_key(|part| part.chars().count()))
        .filter(|part| part.chars().count() >= 24)
        .collect();
    assert!(stretches.len() > 80, "{}", stretches.len());
    let sources = files("cli/src", &[".rs"]).into_iter().chain(files("ui/src/lib", &[".ts"]));
    for path in sources.filter(|p| !p.to_string_lossy().ends_with(".test.ts")) {
        let text = std::fs::read_to_string(&path).unwrap();
        // A unit test may spell out the sentence it expects.
        let text = text.split("\n#[cfg(test)]").next().unwrap();
        for stretch in stretches.iter().filter(|s| text.contains(**s)) {
            differ.push(format!("{}: writes again the vocabulary's “{stretch}”", rel(&path)));
        }
    }
    assert!(differ.is_empty(), "{}", differ.join("\n"));
}

/// `error` names the model's findings, so the model must not lean back on `error`: pure domain types, no cycle.
#[test]
fn the_model_does_not_depend_on_the_error_module() {
    let found = offenders("src/model", &["crate::error", "crate::Error", "crate::Result"], |_| false);
    assert!(found.is_empty(), "the model returns its own small errors (e.g. BadPeriod):\n{}", found.join("\n"));
}

/// The codemap's rows as their first paths, in order.
fn codemap_paths() -> Vec<String> {
    let text = std::fs::read_to_string(root().join("ARCHITECTURE.md")).unwrap();
    let from = &text[text.find("## Codemap").unwrap()..];
    let table = &from[..from.find("\n## ").unwrap()];
    table
        .lines()
        .filter_map(|line| line.strip_prefix("| `"))
        .map(|line| line[..line.find('`').unwrap()].to_string())
        .collect()
}

/// The codemap had rows missing and others out of place; a reader finds a file by its row, or its folder's, in an
/// order that goes from the core outwards.
#[test]
fn the_codemap_names_every_source_file_in_order() {
    const GROUPS: [&str; 14] = [
        "src/lib.rs",
        "src/api/",
        "src/model/",
        "src/register/",
        "src/",
        "cli/",
        "src-tauri/",
        "ui/",
        "tests/",
        "fuzz/",
        "e2e/",
        "assets/",
        "docs/",
        "scripts/",
    ];
    let paths = codemap_paths();
    assert!(paths.len() > 60, "{paths:?}");
    let key = |path: &str| {
        let group = GROUPS.iter().position(|g| path.starts_with(g)).unwrap_or(GROUPS.len());
        (group, path.replace("/mod.rs", "/ mod.rs"))
    };
    let mut sorted = paths.clone();
    sorted.sort_by_key(|p| key(p));
    assert_eq!(paths, sorted, "codemap rows out of order");

    let text = std::fs::read_to_string(root().join("ARCHITECTURE.md")).unwrap();
    let mut missing = Vec::new();
    for dir in ["src", "cli/src", "src-tauri/src", "fuzz/src", "fuzz/fuzz_targets"] {
        for path in files(dir, &[".rs"]) {
            let name = rel(&path);
            let file = name.rsplit('/').next().unwrap();
            let folder = &name[..name.len() - file.len()];
            let in_row =
                text.lines().any(|l| l.starts_with(&format!("| `{folder}")) && l.contains(&format!("`{file}`")));
            if !paths.iter().any(|p| *p == name || *p == folder) && !in_row {
                missing.push(name);
            }
        }
    }
    assert!(missing.is_empty(), "no codemap row for:\n{}", missing.join("\n"));
}

/// The window's copy of the vocabulary (`ui/src/lib/vocabulary.json`), as the core holds it now.
fn window_vocabulary() -> String {
    use cchc::model::FindingCode;
    use cchc::vocabulary::{self as v, captions, errors};
    use serde_json::{Value, json};
    use std::collections::BTreeMap;
    type Words = BTreeMap<String, &'static str>;
    let finding_codes: Vec<FindingCode> = enum_codes("src/model/finding.rs", "FindingCode")
        .iter()
        .map(|name| serde_json::from_value(json!(name)).unwrap_or_else(|e| panic!("{name}: {e}")))
        .collect();
    let name = |value: Value| value.as_str().unwrap().to_string();

    let mut error_messages: Words =
        v::ERROR_CODES.iter().map(|c| (name(json!(c)), v::error_words(*c).window)).collect();
    error_messages.extend(errors::WINDOW_ONLY_ERRORS.iter().map(|(code, text)| (code.to_string(), *text)));
    let finding_messages: Words = finding_codes.iter().map(|c| (name(json!(c)), v::finding_template(*c))).collect();
    let remedies: Words =
        finding_codes.iter().filter_map(|c| v::remedy(*c).map(|r| (name(json!(c)), r.window))).collect();
    let variants: Words = v::VARIANTS.iter().map(|x| (x.name.to_string(), x.template)).collect();
    let rules: Vec<Value> = v::VARIANTS
        .iter()
        .map(|x| match x.when {
            v::When::Has(names) => json!({ "code": x.code, "variant": x.name, "has": names }),
            v::When::Is(value, text) => json!({ "code": x.code, "variant": x.name, "is": [value, text] }),
        })
        .collect();
    let p = v::PLACE_PARTS;
    let place: Words = [
        ("sheet", p.sheet),
        ("row", p.row),
        ("period", p.period),
        ("field", p.field),
        ("procedure", p.procedure),
        ("column", p.column),
        ("item", p.item),
    ]
    .into_iter()
    .map(|(k, t)| (k.to_string(), t))
    .collect();
    let mut columns: Words = captions::COLUMNS.iter().map(|(k, t)| (k.to_string(), *t)).collect();
    columns.extend(v::FIGURES.iter().map(|f| (f.name.to_string(), f.column)));
    let entity_columns: Words = captions::ENTITY_COLUMNS.iter().map(|(e, n, t)| (format!("{e}.{n}"), *t)).collect();
    let tables: Words = captions::TABLES.iter().map(|(k, t)| (k.to_string(), *t)).collect();
    let entities: Words = captions::ENTITIES.iter().map(|(k, t)| (k.to_string(), *t)).collect();
    let actions: Words = captions::ACTIONS.iter().map(|(k, t)| (k.to_string(), *t)).collect();
    let groups: Words = v::Group::ALL.iter().map(|g| (g.key().to_string(), g.caption())).collect();
    let figures: Words = v::FIGURES.iter().map(|f| (f.name.to_string(), f.caption)).collect();
    let headers: Words = v::HEADERS.by_name().into_iter().map(|(k, t)| (k.to_string(), t)).collect();

    let all: BTreeMap<&str, Value> = [
        (
            "_generated",
            json!("From src/vocabulary/ by tests/it/tidy.rs; do not edit: UPDATE_VOCABULARY=1 rewrites it."),
        ),
        ("errorMessages", json!(error_messages)),
        ("findingMessages", json!(finding_messages)),
        ("findingRemedies", json!(remedies)),
        ("findingVariants", json!(variants)),
        ("findingVariantRules", json!(rules)),
        ("placeParts", json!(place)),
        ("columnCaptions", json!(columns)),
        ("entityColumnCaptions", json!(entity_columns)),
        ("tableCaptions", json!(tables)),
        ("entityCaptions", json!(entities)),
        ("actionCaptions", json!(actions)),
        ("bieu06Groups", json!(groups)),
        ("bieu06Columns", json!(figures)),
        ("headers", json!(headers)),
        ("reportFillIn", json!({ "open": v::FILL_IN_OPEN, "close": v::FILL_IN_CLOSE })),
    ]
    .into_iter()
    .collect();
    serde_json::to_string_pretty(&all).unwrap() + "\n"
}

/// The command line and the window each held their own sentences and captions, and they drifted ("Dòng cơ quan cấp
/// trên" on one side, "Dòng cơ quan chủ quản" on the other). The window reads the core's vocabulary through a file
/// written from it: the committed file must be the fresh one.
#[test]
fn the_window_reads_the_vocabulary_the_core_holds() {
    let path = root().join("ui/src/lib/vocabulary.json");
    let fresh = window_vocabulary();
    if std::env::var_os("UPDATE_VOCABULARY").is_some() {
        std::fs::write(&path, &fresh).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == fresh,
        "ui/src/lib/vocabulary.json is stale; rewrite it with\n  UPDATE_VOCABULARY=1 cargo test --locked -p cchc-cli \
         --test it tidy::the_window_reads_the_vocabulary_the_core_holds"
    );
    let codes = enum_codes("src/error.rs", "ErrorCode");
    let listed: Vec<String> = cchc::vocabulary::ERROR_CODES
        .iter()
        .map(|c| serde_json::to_value(c).unwrap().as_str().unwrap().to_string())
        .collect();
    assert_eq!(listed, codes, "vocabulary::ERROR_CODES must list every ErrorCode, in order");
}

#[test]
fn generated_types_are_fresh() {
    // The window's types are generated from the core's serde types (src/typescript.rs); a stale file would let the
    // window and the core drift apart again.
    let path = root().join(cchc::typescript::GENERATED_PATH);
    let fresh = cchc::typescript::generated();
    if std::env::var_os("UPDATE_TYPES").is_some() {
        std::fs::write(&path, &fresh).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == fresh,
        "{} is stale: refresh it with `UPDATE_TYPES=1 cargo test --locked -p cchc-cli --test it \
         tidy::generated_types_are_fresh`",
        cchc::typescript::GENERATED_PATH
    );
}

/// An evidence file of 20 MiB travelled as a JSON array of numbers (some 80 MB of text built in the window and
/// parsed in the shell): file content now goes as the request's raw body (`src-tauri/src/upload.rs`).
#[test]
fn file_content_never_crosses_the_ipc_as_json_numbers() {
    // A command's parameter of bytes (`bytes: Vec<u8>`, `Option<Vec<u8>>`) would take them as JSON numbers.
    let mut found = offenders("src-tauri/src", &[": Vec<u8>", ": Option<Vec<u8>>"], |_| false);
    let api = root().join("ui/src/api/index.ts");
    for (line, text) in code_lines(&api) {
        if text.contains("Array.from(") {
            found.push(format!("ui/src/api/index.ts:{line}: {}", text.trim()));
        }
    }
    assert!(found.is_empty(), "send picked files with `upload` (ui/src/api/index.ts):\n{}", found.join("\n"));
}
