"""The letter template (brief.docx): letterhead, window-envelope address, reference line, body.

The whole letter repeats once per entry of `recipients`; every copy is its own section, so it
starts on a new page with the letterhead and its page numbers start at 1.
"""

from __future__ import annotations

import copy
from typing import Any

from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from template_parts import (
    DARK_GREY,
    EN_DASH,
    GREY,
    LETTERHEAD_DETAILS_PT,
    LETTERHEAD_NAME_PT,
    SIGNATURE_SPACE_PT,
    StyleSpec,
    add_body_loop,
    add_listing,
    add_logo_or_name,
    add_page_number,
    add_rich_text,
    add_styles,
    blank_line_pt,
    common_specs,
    control,
    field,
    keeping_variants,
    new_document,
    text_width_twips,
    twips,
)

# Styles of the paragraphs that make up the address window (a Word frame on the page).
ADDRESS_STYLES = ("Retourregel", "Adresblok")
# The running header says "pagina 2 van 3" (NUMPAGES) for a letter to one addressee. With
# several addressees every copy is a section numbered from 1 and the total is SECTIONPAGES, which
# Word computes; LibreOffice 7.4 does not (it prints the stored "1"), so the PDF is made of the
# copies one by one, each rendered with one recipient (composer/render/pdf/copies.py).
ONE_COPY = "{%r if recipients|length == 1 %}"


def check_brief_layout(layout: dict[str, Any]) -> None:
    text_right = layout["page_width_mm"] - layout["margin_right_mm"]
    letterhead_pt = LETTERHEAD_NAME_PT[1] + 2 * LETTERHEAD_DETAILS_PT[1]
    problems = []
    if layout["header_distance_mm"] + letterhead_pt * 25.4 / 72 > layout["margin_top_mm"]:
        problems.append("the letterhead does not fit between header_distance_mm and margin_top_mm")
    if layout["address_top_mm"] <= layout["margin_top_mm"]:
        problems.append("address_top_mm must lie below margin_top_mm")
    if layout["address_left_mm"] + layout["address_width_mm"] > text_right:
        problems.append("the address window runs past the right margin")
    if sum(layout["reference_columns_mm"]) > text_right - layout["margin_left_mm"] + 0.01:
        problems.append("reference_columns_mm are wider than the text")
    if problems:
        raise ValueError("brief.json layout: " + "; ".join(problems))


def frame_properties(layout: dict[str, Any]) -> Any:
    """`w:framePr` placing a paragraph in the envelope window, measured from the page edge."""
    frame = OxmlElement("w:framePr")
    for name, value in (
        ("w", twips(layout["address_width_mm"])),
        ("h", twips(layout["address_height_mm"])),
        ("hRule", "exact"),
        ("wrap", "notBeside"),
        ("vAnchor", "page"),
        ("hAnchor", "page"),
        ("x", twips(layout["address_left_mm"])),
        ("y", twips(layout["address_top_mm"])),
    ):
        frame.set(qn(f"w:{name}"), str(value))
    return frame


def _framed(paragraph: Paragraph, layout: dict[str, Any]) -> None:
    # framePr follows pStyle, keepNext, keepLines and pageBreakBefore; only pStyle is set here.
    paragraph._p.get_or_add_pPr().pStyle.addnext(frame_properties(layout))


