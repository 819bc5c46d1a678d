//! Vietnamese for clap: the help and version flags, the help layout's headings, and usage errors (exit code 2).

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command};
use serde_json::json;

/// Heading of the options every command takes (listed after a command's own options).
const COMMON: &str = "Tùy chọn chung";

/// Replaces clap's English help and version flags by Vietnamese ones and drops the `help` subcommand.
pub fn localize(cmd: Command) -> Command {
    cmd.mut_arg("register", |arg| arg.help_heading(COMMON).display_order(999))
        .mut_arg("json", |arg| arg.help_heading(COMMON).display_order(1000))
        .disable_help_flag(true)
        .disable_help_subcommand(true)
        .disable_version_flag(true)
        .version(env!("CARGO_PKG_VERSION"))
        .subcommand_value_name("LỆNH")
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
        ("[aliases: ", "[tên khác: "),
    ]
    .iter()
    .fold(text.to_string(), |acc, (english, vietnamese)| acc.replace(english, vietnamese))
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
            Some(valid) => format!("Giá trị “{value}” của {arg} không hợp lệ; hãy dùng một trong: {valid}."),
            None if value.is_empty() => format!("Tùy chọn {arg} cần một giá trị."),
            None => format!("Giá trị “{value}” của {arg} không hợp lệ."),
        },
        ErrorKind::ValueValidation => {
            let reason = std::error::Error::source(err).map(|e| e.to_string()).unwrap_or_default();
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
