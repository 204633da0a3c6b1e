"""Bold, italic, underline, lists and headings in the DOCX, read back from its XML.

A letter file (`composer-letter/2` text) with marked words, a bullet list, two numbered lists and
a heading goes through the renderer; the tests read word/document.xml, numbering.xml and
styles.xml as Word would: named character styles on the runs, real list numbering, Heading 2.
"""

from __future__ import annotations

import copy
import io
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from composer.core.catalogues import load_profile, load_promises
from composer.core.letterfile import loads_letter
from composer.errors import ComposerError
from composer.render.compiled import CompiledTemplate
from composer.render.context import RenderInputs, build_context
from composer.render.docx import render_docx
from composer.render.lint import blocking, check_template
from composer.render.rich_runs import wordml_runs

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "resources" / "samples"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
HOSTILE = "Kosten & baten <samen> \"echt\" 'zo' {{ x }} {% if %} 😀"

BODY: list[dict[str, Any]] = [
    {
        "type": "paragraph",
        "runs": [
            {"text": "Wij vragen u "},
            {"text": "vandaag", "bold": True},
            {"text": " nog "},
            {"text": "zorgvuldig", "italic": True},
            {"text": " te "},
            {"text": "reageren", "underline": True},
            {"text": ", "},
            {"text": "echt", "bold": True, "italic": True, "underline": True},
            {"text": "."},
        ],
    },
    {"type": "heading", "text": "Wat wij vragen & waarom"},
    {
        "type": "list",
        "style": "bullet",
        "items": [
            {"text": "een gesprek met beide partijen"},
            {
                "runs": [
                    {"text": "een "},
                    {"text": "onafhankelijke", "bold": True},
                    {"text": " blik"},
                ]
            },
        ],
    },
    {"type": "paragraph", "text": "Wij stellen twee stappen voor."},
    {"type": "list", "style": "number", "items": [{"text": "eerste"}, {"text": "tweede"}]},
    {"type": "paragraph", "text": "En daarna nog twee."},
    {
        "type": "list",
        "style": "number",
        "items": [{"text": "verkennen"}, {"text": "onderhandelen"}, {"text": HOSTILE}],
    },
    {"type": "paragraph", "runs": [{"text": "Regel een\nregel\ttwee", "italic": True}]},
]


def letter_text(kind: str = "brief", body: list[dict[str, Any]] | None = None, **more: Any) -> str:
    """A letter file as text: the sample letter (or press release) with this body."""
    name = "brief-cao-onderhandelaars" if kind == "brief" else "persbericht-handreiking-cao"
    data = json.loads((SAMPLES / f"{name}.json").read_text(encoding="utf-8"))
    data["body"] = copy.deepcopy(BODY if body is None else body)
    data.update(more)
    return json.dumps(data, ensure_ascii=False)


class Docx:
    """The rendered package's document, numbering and styles."""

    def __init__(self, data: bytes) -> None:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            self.document = etree.fromstring(archive.read("word/document.xml"))
            self.numbering = etree.fromstring(archive.read("word/numbering.xml"))
            self.styles = etree.fromstring(archive.read("word/styles.xml"))

    def paragraphs(self, style: str | None = None) -> list[etree._Element]:
        found = self.document.xpath("//w:body//w:p", namespaces=NS)
        if style is None:
            return found
        return [p for p in found if self.style_of(p) == style]

    @staticmethod
    def style_of(paragraph: etree._Element) -> str | None:
        values = paragraph.xpath("w:pPr/w:pStyle/@w:val", namespaces=NS)
        return values[0] if values else None

    @staticmethod
    def text(element: etree._Element) -> str:
        parts = []
        for node in element.iter(f"{{{W}}}t", f"{{{W}}}br", f"{{{W}}}tab"):
            local = etree.QName(node).localname
            parts.append(node.text or "" if local == "t" else "\n" if local == "br" else "\t")
        return "".join(parts)

    def paragraph_with(self, text: str) -> etree._Element:
        (found,) = [p for p in self.paragraphs() if text in self.text(p)]
        return found

    def num_id(self, paragraph: etree._Element) -> str:
        (value,) = paragraph.xpath("w:pPr/w:numPr/w:numId/@w:val", namespaces=NS)
        return value

    def num(self, num_id: str) -> etree._Element:
        (num,) = self.numbering.xpath(f"w:num[@w:numId='{num_id}']", namespaces=NS)
        return num

    def level(self, num_id: str) -> etree._Element:
        (abstract_id,) = self.num(num_id).xpath("w:abstractNumId/@w:val", namespaces=NS)
        (level,) = self.numbering.xpath(
            f"w:abstractNum[@w:abstractNumId='{abstract_id}']/w:lvl[@w:ilvl='0']", namespaces=NS
        )
        return level

    def style(self, style_id: str) -> etree._Element:
        (style,) = self.styles.xpath(f"w:style[@w:styleId='{style_id}']", namespaces=NS)
        return style


