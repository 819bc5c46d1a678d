//! Pages → PDF bytes with printpdf: the only module that imports printpdf (and lopdf, its object model).
//!
//! The bundled fonts are embedded as subsets (printpdf's `text_layout` feature) under fixed six-capital-letter ids,
//! so the subset tags are valid. Output is deterministic: the dates come from the caller's clock, the font ids are
//! fixed, the trailer /ID is the hash of the file written with a zero /ID, and printpdf's empty /GTS_PDFXVersion is
//! removed (it made readers claim PDF/X). `Fonts` also serves the layout's metrics, read with printpdf's own font parser and
//! truncated exactly as printpdf writes its /W widths, so justified lines end at the margin.

use crate::assets::FontFiles;
use crate::error::{Error, Result};
use crate::layout::{Item, Metrics, Page, Style, rules::MM_PER_PT};
use chrono::{DateTime, Utc};
use printpdf::{
    Color, FontId, Greyscale, Line, LinePoint, Mm, Op, PaintMode, ParsedFont, PdfDocument, PdfFont, PdfFontHandle,
    PdfPage, PdfSaveOptions, Point, Pt, Rect, TextItem, TextMatrix,
};
use sha2::{Digest, Sha256};
use unicode_normalization::UnicodeNormalization;

/// The report font in its four styles, parsed once, with the advance widths of the Vietnamese and Latin letters
/// and punctuation read ahead (layout measures every character of every line several times).
pub struct Fonts {
    faces: [ParsedFont; 4],
    /// Advance per style for the characters of `TABLE_RANGES`, in order; `u16::MAX` where the font has no glyph.
    table: [Vec<u16>; 4],
}

/// Characters whose advances are read ahead: Basic Latin to Latin Extended-B, combining marks, Latin Extended
/// Additional (the precomposed Vietnamese letters) and general punctuation (dashes, quotes, the ellipsis).
const TABLE_RANGES: [(u32, u32); 4] = [(0x0000, 0x0250), (0x0300, 0x0370), (0x1E00, 0x1F00), (0x2000, 0x2070)];
const NO_GLYPH: u16 = u16::MAX;

fn table_slot(c: char) -> Option<usize> {
    let code = c as u32;
    let mut offset = 0;
    for (start, end) in TABLE_RANGES {
        if (start..end).contains(&code) {
            return Some(offset + (code - start) as usize);
        }
        offset += (end - start) as usize;
    }
    None
}

/// Fixed font resource ids: printpdf builds the subset tag from the first six letters, which must be capitals.
const FONT_IDS: [&str; 4] = ["CCHCRG", "CCHCBD", "CCHCIT", "CCHCBI"];

fn index(style: Style) -> usize {
    match style {
        Style::Regular => 0,
        Style::Bold => 1,
        Style::Italic => 2,
        Style::BoldItalic => 3,
    }
}

impl Fonts {
    /// Parses the bundled font files.
    pub fn load(files: &FontFiles) -> Result<Fonts> {
        let parse = |bytes: &[u8], name: &str| {
            let mut warnings = Vec::new();
            ParsedFont::from_bytes(bytes, 0, &mut warnings)
                .ok_or_else(|| Error::Storage(format!("the bundled font {name} cannot be read")))
        };
        let faces = [
            parse(&files.regular, "regular")?,
            parse(&files.bold, "bold")?,
            parse(&files.italic, "italic")?,
            parse(&files.bold_italic, "bold italic")?,
        ];
        let table = std::array::from_fn(|i| {
            TABLE_RANGES
                .iter()
                .flat_map(|(start, end)| *start..*end)
                .map(|code| char::from_u32(code).and_then(|c| read_advance(&faces[i], c)).unwrap_or(NO_GLYPH))
                .collect()
        });
        Ok(Fonts { faces, table })
    }
}

impl Metrics for Fonts {
    fn advance(&self, style: Style, c: char) -> Option<u16> {
        let i = index(style);
        match table_slot(c) {
            Some(slot) => Some(self.table[i][slot]).filter(|&a| a != NO_GLYPH),
            None => read_advance(&self.faces[i], c),
        }
    }
}

/// A character's advance as printpdf writes it in /W, or `None` when the font has no glyph for it.
fn read_advance(face: &ParsedFont, c: char) -> Option<u16> {
    let gid = face.lookup_glyph_index(c as u32).filter(|&g| g != 0)?;
    // The hmtx advance, the very value printpdf's decoded glyph carries, without decoding the outline (reading
    // the table ahead this way keeps the first print of a process quick).
    let advance = face.get_horizontal_advance(gid);
    // The same arithmetic as printpdf's /W entries (`get_normalized_widths_ttf`): scaled to 1000 and truncated.
    let scale = 1000.0 / face.pdf_font_metrics.units_per_em as f32;
    Some((advance as f32 * scale) as u16)
}

