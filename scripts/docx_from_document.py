#!/usr/bin/env python3
"""Builds a .docx with the content of a cchc report, for the LibreOffice comparison in BENCHMARKS.md.

Input: the report's document as JSON (`cchc bench document --kind K --period P --out F.json`): the same blocks the
app lays out itself — header, title, recipients, headings, paragraphs, tables (with their header grids), the
signature block, appendices, landscape parts. Output: a Word file in the same layout conventions (A4, Times New
Roman, margins of Nghị định 30/2020, justified 14 pt body with first-line indent, repeated table header rows), as
an official would type it. The chart becomes a small table of its values (python-docx draws no charts).

Usage: docx_from_document.py DOCUMENT.json OUT.docx
"""
import json
import sys

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

ALIGN = {"Left": WD_ALIGN_PARAGRAPH.LEFT, "Center": WD_ALIGN_PARAGRAPH.CENTER,
         "Right": WD_ALIGN_PARAGRAPH.RIGHT, "Justify": WD_ALIGN_PARAGRAPH.JUSTIFY}


def setup(section, landscape):
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (Mm(297), Mm(210)) if landscape else (Mm(210), Mm(297))
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)


def para(doc_or_cell, text, size=14, bold=False, italic=False, align="Left", indent=False):
    p = doc_or_cell.add_paragraph()
    p.alignment = ALIGN[align]
    if indent:
        p.paragraph_format.first_line_indent = Mm(12.7)
    p.paragraph_format.space_after = Pt(6)
    for i, line in enumerate(text.split("\n")):
        if i:
            p.add_run().add_break()
        run = p.add_run(line)
        run.font.size, run.bold, run.italic = Pt(size), bold, italic
    return p


def repeat_header(row):
    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


def table(doc, t):
    cols = len(t["columns"])
    grid = doc.add_table(rows=t["header_rows"], cols=cols)
    grid.style = "Table Grid"
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell in t["header"]:
        target = grid.cell(cell["row"], cell["col"])
        end = grid.cell(cell["row"] + cell["rows"] - 1, cell["col"] + cell["cols"] - 1)
        if end is not target:
            target = target.merge(end)
        target.text = ""
        para(target, cell["text"], size=t["size"], bold=True, align="Center")
    for r in range(t["header_rows"]):
        repeat_header(grid.rows[r])
    for row in t["rows"]:
        cells = grid.add_row().cells
        col = 0
        for cell in row["cells"]:
            target = cells[col]
            if cell["span"] > 1:
                target = target.merge(cells[col + cell["span"] - 1])
            align = t["columns"][col]["align"]
            para(target, cell["text"], size=t["size"], bold=row["bold"], align=align)
            col += cell["span"]


def header(doc, h):
    grid = doc.add_table(rows=1, cols=2)
    left, right = grid.rows[0].cells
    para(left, h["superior"], size=13, align="Center")
    para(left, h["issuer"], size=13, bold=True, align="Center")
    para(left, h["number_line"], size=13, align="Center")
    para(right, h["motto"], size=13, bold=True, align="Center")
    para(right, h["slogan"], size=14, bold=True, align="Center")
    para(right, h["place_date"], size=14, italic=True, align="Center")


def closing(doc, c):
    if c.get("place_date"):
        para(doc, c["place_date"], italic=True, align="Right")
    grid = doc.add_table(rows=1, cols=2)
    left, right = grid.rows[0].cells
    para(left, c["copies_label"], size=12, bold=True, italic=True)
    para(left, "\n".join(c["copies"]), size=11)
    para(right, "\n".join(c["authority"]), size=14, bold=True, align="Center")
    para(right, "\n\n\n\n" + c["signer"], size=14, bold=True, align="Center")


def chart(doc, c):
    para(doc, c["title"], size=13, italic=True, align="Center")
    grid = doc.add_table(rows=1, cols=len(c["labels"]) + 1)
    grid.style = "Table Grid"
    for i, label in enumerate([""] + c["labels"]):
        grid.rows[0].cells[i].text = label
    for series in c["series"]:
        cells = grid.add_row().cells
        cells[0].text = series["name"]
        for i, v in enumerate(series["values"]):
            cells[i + 1].text = "" if v is None else f"{v:.1f}{c['unit']}".replace(".", ",")


def build(document, out):
    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(14)
    first = True
    for part in document["parts"]:
        landscape = part["orientation"] == "Landscape"
        section = doc.sections[0] if first else doc.add_section(WD_SECTION.NEW_PAGE)
        setup(section, landscape)
        first = False
        for block in part["blocks"]:
            (kind, value), = block.items() if isinstance(block, dict) else ((block, None),)
            if kind == "Header":
                header(doc, value)
            elif kind == "Title":
                para(doc, value["kind"], bold=True, align="Center")
                para(doc, value["subject"], bold=True, align="Center")
            elif kind == "Recipients":
                para(doc, "Kính gửi: " + "\n".join(value), align="Center")
            elif kind == "Heading":
                para(doc, value["text"], bold=True, italic=value["level"] == "Point", indent=True)
            elif kind == "Paragraph":
                para(doc, value, align="Justify", indent=True)
            elif kind == "Line":
                para(doc, value["text"], size=value["size"], bold="Bold" in value["style"],
                     italic="Italic" in value["style"], align=value["align"])
            elif kind == "Table":
                table(doc, value)
            elif kind == "Closing":
                closing(doc, value)
            elif kind == "AppendixTitle":
                para(doc, value["label"], bold=True, align="Center")
                para(doc, value["name"], bold=True, align="Center")
                para(doc, value["reference"], italic=True, align="Center")
            elif kind == "Chart":
                chart(doc, value)
            elif kind == "Space":
                doc.add_paragraph()
    doc.save(out)


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as f:
        build(json.load(f), sys.argv[2])
