//! Files the official picks in the window arrive as the request's raw body (Tauri's binary IPC), not as a JSON array
//! of numbers: an evidence file may be 20 MiB, which as JSON is some 80 MB of text to build in the window and parse
//! here. The command's other arguments travel beside it in one header, `cchc-args`, as percent-encoded JSON (header
//! values are ASCII; file names are Vietnamese). `ui/src/api/index.ts` (`upload`) is the other end.

use crate::error::CommandError;
use cchc::Error;
use serde::de::DeserializeOwned;
use std::borrow::Cow;
use tauri::ipc::{InvokeBody, Request};

/// The header holding the command's other arguments.
pub const ARGS_HEADER: &str = "cchc-args";

/// A picked file's content with the command's other arguments.
#[derive(Debug)]
pub struct Upload<'a, A> {
    pub args: A,
    pub bytes: Cow<'a, [u8]>,
}

impl<'r, A: DeserializeOwned> Upload<'r, A> {
    /// Reads the arguments from the header and the content from the body. A body sent as JSON (the IPC's
    /// `postMessage` fallback, when the window cannot use the custom protocol) is accepted as an array of numbers.
    pub fn from_request(request: &'r Request<'_>) -> Result<Upload<'r, A>, CommandError> {
        let header = request.headers().get(ARGS_HEADER).ok_or_else(|| malformed("no cchc-args header"))?;
        let args = parse_args(header.as_bytes())?;
        let bytes = match request.body() {
            InvokeBody::Raw(bytes) => Cow::Borrowed(bytes.as_slice()),
            InvokeBody::Json(value) => Cow::Owned(
                serde_json::from_value::<Vec<u8>>(value.clone()).map_err(|e| malformed(&format!("body: {e}")))?,
            ),
        };
        Ok(Upload { args, bytes })
    }
}

/// The percent-encoded JSON of the header (as `encodeURIComponent(JSON.stringify(args))` writes it).
fn parse_args<A: DeserializeOwned>(header: &[u8]) -> Result<A, CommandError> {
    let json = percent_decode(header).ok_or_else(|| malformed("cchc-args is not percent-encoded UTF-8"))?;
    serde_json::from_str(&json).map_err(|e| malformed(&format!("cchc-args: {e}")))
}

fn percent_decode(text: &[u8]) -> Option<String> {
    let mut out = Vec::with_capacity(text.len());
    let mut rest = text;
    while let Some((&b, tail)) = rest.split_first() {
        if b == b'%' {
            let hex = std::str::from_utf8(tail.get(..2)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            rest = &tail[2..];
        } else {
            out.push(b);
            rest = tail;
        }
    }
    String::from_utf8(out).ok()
}

/// A request the window should never send: a bug, reported like a file that cannot be read.
fn malformed(reason: &str) -> CommandError {
    CommandError::from(Error::FileUnreadable { path: "(upload)".into(), reason: reason.to_string() })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(rename_all = "camelCase")]
    struct Args {
        name: String,
        dry_run: bool,
    }

    #[test]
    fn vietnamese_file_names_arrive_through_the_ascii_header() {
        // encodeURIComponent(JSON.stringify({ name: "Danh mục TTHC.xlsx", dryRun: true }))
        let header = b"%7B%22name%22%3A%22Danh%20m%E1%BB%A5c%20TTHC.xlsx%22%2C%22dryRun%22%3Atrue%7D";
        let args: Args = parse_args(header).unwrap();
        assert_eq!(args, Args { name: "Danh mục TTHC.xlsx".into(), dry_run: true });
    }

    #[test]
    fn a_broken_header_is_refused_with_a_code() {
        for header in [&b"%7B%2"[..], b"%ZZ", b"%C3%28", b"not json"] {
            let error = parse_args::<Args>(header).unwrap_err();
            assert_eq!(serde_json::to_value(&error).unwrap()["code"], "FILE_UNREADABLE", "{header:?}");
        }
    }
}