/// The document information dictionary.
#[derive(Debug, Clone)]
pub struct Info {
    pub title: String,
    pub author: String,
    pub subject: String,
    /// Creation and modification date: the caller's clock, never the machine's.
    pub created: DateTime<Utc>,
}

/// Writes the pages as a PDF.
pub fn write(pages: &[Page], fonts: &Fonts, info: &Info) -> Result<Vec<u8>> {
    let mut doc = PdfDocument::new(&nfc(&info.title));
    let date = printpdf::OffsetDateTime::from_unix_timestamp(info.created.timestamp())
        .map_err(|e| Error::Storage(format!("bad document date: {e}")))?;
    let meta = &mut doc.metadata.info;
    meta.creation_date = date;
    meta.modification_date = date;
    meta.metadata_date = date;
    meta.author = nfc(&info.author).into_owned();
    meta.subject = nfc(&info.subject).into_owned();
    meta.creator = "cchc".into();
    meta.producer = "cchc".into();
    for (face, id) in fonts.faces.iter().zip(FONT_IDS) {
        doc.resources.fonts.map.insert(FontId(id.into()), PdfFont::new(face.clone()));
    }
    let pdf_pages = pages.iter().map(page_ops).collect();
    doc.with_pages(pdf_pages);
    // Streams are compressed below at a faster level than printpdf's (lopdf's `Compression::best`).
    let options = PdfSaveOptions { optimize: false, subset_fonts: true, secure: true, image_optimization: None };
    let mut warnings = Vec::new();
    let mut lo = doc.to_lopdf_document(&options, &mut warnings);
    compress(&mut lo)?;
    if let Ok(info_ref) = lo.trailer.get(b"Info").and_then(|o| o.as_reference())
        && let Ok(dict) = lo.get_object_mut(info_ref).and_then(|o| o.as_dict_mut())
    {
        dict.remove(b"GTS_PDFXVersion");
    }
    // The file identifier is the hash of the file itself, written first with a zero identifier of the same
    // length: the same pages, fonts and clock give the same bytes.
    let zero = lopdf::Object::String(vec![0; ID_LEN], lopdf::StringFormat::Hexadecimal);
    lo.trailer.set("ID", lopdf::Object::Array(vec![zero.clone(), zero]));
    let mut bytes = Vec::new();
    lo.save_to(&mut bytes).map_err(|e| Error::Storage(format!("cannot write the PDF: {e}")))?;
    set_file_id(&mut bytes)?;
    Ok(bytes)
}

/// Bytes of the trailer's /ID strings.
const ID_LEN: usize = 16;

/// Writes the hash of the file into the two zero /ID strings of its trailer, the last of their kind in the file.
fn set_file_id(bytes: &mut [u8]) -> Result<()> {
    let zero = format!("<{}>", "0".repeat(2 * ID_LEN));
    let hash = Sha256::digest(&*bytes);
    let id: String = hash[..ID_LEN].iter().map(|b| format!("{b:02X}")).collect();
    let mut end = bytes.len();
    for _ in 0..2 {
        let at = bytes[..end]
            .windows(zero.len())
            .rposition(|w| w == zero.as_bytes())
            .ok_or_else(|| Error::Storage("the PDF trailer has no /ID".into()))?;
        bytes[at + 1..at + 1 + 2 * ID_LEN].copy_from_slice(id.as_bytes());
        end = at;
    }
    Ok(())
}

/// The zlib level of the PDF's streams. Level 9 (printpdf's own) took a quarter of a report's time; at level 3 the
/// generated year report of BENCHMARKS.md is 114 KB, against 113 KB at level 9, in a fraction of the time.
const STREAM_COMPRESSION: u32 = 3;

/// Compresses every stream that may be compressed and is not yet (FlateDecode), keeping a stream as it is when
/// compressing would not make it smaller.
fn compress(doc: &mut lopdf::Document) -> Result<()> {
    use std::io::Write;
    // One encoder for every stream: setting one up costs more than compressing a page.
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::new(STREAM_COMPRESSION));
    for object in doc.objects.values_mut() {
        let lopdf::Object::Stream(stream) = object else { continue };
        if !stream.allows_compression || stream.dict.get(b"Filter").is_ok() {
            continue;
        }
        // `reset` finishes this stream and hands back its bytes.
        let compressed = encoder
            .write_all(&stream.content)
            .and_then(|()| encoder.reset(Vec::new()))
            .map_err(|e| Error::Storage(format!("cannot compress the PDF: {e}")))?;
        if compressed.len() + 19 < stream.content.len() {
            stream.dict.set("Filter", "FlateDecode");
            stream.set_content(compressed);
        }
    }
    Ok(())
}

/// Text in NFC; the layout already gives NFC text, so the quick check mostly spares composing it again.
fn nfc(text: &str) -> std::borrow::Cow<'_, str> {
    match unicode_normalization::is_nfc_quick(text.chars()) {
        unicode_normalization::IsNormalized::Yes => std::borrow::Cow::Borrowed(text),
        _ => std::borrow::Cow::Owned(text.nfc().collect()),
    }
}