def _specs(manifest: dict[str, Any]) -> list[StyleSpec]:
    layout = manifest["layout"]
    size = manifest["font_size_pt"]
    blank = blank_line_pt(size)
    name_pt, details_pt = LETTERHEAD_NAME_PT, LETTERHEAD_DETAILS_PT
    columns = layout["reference_columns_mm"]
    tabs = tuple(twips(sum(columns[:i])) for i in range(1, len(columns)))
    common = common_specs(size, text_width_twips(layout))
    body_styles = {"Brieftekst", "Servicebelofte", "Citaat", "Citaatbron"}
    return [
        *[variant for spec in common for variant in _kept(spec, body_styles)],
        StyleSpec(
            "Briefhoofd", size_pt=name_pt[0], bold=True, exact_line_twips=round(name_pt[1] * 20)
        ),
        # The logo's line grows with the picture (an exact height would cut it off).
        StyleSpec("Briefhoofd-logo", line_multiple=1.0, after_pt=2),
        StyleSpec(
            "Briefhoofd-gegevens",
            size_pt=details_pt[0],
            color=GREY,
            exact_line_twips=round(details_pt[1] * 20),
        ),
        StyleSpec("Vervolgkop", size_pt=8, color=GREY, line_multiple=1.0),
        StyleSpec(
            "Adresvenster-afstand",
            size_pt=2,
            exact_line_twips=twips(layout["address_top_mm"] - layout["margin_top_mm"]),
        ),
        StyleSpec("Retourregel", size_pt=7, color=DARK_GREY, after_pt=4, line_multiple=1.0),
        StyleSpec("Adresblok", italic=False, underline=False, line_multiple=1.0),
        StyleSpec(
            "Kenmerkregel-afstand", size_pt=2, exact_line_twips=twips(layout["reference_gap_mm"])
        ),
        StyleSpec(
            "Kenmerkregel-label",
            size_pt=8,
            color=GREY,
            after_pt=1,
            line_multiple=1.0,
            left_tabs_twips=tabs,
            keep_with_next=True,
        ),
        StyleSpec("Kenmerkregel", line_multiple=1.0, left_tabs_twips=tabs),
        StyleSpec("Betreft", before_pt=blank, after_pt=2 * blank, keep_with_next=True),
        StyleSpec("Aanhef", after_pt=blank, next_style="Brieftekst"),
        StyleSpec("Slotformule", keep_with_next=True, keep_together=True),
        StyleSpec("Ondertekening-organisatie", keep_with_next=True),
        StyleSpec("Ondertekening", before_pt=SIGNATURE_SPACE_PT, keep_with_next=True),
        StyleSpec("Ondertekening-functie"),
        StyleSpec("Bijlagen-kop", before_pt=2 * blank, keep_with_next=True),
        StyleSpec("Bijlagen"),
        StyleSpec("Kopie-kop", before_pt=blank, keep_with_next=True),
        StyleSpec("Kopie"),
        StyleSpec("Verzendlijst-kop", before_pt=blank, keep_with_next=True),
        StyleSpec("Verzendlijst"),
        StyleSpec("Registratieregel", size_pt=8, color=GREY, line_multiple=1.0),
        # Carries the section break between two copies; as small as a paragraph can be.
        StyleSpec("Kopie-einde", size_pt=1, exact_line_twips=20),
    ]


def _kept(spec: StyleSpec, body_styles: set[str]) -> list[StyleSpec]:
    return keeping_variants(spec) if spec.name in body_styles else [spec]


def _headers_and_footers(doc: DocxDocument) -> None:
    section = doc.sections[0]
    section.different_first_page_header_footer = True
    letterhead = section.first_page_header
    letterhead.is_linked_to_previous = False
    add_logo_or_name(
        letterhead, letterhead.part, "Briefhoofd", letterhead.paragraphs[0], "Briefhoofd-logo"
    )
    letterhead.add_paragraph(
        "{{ sender.street_line }} · {{ sender.postcode_city }}", style="Briefhoofd-gegevens"
    )
    letterhead.add_paragraph(
        "{{ sender.phone }} · {{ sender.email }} · {{ sender.website }}",
        style="Briefhoofd-gegevens",
    )

    follow = section.header
    follow.is_linked_to_previous = False
    running = follow.paragraphs[0]
    running.style = "Vervolgkop"
    add_page_number(
        running,
        "{{ letter.date }} · {% if letter.our_reference %}Ons kenmerk "
        "{{ letter.our_reference }} · {% endif %}pagina ",
        total=None,
    )
    running.add_run(ONE_COPY)
    running.add_run(" van ")
    running._p.append(field("NUMPAGES"))
    running.add_run("{%r else %}")
    running.add_run(" van ")
    running._p.append(field("SECTIONPAGES"))
    running.add_run("{%r endif %}")

    # Handelsregisterwet art. 27: KvK number (and IBAN, btw) on the first page, when filled in.
    registration = section.first_page_footer
    registration.is_linked_to_previous = False
    registration.paragraphs[0].style = "Registratieregel"
    registration.paragraphs[0].add_run("{{ sender.registration_line }}")
    follow_footer = section.footer
    follow_footer.is_linked_to_previous = False
    follow_footer.paragraphs[0].style = "Registratieregel"