def marked_runs(paragraph: etree._Element) -> list[tuple[str, str | None, bool, bool]]:
    """(text, rStyle, direct italic, direct underline) of every run of the paragraph."""
    runs = []
    for run in paragraph.iterfind("w:r", NS):
        style = run.xpath("w:rPr/w:rStyle/@w:val", namespaces=NS)
        italic = run.find("w:rPr/w:i", NS) is not None
        underline = run.xpath("w:rPr/w:u/@w:val", namespaces=NS) == ["single"]
        runs.append((Docx.text(run), style[0] if style else None, italic, underline))
    return runs


@pytest.fixture(scope="module")
def brief() -> Docx:
    return Docx(render_docx(loads_letter(letter_text())).data)


@pytest.fixture(scope="module")
def press() -> Docx:
    return Docx(render_docx(loads_letter(letter_text("persbericht"))).data)


@pytest.mark.parametrize("kind", ["brief", "press"])
def test_marked_words_are_runs_with_named_character_styles(kind, request) -> None:
    docx: Docx = request.getfixturevalue(kind)
    paragraph = docx.paragraph_with("Wij vragen u")
    assert docx.text(paragraph).endswith(
        "Wij vragen u vandaag nog zorgvuldig te reageren, echt."
    )  # the press release's dateline comes first
    runs = [run for run in marked_runs(paragraph) if not run[0].startswith(("Wij", "Doorn"))]
    assert runs == [
        ("vandaag", "Strong", False, False),
        (" nog ", None, False, False),
        ("zorgvuldig", "Emphasis", False, False),
        (" te ", None, False, False),
        ("reageren", "Onderstreept", False, False),
        (", ", None, False, False),
        ("echt", "Strong", True, True),  # the first mark's style, the others direct
        (".", None, False, False),
    ]


def test_the_character_styles_are_defined_as_word_knows_them(brief) -> None:
    for style_id, mark in (("Strong", "b"), ("Emphasis", "i"), ("Onderstreept", "u")):
        style = brief.style(style_id)
        assert style.get(f"{{{W}}}type") == "character"
        assert style.xpath("w:name/@w:val", namespaces=NS) == [style_id]
        assert style.find(f"w:rPr/w:{mark}", NS) is not None
    # Strong and Emphasis are Word's own ("Zwaar", "Nadruk"): not custom styles.
    assert brief.style("Strong").get(f"{{{W}}}customStyle") is None
    assert brief.style("Emphasis").get(f"{{{W}}}customStyle") is None


def test_bullet_items_use_list_bullet_and_word_bullet_numbering(brief) -> None:
    items = brief.paragraphs("ListBullet")
    assert [brief.text(p) for p in items] == [
        "een gesprek met beide partijen",
        "een onafhankelijke blik",
    ]
    assert marked_runs(items[1])[1] == ("onafhankelijke", "Strong", False, False)
    num_ids = {brief.num_id(p) for p in items}
    assert len(num_ids) == 1
    level = brief.level(num_ids.pop())
    assert level.xpath("w:numFmt/@w:val", namespaces=NS) == ["bullet"]
    assert level.xpath("w:lvlText/@w:val", namespaces=NS) == ["\u2022"]
    # The style itself carries the numbering: Enter in Word continues the list.
    assert brief.style("ListBullet").find("w:pPr/w:numPr/w:numId", NS) is not None
    assert brief.style("ListBullet").xpath("w:name/@w:val", namespaces=NS) == ["List Bullet"]


