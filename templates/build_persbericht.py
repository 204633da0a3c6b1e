"""The press release template (persbericht.docx): sender, headline, body, note and boilerplate."""

from __future__ import annotations

from typing import Any

from docx.document import Document as DocxDocument
from template_parts import (
    StyleSpec,
    add_body_loop,
    add_logo_or_name,
    add_page_number,
    add_rich_text,
    add_styles,
    blank_line_pt,
    common_specs,
    control,
    new_document,
    text_width_twips,
)

SENDER_LINE = (
    "{{ sender.name }} · {{ sender.street_line }} · {{ sender.postcode_city }}"
    " · {{ sender.website }}"
)


def _specs(manifest: dict[str, Any]) -> list[StyleSpec]:
    layout = manifest["layout"]
    size = manifest["font_size_pt"]
    blank = blank_line_pt(size)
    return [
        *common_specs(size, text_width_twips(layout)),
        StyleSpec("Persbericht-afzender", size_pt=14, bold=True, after_pt=12, keep_with_next=True),
        StyleSpec(
            "Persbericht-kop",
            size_pt=20,
            bold=True,
            letter_spacing_pt=2,
            after_pt=6,
            line_multiple=1.0,
            border="bottom",
            keep_with_next=True,
        ),
        # The headline is the document's heading (outline level 1: /H1 in the tagged PDF).
        StyleSpec(
            "Persbericht-titel",
            size_pt=16,
            bold=True,
            before_pt=12,
            after_pt=12,
            line_multiple=1.0,
            keep_with_next=True,
            next_style="Brieftekst",
            outline_level=0,
        ),
        StyleSpec("Einde-persbericht", after_pt=2 * blank),
        # Section titles after the release: level 2 (/H2).
        StyleSpec(
            "Noot-kop",
            bold=True,
            after_pt=2,
            border="top",
            keep_with_next=True,
            outline_level=1,
        ),
        StyleSpec("Noot", after_pt=blank),
        StyleSpec(
            "Over-kop", bold=True, before_pt=blank, after_pt=2, keep_with_next=True, outline_level=1
        ),
        StyleSpec("Over"),
    ]


def _footers(doc: DocxDocument) -> None:
    """The sender in the footer of every page; the page number from page 2 on only."""
    section = doc.sections[0]
    section.different_first_page_header_footer = True
    first = section.first_page_footer
    first.is_linked_to_previous = False
    first.paragraphs[0].style = "Voettekst"
    first.paragraphs[0].add_run(SENDER_LINE)
    footer = section.footer
    footer.is_linked_to_previous = False
    line = footer.paragraphs[0]
    line.style = "Voettekst"
    line.add_run(SENDER_LINE)
    add_page_number(line, "\tpagina ")


def build_persbericht(manifest: dict[str, Any]) -> DocxDocument:
    doc = new_document(manifest)
    add_styles(doc, manifest["font"], _specs(manifest))
    add_rich_text(doc)
    _footers(doc)

    add_logo_or_name(doc, doc.part, "Persbericht-afzender", None)
    doc.add_paragraph("PERSBERICHT", style="Persbericht-kop")
    doc.add_paragraph("{{ letter.subject }}", style="Persbericht-titel")
    # The dateline opens the first paragraph; it stands alone when the body opens otherwise.
    control(doc, '{%p if not body or body[0].type != "paragraph" %}')
    doc.add_paragraph("{{ letter.dateline }}", style="Brieftekst")
    control(doc, "{%p endif %}")
    add_body_loop(doc, dateline_first=True, keep_last=False)
    doc.add_paragraph("einde persbericht", style="Einde-persbericht")
    doc.add_paragraph("Noot voor de redactie (niet voor publicatie)", style="Noot-kop")
    doc.add_paragraph(
        "Voor meer informatie: {{ contact.name }}"
        "{% if contact.role %}, {{ contact.role }}{% endif %}"
        "{% if contact.phone %}, telefoon {{ contact.phone }}{% endif %}"
        "{% if contact.email %}, e-mail {{ contact.email }}{% endif %}.",
        style="Noot",
    )
    control(doc, "{%p if sender.about %}")
    doc.add_paragraph("{{ sender.about_title }}", style="Over-kop")
    doc.add_paragraph("{{ sender.about }}", style="Over")
    control(doc, "{%p endif %}")
    return doc