def _address_window(doc: DocxDocument, layout: dict[str, Any]) -> None:
    # An exact-height spacer from the top margin down to the window; the window itself is a
    # frame placed on the page (not in the text flow), so the margins cannot move it. Text that
    # follows would overlap the frame and is pushed below it (wrap "notBeside").
    doc.add_paragraph(style="Adresvenster-afstand")
    _framed(doc.add_paragraph("{{ sender.return_line }}", style="Retourregel"), layout)
    _framed(doc.add_paragraph("{{ recipient.address_block }}", style="Adresblok"), layout)


def _reference_line(doc: DocxDocument) -> None:
    doc.add_paragraph(style="Kenmerkregel-afstand")
    doc.add_paragraph("Ons kenmerk\tUw kenmerk\tDatum", style="Kenmerkregel-label")
    doc.add_paragraph(
        '{{ letter.our_reference or "'
        + EN_DASH
        + '" }}\t{{ letter.your_reference or "'
        + EN_DASH
        + '" }}\t{{ letter.date }}',
        style="Kenmerkregel",
    )


def _closing(doc: DocxDocument) -> None:
    doc.add_paragraph("{{ letter.closing }}", style="Slotformule")
    control(doc, "{%p if letter.signature_organisation %}")
    doc.add_paragraph("{{ letter.signature_organisation }}", style="Ondertekening-organisatie")
    control(doc, "{%p endif %}")
    control(doc, "{%p for signatory in signatories %}")
    doc.add_paragraph("{{ signatory.name }}", style="Ondertekening")
    control(doc, "{%p if signatory.role %}")
    doc.add_paragraph("{{ signatory.role }}", style="Ondertekening-functie")
    control(doc, "{%p endif %}")
    control(doc, "{%p endfor %}")


def _section_breaks(doc: DocxDocument) -> None:
    """Every copy restarts page numbering; all but the last end in a section break."""
    final = doc.element.body.get_or_add_sectPr()
    kind = OxmlElement("w:type")
    kind.set(qn("w:val"), "nextPage")
    final.insert_element_before(
        kind, "w:pgSz", "w:pgMar", "w:paperSrc", "w:pgBorders", "w:lnNumType", "w:pgNumType"
    )
    numbering = OxmlElement("w:pgNumType")
    numbering.set(qn("w:start"), "1")
    final.insert_element_before(
        numbering, "w:cols", "w:formProt", "w:vAlign", "w:noEndnote", "w:titlePg", "w:docGrid"
    )
    control(doc, "{%p if not loop.last %}")
    brk = doc.add_paragraph(style="Kopie-einde")
    brk._p.get_or_add_pPr().append(copy.deepcopy(final))
    control(doc, "{%p endif %}")


def build_brief(manifest: dict[str, Any]) -> DocxDocument:
    layout = manifest["layout"]
    check_brief_layout(layout)
    doc = new_document(manifest)
    add_styles(doc, manifest["font"], _specs(manifest))
    add_rich_text(doc)
    _headers_and_footers(doc)

    control(doc, "{%p for recipient in recipients %}")
    _address_window(doc, layout)
    _reference_line(doc)
    subject = doc.add_paragraph(style="Betreft")
    subject.add_run("Betreft: ").bold = True
    subject.add_run("{{ letter.subject }}")
    doc.add_paragraph("{{ recipient.salutation }}", style="Aanhef")
    add_body_loop(doc, dateline_first=False, keep_last=True)
    _closing(doc)
    add_listing(doc, "attachments", "{{ attachments_label }}:", "Bijlagen")
    add_listing(doc, "copies", "{{ copies_label }}:", "Kopie")
    add_listing(doc, "distribution", "Verzendlijst:", "Verzendlijst")
    _section_breaks(doc)
    control(doc, "{%p endfor %}")
    return doc
