//! The one vocabulary the command line and the window share: the sentence of every error and finding code (with
//! its variants and the remedies each surface names its own way), the captions of stable column, record and table
//! names, and the names of the 12 figures of Biểu 06, which the printed form, the command line and the window all
//! read from here.
//!
//! Pure data: templates name their values as `{name}`, and each surface fills them (`cli/src/messages.rs`,
//! `ui/src/lib/messages.ts`). The window reads this module through `ui/src/lib/vocabulary.json`, which a test
//! writes from it and fails on when stale (`UPDATE_VOCABULARY=1 cargo test -p cchc-cli --test it tidy::` rewrites
//! it).

pub mod captions;
pub mod errors;
pub mod findings;

pub use captions::{
    FIGURES, Figure, Group, HEADERS, PLACE_PARTS, action_caption, column_caption, entity_caption,
    entity_column_caption, table_caption,
};
pub use errors::{ERROR_CODES, ErrorWords, error_words};
pub use findings::{Remedy, VARIANTS, Variant, When, finding_template, remedy, template_of};

/// How a drafted report marks what the register lacks and a person must enter or write: "[Cần bổ sung: …]". The
/// window finds these marks to ask before a report is issued with one left in it.
pub const FILL_IN_OPEN: &str = "[Cần bổ sung: ";
pub const FILL_IN_CLOSE: &str = "]";

/// A marked gap in a drafted report, saying what is missing and where to enter it.
pub fn fill_in(what: &str) -> String {
    format!("{FILL_IN_OPEN}{what}{FILL_IN_CLOSE}")
}

/// The names of a template's `{name}` placeholders, in order.
pub fn placeholders(template: &str) -> Vec<&str> {
    template.split('{').skip(1).filter_map(|rest| rest.split_once('}').map(|(name, _)| name)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::CaseFigures;

    /// The Biểu 06 sheet's headers (`transfer`) name each figure as the vocabulary does ("Nhận - Trực tuyến" for "Nhận:
    /// Trực tuyến"); only the carried-over column keeps the words of the sheet template officials already fill in.
    #[test]
    fn the_statistics_sheet_names_each_figure_as_the_vocabulary_does() {
        let mut differ = Vec::new();
        for f in super::FIGURES {
            let header = crate::transfer::stats_header(f.name);
            let expected = if f.name == "carried_over" {
                "Nhận - Kỳ trước chuyển sang".to_string()
            } else {
                f.column.replace(": ", " - ")
            };
            if header != expected {
                differ.push(format!("{}: sheet “{header}”, vocabulary “{expected}”", f.name));
            }
        }
        assert!(differ.is_empty(), "{}", differ.join("\n"));
    }

    #[test]
    fn the_figures_follow_the_register_order() {
        let names: Vec<&str> = CaseFigures::default().columns().iter().map(|(name, _)| *name).collect();
        let ours: Vec<&str> = FIGURES.iter().map(|f| f.name).collect();
        assert_eq!(ours, names);
    }

    /// A figure named alone reads as its group's short name, then its caption under that group ("Nhận: Trực tuyến").
    #[test]
    fn a_figure_named_alone_is_its_group_and_its_caption() {
        for f in FIGURES.iter().filter(|f| f.group != Group::Apology) {
            let group = f.column.split(": ").next().unwrap();
            assert_eq!(f.column, format!("{group}: {}", f.caption), "{}", f.name);
            assert!(f.group.caption().to_lowercase().contains(&group.to_lowercase()), "{}", f.name);
        }
    }

    #[test]
    fn every_variant_and_remedy_belongs_to_a_sentence_that_takes_it() {
        for v in VARIANTS {
            assert!(!v.template.contains("{remedy}"), "{}", v.name);
        }
        for code in [crate::model::FindingCode::IsoScopeEmpty, crate::model::FindingCode::SurveyNotSelfScored] {
            assert!(remedy(code).is_some() && finding_template(code).contains("{remedy}"), "{code:?}");
        }
    }

    /// The window fills an error's sentence with its count of errors only; the command line with the error's details.
    #[test]
    fn each_surface_s_error_sentences_name_only_what_it_fills() {
        for code in ERROR_CODES {
            let words = error_words(code);
            assert!(placeholders(words.window).iter().all(|p| *p == "errors"), "{code:?}: {}", words.window);
            let known = ["path", "what", "key", "detail", "errors", "remedy"];
            assert!(placeholders(words.command_line).iter().all(|p| known.contains(p)), "{code:?}");
        }
    }

    /// A header added to `Headers` must be named for the window too (`by_name` is written by hand).
    #[test]
    fn every_header_has_a_name_for_the_window() {
        let names = HEADERS.by_name();
        let debug = format!("{HEADERS:?}");
        assert_eq!(debug.matches(": \"").count(), names.len(), "{debug}");
        for (_, caption) in names {
            assert!(debug.contains(&format!("{caption:?}")), "{caption}");
        }
    }

    #[test]
    fn placeholders_are_read_in_order() {
        assert_eq!(placeholders("Tổng ({total}) khác ({sum})."), ["total", "sum"]);
    }
}