def test_every_numbered_list_is_decimal_and_starts_at_one(brief) -> None:
    items = brief.paragraphs("ListNumber")
    assert [brief.text(p) for p in items] == [
        "eerste",
        "tweede",
        "verkennen",
        "onderhandelen",
        HOSTILE,
    ]
    first, second = brief.num_id(items[0]), brief.num_id(items[2])
    assert first != second
    assert [brief.num_id(p) for p in items] == [first] * 2 + [second] * 3
    for num_id in (first, second):
        level = brief.level(num_id)
        assert level.xpath("w:numFmt/@w:val", namespaces=NS) == ["decimal"]
        assert level.xpath("w:lvlText/@w:val", namespaces=NS) == ["%1."]
        start = brief.num(num_id).xpath(
            "w:lvlOverride[@w:ilvl='0']/w:startOverride/@w:val", namespaces=NS
        )
        assert start == ["1"]
    assert brief.style("ListNumber").xpath("w:name/@w:val", namespaces=NS) == ["List Number"]


def test_list_items_sit_together_with_a_blank_line_after_the_list(brief) -> None:
    style = brief.style("ListBullet")
    assert style.find("w:pPr/w:contextualSpacing", NS) is not None
    after = style.xpath("w:pPr/w:spacing/@w:after", namespaces=NS)
    assert after == brief.style("Brieftekst").xpath("w:pPr/w:spacing/@w:after", namespaces=NS)


@pytest.mark.parametrize("kind", ["brief", "press"])
def test_a_heading_is_heading_2_bold_and_kept_with_the_next(kind, request) -> None:
    docx: Docx = request.getfixturevalue(kind)
    (heading,) = docx.paragraphs("Heading2")
    assert docx.text(heading) == "Wat wij vragen & waarom"
    style = docx.style("Heading2")
    assert style.xpath("w:name/@w:val", namespaces=NS) == ["heading 2"]
    assert style.find("w:rPr/w:b", NS) is not None
    assert style.find("w:pPr/w:keepNext", NS) is not None
    assert style.xpath("w:pPr/w:outlineLvl/@w:val", namespaces=NS) == ["1"]
    fonts = style.find("w:rPr/w:rFonts", NS)
    assert fonts is None or fonts.get(f"{{{W}}}ascii") == "Calibri"  # the body font


def test_typed_text_comes_out_exactly_in_runs_and_items(brief) -> None:
    (hostile,) = [p for p in brief.paragraphs("ListNumber") if "Kosten" in brief.text(p)]
    assert brief.text(hostile) == HOSTILE
    lines = brief.paragraph_with("Regel een")
    assert brief.text(lines) == "Regel een\nregel\ttwee"
    (run,) = lines.iterfind("w:r", NS)  # one italic run holding the break and the tab
    assert run.xpath("w:rPr/w:rStyle/@w:val", namespaces=NS) == ["Emphasis"]
    assert run.find("w:br", NS) is not None and run.find("w:tab", NS) is not None


def test_a_numbered_list_starts_at_one_again_in_every_copy() -> None:
    data = json.loads(letter_text())
    second = copy.deepcopy(data["addressees"][0])
    second["organisation"] = "FNV Callcenters"
    data["addressees"].append(second)
    docx = Docx(render_docx(loads_letter(json.dumps(data))).data)
    items = docx.paragraphs("ListNumber")
    assert len(items) == 10  # 5 items in each of the two copies
    num_ids = [docx.num_id(p) for p in items]
    assert len(set(num_ids)) == 4  # two lists per copy, each its own numbering
    assert num_ids[:2] != num_ids[5:7]


def test_the_dateline_stands_alone_before_a_heading_or_list() -> None:
    body = [{"type": "heading", "text": "Kop eerst"}, *BODY]
    docx = Docx(render_docx(loads_letter(letter_text("persbericht", body))).data)
    texts = [docx.text(p) for p in docx.paragraphs()]
    heading = texts.index("Kop eerst")
    assert texts[heading - 1] == "Doorn, 17 oktober 2022 –"