fn pt(mm: f32) -> Pt {
    Pt(mm / MM_PER_PT)
}

/// One page's drawing operations; layout coordinates (from the top) become PDF coordinates (from the bottom).
fn page_ops(page: &Page) -> PdfPage {
    let mut ops = Vec::new();
    let flip = |y: f32| pt(page.height - y);
    let mut thickness = None;
    // Rules and shaded boxes first, then all the text in one text section on top of them, the font set only
    // when it changes: fewer operators to translate and write than a section per run.
    for item in &page.items {
        match item {
            Item::Text(_) => {}
            Item::Rule(rule) => {
                if thickness != Some(rule.thickness_pt) {
                    ops.push(Op::SetOutlineThickness { pt: Pt(rule.thickness_pt) });
                    thickness = Some(rule.thickness_pt);
                }
                let point = |x: f32, y: f32| LinePoint { p: Point { x: pt(x), y: flip(y) }, bezier: false };
                ops.push(Op::DrawLine {
                    line: Line { points: vec![point(rule.x1, rule.y1), point(rule.x2, rule.y2)], is_closed: false },
                });
            }
            Item::Box(b) => {
                ops.push(Op::SetFillColor { col: Color::Greyscale(Greyscale::new(b.gray, None)) });
                ops.push(Op::DrawRectangle {
                    rectangle: Rect {
                        x: pt(b.x),
                        y: flip(b.y + b.height),
                        width: pt(b.width),
                        height: pt(b.height),
                        mode: Some(PaintMode::Fill),
                        winding_order: None,
                    },
                });
                // Text after the box is black again.
                ops.push(Op::SetFillColor { col: Color::Greyscale(Greyscale::new(0.0, None)) });
            }
        }
    }
    let mut font = None;
    for item in &page.items {
        let Item::Text(run) = item else { continue };
        if font.is_none() {
            ops.push(Op::StartTextSection);
        }
        let wanted = (index(run.style), run.size.to_bits());
        if font != Some(wanted) {
            let handle = PdfFontHandle::External(FontId(FONT_IDS[wanted.0].into()));
            ops.push(Op::SetFont { font: handle, size: Pt(run.size) });
            font = Some(wanted);
        }
        ops.push(Op::SetTextMatrix { matrix: TextMatrix::Translate(pt(run.x), flip(run.baseline)) });
        ops.push(Op::ShowText { items: text_items(&nfc(&run.text), run.space_extra, run.size) });
    }
    if font.is_some() {
        ops.push(Op::EndTextSection);
    }
    PdfPage::new(Mm(page.width), Mm(page.height), ops)
}

/// Text with the justification put into the spaces as TJ offsets: word spacing (Tw) does not apply to two-byte
/// (Identity-H) fonts. Offsets are in thousandths of an em; negative moves right.
fn text_items(text: &str, space_extra_mm: f32, size: f32) -> Vec<TextItem> {
    if space_extra_mm <= 0.0 {
        return vec![TextItem::Text(text.to_string())];
    }
    let offset = -(space_extra_mm / MM_PER_PT) * 1000.0 / size;
    // Each word with the space after it, then the extra space: half the items of a word and a space apart.
    let mut items = Vec::new();
    let mut words = text.split(' ').peekable();
    while let Some(word) = words.next() {
        if words.peek().is_some() {
            items.push(TextItem::Text(format!("{word} ")));
            items.push(TextItem::Offset(offset));
        } else if !word.is_empty() {
            items.push(TextItem::Text(word.to_string()));
        }
    }
    items
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::Metrics;

    /// The layout measures with the advances printpdf writes in /W (from the decoded glyph); a difference would
    /// make justified lines end off the margin in the PDF.
    #[test]
    fn layout_advances_are_the_widths_printpdf_writes() {
        let fonts = Fonts::load(&crate::Assets::bundled().fonts).unwrap();
        let letters = "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ";
        let text: String = letters.chars().chain(letters.to_uppercase().chars()).chain(' '..='~').collect();
        let mut checked = 0;
        for style in [Style::Regular, Style::Bold, Style::Italic, Style::BoldItalic] {
            let face = &fonts.faces[index(style)];
            let scale = 1000.0 / face.pdf_font_metrics.units_per_em as f32;
            for c in text.chars() {
                let gid = face.lookup_glyph_index(c as u32).filter(|&g| g != 0).expect("every letter has a glyph");
                let decoded = face.get_or_decode_glyph(gid).unwrap().horz_advance;
                assert_eq!(fonts.advance(style, c), Some((decoded as f32 * scale) as u16), "{c:?} in {style:?}");
                checked += 1;
            }
        }
        assert_eq!(checked, 4 * text.chars().count());
    }
}
