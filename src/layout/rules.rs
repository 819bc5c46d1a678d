//! Every layout constant of the printed reports, each with the rule it follows (brief §6: Nghị định 30/2020/NĐ-CP,
//! Phụ lục I). Lengths in millimetres, font sizes in points. Nothing else in `layout` hard-codes a size.

/// A4 portrait, 210 × 297 mm ("khổ giấy A4").
pub const PAGE_WIDTH: f32 = 210.0;
pub const PAGE_HEIGHT: f32 = 297.0;

/// Margins: top 20–25 mm, bottom 20–25 mm, left 30–35 mm, right 15–20 mm ("định lề trang"). The lower bound of
/// each range leaves the most room for tables. Landscape pages keep the same margins on the same sides of the sheet
/// as it is read.
pub const MARGIN_TOP: f32 = 20.0;
pub const MARGIN_BOTTOM: f32 = 20.0;
pub const MARGIN_LEFT: f32 = 30.0;
pub const MARGIN_RIGHT: f32 = 15.0;

/// Body text 13–14 pt ("cỡ chữ từ 13 đến 14"); 14 is the common choice for reports.
pub const BODY_SIZE: f32 = 14.0;
/// Line spacing "from single to 1.5 lines": single spacing of Times New Roman is 1.15 em; we take 1.2.
pub const LINE_SPACING: f32 = 1.2;
/// At least 6 pt between paragraphs ("khoảng cách giữa các đoạn văn tối thiểu là 6pt").
pub const PARAGRAPH_SPACING_PT: f32 = 6.0;
/// First-line indent 1 cm or 1.27 cm ("lùi đầu dòng 1 cm hoặc 1,27 cm").
pub const FIRST_LINE_INDENT: f32 = 10.0;
/// The ascender of Liberation Serif (hhea 1825/2048 em): the distance from the top of a line box to its baseline.
pub const ASCENT_EM: f32 = 0.891;
/// How far the letters reach below the baseline: the hhea descender of Liberation Serif is 443/2048 em, and the bold
/// "g" reaches 452/2048 em (0.2207); a rule under text is measured from here.
pub const DESCENT_EM: f32 = 0.221;

/// Header, left column: the superior agency (upright) and the issuing agency (bold), 12–13 pt, UPPERCASE.
pub const AGENCY_SIZE: f32 = 13.0;
/// Where the header's right column starts, from the left margin (agency names and the number line on the left; the
/// Quốc hiệu, Tiêu ngữ and date on the right). The two columns share the text width; the left one is about two
/// fifths of it so that the national motto fits on one line on the right. The signature block takes the same right
/// column and "Nơi nhận" the left one.
pub const HEADER_LEFT_WIDTH: f32 = 68.0;
/// The clear space between the two columns: the left column's text wraps inside `HEADER_LEFT_WIDTH - COLUMN_GAP`,
/// so that a long agency name ("UBND THÀNH PHỐ HẢI DƯƠNG") never runs up to the Quốc hiệu and reads as one line
/// with it. The same gap separates "Nơi nhận" from the signature.
pub const COLUMN_GAP: f32 = 4.0;
/// The rule under the issuing agency is 1/3–1/2 as long as the name's line; we take 2/5.
pub const AGENCY_RULE_FRACTION: f32 = 0.4;
/// Header, right column: Quốc hiệu 12–13 pt bold UPPERCASE; 13 like the agency names, so the two columns' lines
/// share their baselines.
pub const MOTTO_SIZE: f32 = 13.0;
/// Tiêu ngữ "Độc lập - Tự do - Hạnh phúc" 13–14 pt bold, with a rule as long as the text under it.
pub const SLOGAN_SIZE: f32 = 13.0;
/// Clear space between the lowest point of a text's letters (its descent: the tail of "g", the dot of "Ọ") and the
/// rule under it (the agency name, the Tiêu ngữ, the trích yếu). The decree's samples draw the rule clearly below
/// the text, touching no letter.
pub const RULE_GAP: f32 = 1.5;
/// Thickness of the solid rules of the header and title ("đường kẻ ngang, nét liền").
pub const RULE_THICKNESS_PT: f32 = 0.5;
/// "Số: 05/BC-UBND": "Số" lower case 13 pt, number and symbol 13 pt, centred under the agency name.
pub const NUMBER_SIZE: f32 = 13.0;
/// Place and date line: 13–14 pt italic, on the level of the number line, centred under the tiêu ngữ.
pub const PLACE_DATE_SIZE: f32 = 14.0;
/// Space between the rules of the header and the number / place-date line.
pub const HEADER_GAP: f32 = 4.0;

