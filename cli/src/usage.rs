//! Vietnamese for clap: the help and version flags, the help layout's headings, and usage errors (exit code 2).

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command};
use serde_json::json;

/// Heading of the options every command takes (listed after a command's own options).
const COMMON: &str = "Tùy chọn chung";

/// Replaces clap's English help and version flags by Vietnamese ones and drops the `help` subcommand.
pub fn localize(cmd: Command) -> Command {
    name_subcommands(cmd)
        .mut_arg("register", |arg| arg.help_heading(COMMON).display_order(999))
        .mut_arg("json", |arg| arg.help_heading(COMMON).display_order(1000))
        .disable_help_flag(true)
        .disable_help_subcommand(true)
        .disable_version_flag(true)
        .version(env!("CARGO_PKG_VERSION"))
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .global(true)
                .help("In hướng dẫn sử dụng")
                .help_heading(COMMON)
                .display_order(1001),
        )
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help("In số phiên bản")
                .help_heading(COMMON)
                .display_order(1002),
        )
}

/// An argument's short help that names its accepted codes, each with its Vietnamese name:
/// "Lĩnh vực CCHC: tthc (Cải cách thủ tục hành chính), …".
pub fn choices(intro: &str, items: &[(&str, &str)]) -> String {
    let items: Vec<String> = items.iter().map(|(code, name)| format!("{code} ({name})")).collect();
    format!("{intro}: {}", items.join(", "))
}

/// The same in long help, one code a line, laid out as clap lists the values of a choice.
pub fn choices_long(intro: &str, items: &[(&str, &str)]) -> String {
    let width = items.iter().map(|(code, _)| code.chars().count()).max().unwrap_or(0) + 1;
    let mut text = format!("{intro}:");
    for (code, name) in items {
        text.push_str(&format!("\n- {:<width$} {name}", format!("{code}:")));
    }
    text
}

/// Names the subcommand placeholder and heading of every command that has subcommands (`cchc`, `cchc bench`, …);
/// clap would print `<COMMAND>` / `[COMMAND]` and "Commands:".
fn name_subcommands(cmd: Command) -> Command {
    let cmd = cmd.mut_subcommands(name_subcommands);
    if cmd.has_subcommands() { cmd.subcommand_value_name("LỆNH").subcommand_help_heading("Lệnh") } else { cmd }
}

/// What to do with a clap error: print help or the version (exit 0), or a Vietnamese usage error (exit 2).
pub fn handle(err: clap::Error, json: bool) -> u8 {
    match err.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            print!("{}", vietnamese_help(&err.render().to_string()));
            0
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            eprint!("{}", vietnamese_help(&err.render().to_string()));
            2
        }
        _ => {
            let message = usage_message(&err);
            if json {
                let value = json!({"error": {"code": "USAGE", "message": message, "findings": []}});
                println!("{}", serde_json::to_string_pretty(&value).unwrap_or_default());
            } else {
                eprintln!("Lỗi: {message}");
                if let Some(ContextValue::StyledStr(usage)) = err.get(ContextKind::Usage) {
                    eprintln!();
                    eprintln!("{}", vietnamese_help(&usage.to_string()).trim_end());
                }
                eprintln!();
                eprintln!("Xem hướng dẫn bằng tùy chọn --help.");
            }
            2
        }
    }
}

/// clap's fixed English words in rendered help, in Vietnamese.
pub fn vietnamese_help(text: &str) -> String {
    [
        ("Usage:", "Cách dùng:"),
        ("Commands:", "Lệnh:"),
        ("Options:", "Tùy chọn:"),
        ("Arguments:", "Tham số:"),
        ("[OPTIONS]", "[TÙY CHỌN]"),
        ("<COMMAND>", "<LỆNH>"),
        ("[default: ", "[mặc định: "),
        ("[possible values: ", "[giá trị: "),
        // The heading of a ValueEnum's values in long help, each value with its Vietnamese help below it.
        ("Possible values:", "Giá trị:"),
        ("[aliases: ", "[tên khác: "),
    ]
    .iter()
    .fold(text.to_string(), |acc, (english, vietnamese)| acc.replace(english, vietnamese))
}