def test_the_brief_template_keeps_a_list_ending_the_letter_with_the_closing() -> None:
    docx = Docx(render_docx(loads_letter(letter_text(body=BODY[:5]))).data)
    items = docx.paragraphs("ListNumber")
    kept = [p.find("w:pPr/w:keepNext", NS) is not None for p in items]
    assert kept == [False, True]


def test_the_templates_pass_the_template_check() -> None:
    for name in ("brief", "persbericht"):
        assert blocking(check_template(REPO / "templates" / f"{name}.docx")) == []


def test_the_wordml_filter_escapes_everything_it_is_given() -> None:
    xml = str(wordml_runs([{"text": '<w:fldSimple w:instr="INCLUDETEXT x"/>', "bold": True}]))
    assert "<w:fldSimple" not in xml
    assert "&lt;w:fldSimple" in xml
    assert '<w:rStyle w:val="Strong"/>' in xml
    assert str(wordml_runs("a\nb")) == (
        '<w:r><w:t xml:space="preserve">a</w:t><w:br/><w:t xml:space="preserve">b</w:t></w:r>'
    )


def test_a_template_without_a_decimal_list_leaves_items_unnumbered(tmp_path) -> None:
    """numbering.xml without a decimal definition: no numbering that points nowhere."""
    source = REPO / "templates" / "brief.docx"
    target = tmp_path / "brief.docx"
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            data = old.read(info.filename)
            if info.filename == "word/numbering.xml":
                data = data.replace(b'w:val="decimal"', b'w:val="bullet"')
            new.writestr(info, data)
    letter = loads_letter(letter_text())
    context = build_context(letter, "brief", RenderInputs(load_profile(), load_promises()))
    docx = Docx(CompiledTemplate(target).render(context))
    items = docx.paragraphs("ListNumber")
    assert len(items) == 5
    assert all(p.find("w:pPr/w:numPr", NS) is None for p in items)


def test_warnings_and_limits_cover_runs_and_list_items() -> None:
    body = [
        {"type": "paragraph", "runs": [{"text": "Vet\x07", "bold": True}]},
        {"type": "list", "style": "bullet", "items": [{"text": "Punt met \U0001f600"}]},
    ]
    rendered = render_docx(loads_letter(letter_text(body=body)))
    warnings = "\n".join(rendered.warnings)
    assert "body[0].text: 1 onzichtbaar stuurteken verwijderd" in warnings
    assert "\U0001f600" in warnings and "Lijst (blok 2)" in warnings
    docx = Docx(rendered.data)
    assert docx.text(docx.paragraph_with("Vet")) == "Vet"
    huge = [{"type": "list", "style": "number", "items": [{"text": "x" * 100_001}]}]
    with pytest.raises(ComposerError, match="lijst in blok 1"):
        render_docx(loads_letter(letter_text(body=huge)))


def test_two_numbered_lists_back_to_back_each_start_at_one() -> None:
    lists = [
        {"type": "list", "style": "number", "items": [{"text": "a"}, {"text": "b"}]},
        {"type": "list", "style": "number", "items": [{"text": "c"}]},
    ]
    docx = Docx(render_docx(loads_letter(letter_text(body=lists))).data)
    items = docx.paragraphs("ListNumber")
    num_ids = [docx.num_id(p) for p in items]
    assert num_ids[0] == num_ids[1] != num_ids[2]
    for num_id in set(num_ids):
        start = docx.num(num_id).xpath(".//w:startOverride/@w:val", namespaces=NS)
        assert start == ["1"]


def test_a_character_the_font_lacks_in_a_marked_run_is_named_once() -> None:
    body = [{"type": "paragraph", "runs": [{"text": "Vet \U0001f600", "bold": True}]}]
    warnings = render_docx(loads_letter(letter_text(body=body))).warnings
    named = [w for w in warnings if "\U0001f600" in w]
    assert len(named) == 1 and "Tekst van alinea 1" in named[0]