/// Title: the type name (BÁO CÁO) UPPERCASE bold 13–14 pt, centred; the trích yếu below it bold 13–14 pt.
pub const TITLE_SIZE: f32 = 14.0;
/// Space above the title block.
pub const TITLE_GAP_ABOVE: f32 = 12.0;
/// The rule under the trích yếu is 1/3–1/2 as long as its line; we take 2/5.
pub const SUBJECT_RULE_FRACTION: f32 = 0.4;
/// Space after the title block (and after "Kính gửi").
pub const TITLE_GAP_BELOW: f32 = 6.0;
/// Width of the trích yếu's lines: narrower than the text so that a long subject makes a centred block.
pub const SUBJECT_WIDTH: f32 = 140.0;

/// "Kính gửi:" 13–14 pt upright; where the label starts, measured from the left margin.
pub const RECIPIENTS_INDENT: f32 = 25.0;

/// Headings: mục "I." UPPERCASE bold, khoản "1." bold, điểm "a)" upright; all at body size and indent.
pub const HEADING_SPACE_ABOVE_PT: f32 = 6.0;

/// Page numbers: Arabic numerals, 13–14 pt, upright, centred in the top margin, not on the first page.
pub const PAGE_NUMBER_SIZE: f32 = 13.0;
/// Baseline of the page number, from the top edge: the middle of the top margin.
pub const PAGE_NUMBER_BASELINE: f32 = 12.0;

/// Signature block: authority and title UPPERCASE bold 13–14 pt; the name bold 13–14 pt, centred under the title,
/// with room to sign and stamp between them.
pub const SIGNATURE_SIZE: f32 = 14.0;
pub const SIGNATURE_SPACE: f32 = 28.0;
/// Space between the last paragraph and the signature block.
pub const SIGNATURE_GAP_ABOVE: f32 = 6.0;
/// "Nơi nhận:" 12 pt bold italic at the left margin, level with the authority line; the list 11 pt upright.
pub const COPIES_LABEL_SIZE: f32 = 12.0;
pub const COPIES_SIZE: f32 = 11.0;

/// Appendices: "Phụ lục" + Roman numeral 14 pt bold; the name UPPERCASE bold 13–14 pt; the reference line italic.
pub const APPENDIX_LABEL_SIZE: f32 = 14.0;
pub const APPENDIX_NAME_SIZE: f32 = 14.0;
pub const APPENDIX_REFERENCE_SIZE: f32 = 13.0;

/// Tables: the decree sets no size for table text; 12 pt (11 pt on dense landscape forms) keeps them readable.
pub const TABLE_SIZE: f32 = 12.0;
pub const TABLE_SIZE_DENSE: f32 = 11.0;
/// Inner padding of a table cell.
pub const CELL_PADDING: f32 = 1.2;
/// Thickness of table borders.
pub const TABLE_RULE_PT: f32 = 0.5;

/// Charts: NĐ 30/2020 sets no rule for them; text sizes follow the tables', the plot is small enough to keep a chart
/// with the paragraph it illustrates.
pub const CHART_TITLE_SIZE: f32 = 13.0;
pub const CHART_LABEL_SIZE: f32 = 11.0;
pub const CHART_VALUE_SIZE: f32 = 9.0;
pub const CHART_PLOT_HEIGHT: f32 = 45.0;
/// Room at the left of the plot for the scale's labels ("100%").
pub const CHART_AXIS_WIDTH: f32 = 14.0;
/// Share of a group's width taken by its bars.
pub const CHART_BAR_SHARE: f32 = 0.6;
pub const CHART_GRID_PT: f32 = 0.3;
/// Height of the figures (Liberation Serif's digits are 0.688 em tall): a value's box when it is kept clear of
/// the grid lines and of the values beside it.
pub const CHART_DIGIT_EM: f32 = 0.7;
/// Clear space around a bar's value: from a grid line (broken there) and from the value beside it.
pub const CHART_TEXT_GAP: f32 = 0.6;
/// Space after a chart.
pub const CHART_GAP: f32 = 2.0;
/// Bars across: the labels' column takes this share of the width, each bar is this tall (millimetres).
pub const CHART_LABEL_SHARE: f32 = 0.42;
pub const CHART_BAR_THICKNESS: f32 = 4.2;
/// The sheet a figure drawn alone is laid out on: taller than any chart.
pub const FIGURE_SHEET_HEIGHT: f32 = 10_000.0;

/// Millimetres per point (1 pt = 1/72 inch).
pub const MM_PER_PT: f32 = 25.4 / 72.0;
/// A work copy's mark at the foot of each page: small italic in the bottom margin (not a part of the document).
pub const MARK_SIZE: f32 = 10.0;
pub const MARK_FROM_BOTTOM: f32 = 10.0;

/// Line height in millimetres of text of `size` points.
pub fn line_height(size: f32) -> f32 {
    size * LINE_SPACING * MM_PER_PT
}