/// Why a value was refused, in Vietnamese. The program's own parsers (`format::parse_*`) already say it in
/// Vietnamese; a number read by clap's built-in parser fails with Rust's English ("invalid digit found in string").
fn validation_reason(source: &(dyn std::error::Error + 'static), value: &str) -> String {
    use std::num::IntErrorKind;
    if let Some(e) = source.downcast_ref::<std::num::ParseIntError>() {
        return match e.kind() {
            IntErrorKind::Empty => "cần một số".to_string(),
            IntErrorKind::PosOverflow => format!("“{value}” quá lớn"),
            IntErrorKind::NegOverflow => format!("“{value}” quá nhỏ"),
            _ => format!("“{value}” không phải là số nguyên"),
        };
    }
    if source.downcast_ref::<std::num::ParseFloatError>().is_some() {
        return format!("“{value}” không phải là số");
    }
    let reason = source.to_string();
    // clap's integer parsers check the type's range: "99999999999 is not in -2147483648..=2147483647".
    if let Some((_, range)) = reason.split_once(" is not in ") {
        let range = range.replace("..=", " đến ").replace("..", " đến dưới ");
        return format!("“{value}” nằm ngoài khoảng {range}");
    }
    // Any other reason written in English (ASCII only; the program's own reasons are Vietnamese): none.
    if reason.is_ascii() { String::new() } else { reason }
}

/// The Vietnamese sentence for a usage error.
fn usage_message(err: &clap::Error) -> String {
    let text = |kind: ContextKind| -> Option<String> {
        match err.get(kind)? {
            ContextValue::String(s) => Some(s.clone()),
            ContextValue::Strings(v) => Some(v.join(", ")),
            ContextValue::StyledStr(s) => Some(s.to_string()),
            ContextValue::StyledStrs(v) => Some(v.iter().map(|s| s.to_string()).collect::<Vec<_>>().join(", ")),
            ContextValue::Number(n) => Some(n.to_string()),
            _ => None,
        }
    };
    let arg = text(ContextKind::InvalidArg).map(|a| vietnamese_help(&a)).unwrap_or_default();
    let value = text(ContextKind::InvalidValue).unwrap_or_default();
    let mut message = match err.kind() {
        ErrorKind::InvalidValue => match text(ContextKind::ValidValue) {
            Some(valid) if value.is_empty() => format!("Tùy chọn {arg} cần một giá trị, một trong: {valid}."),
            Some(valid) => format!("Giá trị “{value}” của {arg} không hợp lệ; hãy dùng một trong: {valid}."),
            None if value.is_empty() => format!("Tùy chọn {arg} cần một giá trị."),
            None => format!("Giá trị “{value}” của {arg} không hợp lệ."),
        },
        ErrorKind::ValueValidation => {
            let reason = std::error::Error::source(err).map(|e| validation_reason(e, &value)).unwrap_or_default();
            if reason.is_empty() {
                format!("Giá trị “{value}” của {arg} không hợp lệ.")
            } else {
                format!("Giá trị của {arg} không hợp lệ: {reason}.")
            }
        }
        ErrorKind::UnknownArgument => format!("Không có tùy chọn “{arg}”."),
        ErrorKind::InvalidSubcommand => {
            let name = text(ContextKind::InvalidSubcommand).unwrap_or_default();
            format!("Không có lệnh “{name}”.")
        }
        ErrorKind::MissingRequiredArgument => format!("Thiếu tham số bắt buộc: {}.", vietnamese_help(&arg)),
        ErrorKind::MissingSubcommand => "Thiếu lệnh cần chạy.".to_string(),
        ErrorKind::ArgumentConflict => match text(ContextKind::PriorArg).map(|a| vietnamese_help(&a)) {
            // clap reports an option given twice as a conflict with itself.
            Some(other) if other != arg => format!("Không thể dùng {arg} cùng với {other}."),
            _ => format!("Tùy chọn {arg} chỉ được dùng một lần."),
        },
        ErrorKind::TooManyValues => format!("Tùy chọn {arg} nhận quá nhiều giá trị (“{value}”)."),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => format!("Tùy chọn {arg} thiếu giá trị."),
        ErrorKind::NoEquals => format!("Tùy chọn {arg} cần dấu “=” trước giá trị."),
        ErrorKind::InvalidUtf8 => "Tham số có ký tự không phải UTF-8.".to_string(),
        _ => "Lệnh không hợp lệ.".to_string(),
    };
    let suggestions: Vec<String> = [ContextKind::SuggestedArg, ContextKind::SuggestedSubcommand]
        .into_iter()
        .filter_map(|kind| match err.get(kind)? {
            ContextValue::String(s) => Some(vec![s.clone()]),
            ContextValue::Strings(v) => Some(v.clone()),
            _ => None,
        })
        .flatten()
        .collect();
    if !suggestions.is_empty() {
        message.push_str(&format!(" Có phải ý bạn là “{}”?", suggestions.join("” hoặc “")));
    }
    message
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    /// Every command path below `cchc` (the empty path is `cchc` itself).
    fn command_paths() -> Vec<Vec<String>> {
        fn walk(cmd: &Command, path: Vec<String>, out: &mut Vec<Vec<String>>) {
            for sub in cmd.get_subcommands() {
                let mut next = path.clone();
                next.push(sub.get_name().to_string());
                walk(sub, next, out);
            }
            out.push(path);
        }
        let mut out = Vec::new();
        walk(&localize(crate::Cli::command()), Vec::new(), &mut out);
        out
    }

    /// The help a user reads for `cchc <path> <flag>`, as `handle` prints it.
    fn rendered_help(path: &[String], flag: &str) -> String {
        let args = std::iter::once("cchc".to_string()).chain(path.iter().cloned()).chain([flag.to_string()]);
        let err = localize(crate::Cli::command()).try_get_matches_from(args).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::DisplayHelp, "cchc {} {flag}", path.join(" "));
        vietnamese_help(&err.render().to_string())
    }

    /// English that clap writes by itself, left in the text a user reads.
    fn clap_english(text: &str) -> Vec<String> {
        let mut found: Vec<String> = [
            "Possible values",
            "possible values",
            "default:",
            "Usage",
            "Options",
            "Arguments",
            "Commands",
            "COMMAND",
            "OPTIONS",
            "Print help",
            "Print version",
            "aliases",
        ]
        .iter()
        .filter(|word| text.contains(*word))
        .map(|word| word.to_string())
        .collect();
        // A value name clap made from an argument's id: ASCII capitals between brackets (`<YEAR>`, `[KIND]`).
        for (open, close) in [('<', '>'), ('[', ']')] {
            for piece in text.split(open).skip(1) {
                let Some((name, _)) = piece.split_once(close) else { continue };
                let name = name.trim_end_matches("...");
                if !name.is_empty() && name.chars().all(|c| c.is_ascii_uppercase() || c == '_' || c == '-') {
                    found.push(format!("{open}{name}{close}"));
                }
            }
        }
        found
    }

    #[test]
    fn every_help_page_is_free_of_clap_english() {
        // `cchc tasks add --help` showed `<YEAR>`, `report print --help` `<KIND>` and "Possible values:".
        let mut problems = Vec::new();
        for path in command_paths() {
            for flag in ["--help", "-h"] {
                let help = rendered_help(&path, flag);
                for english in clap_english(&help) {
                    problems.push(format!("cchc {} {flag}: {english}", path.join(" ")));
                }
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    #[test]
    fn every_command_and_argument_has_vietnamese_help_and_value_names() {
        // Arguments without a value name printed clap's `<YEAR>`; possible values were listed without a meaning.
        let mut cmd = localize(crate::Cli::command());
        cmd.build();
        let mut problems = Vec::new();
        fn walk(cmd: &Command, path: &str, problems: &mut Vec<String>) {
            match cmd.get_about() {
                None if !path.is_empty() => problems.push(format!("cchc{path}: the command has no help text")),
                Some(about) if about.to_string().is_ascii() => problems.push(format!("cchc{path}: “{about}”")),
                _ => {}
            }
            for arg in cmd.get_arguments().filter(|a| !a.is_hide_set()) {
                let id = arg.get_id().as_str();
                let at = format!("cchc{path} {id}");
                // Vietnamese has letters outside ASCII in nearly every phrase; an ASCII-only help is English.
                match arg.get_help() {
                    None => problems.push(format!("{at}: no help text")),
                    Some(help) if help.to_string().is_ascii() => problems.push(format!("{at}: help “{help}”")),
                    Some(_) => {}
                }
                if arg.get_action().takes_values() {
                    match arg.get_value_names() {
                        None => problems.push(format!("{at}: no value name")),
                        Some(names) if names.iter().any(|n| n.as_str() == id.to_uppercase()) => {
                            problems.push(format!("{at}: the value name is the id"))
                        }
                        Some(_) => {}
                    }
                    for value in arg.get_possible_values().iter().filter(|v| !v.is_hide_set()) {
                        if value.get_help().is_none_or(|help| help.to_string().is_ascii()) {
                            problems.push(format!("{at}: the value “{}” has no Vietnamese help", value.get_name()));
                        }
                    }
                }
            }
            for sub in cmd.get_subcommands() {
                walk(sub, &format!("{path} {}", sub.get_name()), problems);
            }
        }
        walk(&cmd, "", &mut problems);
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    /// English words of Rust's and clap's own error texts.
    fn english_reason(message: &str) -> Option<&'static str> {
        let words: Vec<String> = message
            .split(|c: char| !c.is_ascii_alphabetic())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        ["invalid", "found", "string", "expected", "cannot", "empty", "digit", "provided", "possible", "error", "is"]
            .into_iter()
            .find(|english| words.iter().any(|w| w == english))
    }

    #[test]
    fn every_usage_error_for_a_bad_or_missing_value_is_vietnamese() {
        // `cchc tasks add --year abc` said "Giá trị của --year <NĂM> không hợp lệ: invalid digit found in string."
        let mut problems = Vec::new();
        let mut check = |args: Vec<String>| {
            let Err(err) = localize(crate::Cli::command()).try_get_matches_from(&args) else { return };
            if matches!(err.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand) {
                return;
            }
            let mut message = usage_message(&err);
            if let Some(ContextValue::StyledStr(usage)) = err.get(ContextKind::Usage) {
                message.push_str(&vietnamese_help(&usage.to_string()));
            }
            if let Some(english) = english_reason(&message).or(clap_english(&message).first().map(|_| "clap")) {
                problems.push(format!("{}: “{english}” in {message}", args.join(" ")));
            }
        };
        let root = localize(crate::Cli::command());
        for path in command_paths() {
            let mut cmd = &root;
            for name in &path {
                cmd = cmd.find_subcommand(name).unwrap();
            }
            let base: Vec<String> = std::iter::once("cchc".to_string()).chain(path.iter().cloned()).collect();
            // Nothing given: a missing argument or command.
            check(base.clone());
            for arg in cmd.get_arguments().filter(|a| a.get_action().takes_values()) {
                for value in ["abc", "", "99999999999", "99999999999999999999", "1,x"] {
                    let mut args = base.clone();
                    match arg.get_long() {
                        Some(long) => args.push(format!("--{long}={value}")),
                        None => args.push(value.to_string()),
                    }
                    check(args);
                }
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }
}
