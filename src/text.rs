//! Text at the edges: NFC normalisation, diacritic-insensitive search keys and the Vietnamese sort key.
//!
//! Sort order (documented in ARCHITECTURE.md): letters compare by the Vietnamese alphabet
//! a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y (other characters by code point after that),
//! ignoring case and tone first; only when two strings have the same letters do tones decide, in the
//! dictionary order ngang, huyền, hỏi, ngã, sắc, nặng (a à ả ã á ạ); then case (lower before upper).

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// NFC-normalises and trims text from any edge; inner runs of whitespace become one space.
pub fn clean(input: &str) -> String {
    let nfc: String = input.nfc().collect();
    nfc.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Like `clean`, but keeps line breaks (for multi-line fields such as legal bases).
pub fn clean_multiline(input: &str) -> String {
    input.nfc().collect::<String>().lines().map(clean).filter(|line| !line.is_empty()).collect::<Vec<_>>().join("\n")
}

/// The search key: lower case, no diacritics, đ → d, whitespace collapsed. "Đăng ký khai sinh" → "dang ky khai sinh".
pub fn fold(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    for c in input.nfd() {
        if is_combining_mark(c) {
            continue;
        }
        match c {
            'đ' | 'Đ' => out.push('d'),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// True when every word of `query` appears in `haystack_folded` (already folded with `fold`).
pub fn matches(haystack_folded: &str, query: &str) -> bool {
    fold(query).split(' ').filter(|w| !w.is_empty()).all(|word| haystack_folded.contains(word))
}

/// An integer the Vietnamese way, with a dot between thousands: 2051 → "2.051", -1234567 → "-1.234.567".
/// (The command line and the window print numbers the same way.)
pub fn group_int(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

const ALPHABET: &str = "aăâbcdđeêghiklmnoôơpqrstuưvxy";

/// The Vietnamese sort key of a string: compare keys bytewise to sort in Vietnamese alphabetical order.
pub fn sort_key(input: &str) -> Vec<u8> {
    let mut primary: Vec<u8> = Vec::new();
    let mut tones: Vec<u8> = Vec::new();
    let mut cases: Vec<u8> = Vec::new();
    for c in input.nfc() {
        let (base, tone) = split_tone(c);
        let lower: char = base.to_lowercase().next().unwrap_or(base);
        cases.push(if lower == base { 1 } else { 2 });
        match ALPHABET.chars().position(|a| a == lower) {
            // Letters sort after spaces, digits and punctuation, as in a dictionary.
            Some(rank) => primary.extend_from_slice(&[0x40, rank as u8 + 1]),
            None => primary.extend(code_point_key(lower)),
        }
        tones.push(tone);
    }
    let mut key = primary;
    key.push(0);
    key.extend(tones.iter().map(|t| t + 1));
    key.push(0);
    key.extend(cases);
    key
}

/// The sort key of each distinct string among `items`, computed once each (a list repeats a few field names many
/// times).
pub fn sort_keys<'a>(items: impl IntoIterator<Item = &'a str>) -> std::collections::HashMap<String, Vec<u8>> {
    let mut keys = std::collections::HashMap::new();
    for item in items {
        if !keys.contains_key(item) {
            keys.insert(item.to_string(), sort_key(item));
        }
    }
    keys
}

/// Splits a precomposed letter into its letter without tone (keeping ă â ê ô ơ ư đ) and its tone rank
/// (0 ngang, 1 huyền, 2 hỏi, 3 ngã, 4 sắc, 5 nặng).
fn split_tone(c: char) -> (char, u8) {
    if c.is_ascii() {
        return (c, 0);
    }
    let mut tone = 0;
    // A precomposed letter decomposes into its base and at most two marks (ệ: e, circumflex, dot below).
    let mut kept = ['\0'; 4];
    let mut n = 0;
    for part in c.nfd() {
        match part {
            '\u{0300}' => tone = 1,
            '\u{0309}' => tone = 2,
            '\u{0303}' => tone = 3,
            '\u{0301}' => tone = 4,
            '\u{0323}' => tone = 5,
            other if n < kept.len() => {
                kept[n] = other;
                n += 1;
            }
            _ => {}
        }
    }
    let base = kept[..n].iter().copied().nfc().next().unwrap_or(c);
    (base, tone)
}

fn code_point_key(c: char) -> Vec<u8> {
    let cp = c as u32;
    if cp < 0x40 {
        vec![cp as u8]
    } else {
        // Non-Vietnamese letters and symbols sort after the alphabet, by code point.
        let mut v = vec![0x41];
        v.extend_from_slice(&cp.to_be_bytes()[1..]);
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(words: &[&str]) -> Vec<String> {
        let mut v: Vec<String> = words.iter().map(|w| w.to_string()).collect();
        v.sort_by_key(|w| sort_key(w));
        v
    }

    #[test]
    fn fold_removes_tones_and_d_stroke() {
        assert_eq!(fold("Đăng ký  KHAI SINH"), "dang ky khai sinh");
        assert_eq!(fold("Hộ tịch"), "ho tich");
        // NFD input folds the same as NFC.
        assert_eq!(fold(&"Hộ tịch".nfd().collect::<String>()), "ho tich");
    }

    #[test]
    fn alphabet_order_puts_d_stroke_after_d_and_breves_after_a() {
        assert_eq!(
            sorted(&["Đất đai", "Dân tộc", "Ăn", "Bảo trợ", "An", "Âm"]),
            ["An", "Ăn", "Âm", "Bảo trợ", "Dân tộc", "Đất đai"]
        );
        assert_eq!(sorted(&["ơ", "o", "ô"]), ["o", "ô", "ơ"]);
        assert_eq!(sorted(&["ư", "v", "u"]), ["u", "ư", "v"]);
    }

    #[test]
    fn tones_decide_only_after_letters() {
        assert_eq!(sorted(&["ạ", "á", "ã", "ả", "à", "a"]), ["a", "à", "ả", "ã", "á", "ạ"]);
        // "mà" < "mai": letters first (m-a vs m-a-i), tones only break ties.
        assert_eq!(sorted(&["mai", "mà"]), ["mà", "mai"]);
    }

    #[test]
    fn clean_gives_nfc_and_trims() {
        let nfd: String = "  Chứng   thực ".nfd().collect();
        assert_eq!(clean(&nfd), "Chứng thực");
        assert_eq!(clean_multiline(" Luật A \n\n Nghị định B "), "Luật A\nNghị định B");
    }
}
