"""Rendering the two templates: what a reader sees in the DOCX, in the right order."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from composer.core.catalogues import load_profile
from composer.core.letterfile import letter_from_dict, load_letter
from composer.errors import ComposerError
from composer.render.context import RenderInputs, build_context
from composer.render.context_sample import SAMPLE_CONTEXT
from composer.render.docx import render_docx, write_docx
from tests.docx_reading import body_paragraphs, core_properties, header_footer_text

REPO = Path(__file__).resolve().parents[2]
SAMPLE_LETTER = REPO / "resources" / "samples" / "brief-cao-onderhandelaars.json"
SAMPLE_PRESS = REPO / "resources" / "samples" / "persbericht-handreiking-cao.json"


def sample(path: Path = SAMPLE_LETTER) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def in_order(haystack: list[str], needles: list[str]) -> bool:
    """Each needle appears in the text after the previous one."""
    text, position = "\n\n".join(haystack), 0
    for needle in needles:
        found = text.find(needle, position)
        if found < 0:
            return False
        position = found + len(needle)
    return True


def test_sample_letter_reads_as_a_dutch_letter():
    data = render_docx(load_letter(SAMPLE_LETTER)).data
    paragraphs = body_paragraphs(data)
    address = next(p for p in paragraphs if p.startswith("Werkgeversvereniging"))
    assert address.split("\n") == [
        "Werkgeversvereniging Facilitaire Contactcenters (WFC)",
        "T.a.v. de heer N. van Liemt, voorzitter",
        "Voorbeeldstraat 12a",
        "1234 AB  VOORBEELDSTAD",
    ]
    assert in_order(
        paragraphs,
        [
            "Klantenservice Federatie, Driebergsestraatweg 27, 3941 ZS  DOORN",
            "Werkgeversvereniging",
            "Ons kenmerk",
            "KSF/2022/0147",
            "17 oktober 2022",
            "Betreft: Handreiking aan de onderhandelaars cao Facilitaire Contactcenters",
            "Geachte heer Van Liemt,",
            "De Klantenservice Federatie (KSF) zit zelf niet",
            "“Nog meer tijd nemen is in deze tijd",
            "– Roel Masselink, directeur van de KSF",
            "Servicebelofte 4 verplicht tot respectvolle omgang",
            "In servicebelofte 5 worden",
            "Met vriendelijke groet,",
            "Klantenservice Federatie",
            "Roel Masselink",
            "directeur",
            "Kopie aan:",
            "FNV Callcenters",
            "CNV Vakmensen",
            "Qlix",
        ],
    ), paragraphs
    assert "Geachte heer Van Liemt," in paragraphs
    # The promise texts name their promise: no label line above them (issue 13).
    assert not any(p.startswith("Servicebelofte") and "\n" in p for p in paragraphs)
    assert not any(p.startswith("Bijlage") for p in paragraphs)
    headers = header_footer_text(data)
    assert "Driebergsestraatweg 27" in headers
    assert "Ons kenmerk KSF/2022/0147" in headers


def test_core_properties_come_from_the_letter():
    props = core_properties(render_docx(load_letter(SAMPLE_LETTER)).data)
    assert props.title == "Handreiking aan de onderhandelaars cao Facilitaire Contactcenters"
    assert props.author == "Roel Masselink"
    assert props.created == dt.datetime(2022, 10, 17, 0, 0, tzinfo=dt.UTC)
    assert props.keywords == "KSF/2022/0147"
    assert props.language == "nl-NL"


def test_press_release_has_dateline_end_marker_and_note():
    data = render_docx(load_letter(SAMPLE_PRESS)).data
    paragraphs = body_paragraphs(data)
    assert in_order(
        paragraphs,
        [
            "PERSBERICHT",
            "Handreiking KSF aan onderhandelaars cao Facilitaire Contactcenters",
            "Doorn, 17 oktober 2022 – De Klantenservice Federatie (KSF), de brancheorganisatie",
            "“Een behoorlijk en duurzaam arbeidsvoorwaardenpakket",
            "einde persbericht",
            "Noot voor de redactie",
            "Roel Masselink, directeur, telefoon 070-7620764, "
            "e-mail info@klantenservicefederatie.nl",
        ],
    ), paragraphs


def test_attachments_and_several_addressees():
    data = sample()
    data["attachments"] = ["Handreiking KSF", "Servicebeloften"]
    wfc = data["addressees"][0]
    fnv = json.loads(json.dumps(wfc))
    fnv.update(organisation="FNV", department="FNV Callcenters", role="bestuurder")
    fnv["person"].update(
        form="mevrouw", initials="E.", first_name="Elly", infix="", surname="Heemskerk"
    )
    data["addressees"].append(fnv)
    paragraphs = body_paragraphs(render_docx(letter_from_dict(data)).data)
    # One copy per addressee, each with its own window and aanhef (issue 13).
    assert "Aan de geadresseerden op de verzendlijst" not in paragraphs
    windows = [p for p in paragraphs if p.startswith(("Werkgeversvereniging", "FNV")) and "\n" in p]
    assert len(windows) == 2
    assert "T.a.v. de heer N. van Liemt, voorzitter" in windows[0].splitlines()
    assert "T.a.v. mevrouw E. Heemskerk, bestuurder" in windows[1].splitlines()
    assert paragraphs.count("Verzendlijst:") == 2
    assert in_order(
        paragraphs,
        [
            "Geachte heer Van Liemt,",
            "Bijlagen:",
            "Handreiking KSF",
            "Servicebeloften",
            "Kopie aan:",
            "Verzendlijst:",
            "Werkgeversvereniging Facilitaire Contactcenters (WFC), "
            "de heer N. van Liemt, voorzitter",
            "FNV, mevrouw E. Heemskerk, bestuurder",
            "Geachte mevrouw Heemskerk,",
            "Verzendlijst:",
        ],
    ), paragraphs


def test_explicit_salutation_wins():
    data = sample()
    data["salutation"] = "Beste Norbert,"
    assert "Beste Norbert," in body_paragraphs(render_docx(letter_from_dict(data)).data)


def test_a_placeholder_promise_refuses_the_letter_naming_the_number():
    data = sample()
    data["body"].append({"type": "promise", "number": 2})
    with pytest.raises(ComposerError, match=r"body\[8\]\.number: Servicebelofte 2"):
        render_docx(letter_from_dict(data))


def test_an_address_problem_names_the_addressee():
    data = sample()
    data["addressees"][0]["address"]["city"] = ""
    with pytest.raises(ComposerError, match=r"addressees\[0\]: Geadresseerde 1"):
        render_docx(letter_from_dict(data))


def test_a_letter_needs_an_addressee():
    data = sample()
    data["addressees"] = []
    with pytest.raises(ComposerError, match="minstens één geadresseerde"):
        render_docx(letter_from_dict(data))


def test_unknown_template_lists_the_known_ones():
    data = sample()
    data["template"] = "memo"
    with pytest.raises(ComposerError, match=r"Onbekend sjabloon ‘memo’.*brief, persbericht"):
        render_docx(letter_from_dict(data))


def test_layout_millimetres_are_settings(tmp_path):
    from docx import Document

    config = Path(os.environ["COMPOSER_CONFIG_DIR"])
    (config / "settings.toml").write_text(
        "[layout.brief]\naddress_top_mm = 45\naddress_left_mm = 22\n", encoding="utf-8"
    )
    out = tmp_path / "brief.docx"
    from composer.app.workspace import Workspace  # the one reader of settings.toml

    write_docx(load_letter(SAMPLE_LETTER), out, Workspace.load().settings)
    from lxml import etree

    body = etree.fromstring(etree.tostring(Document(str(out)).element.body))
    ns = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
    spacer = body.xpath(
        "//w:p[w:pPr/w:pStyle[starts-with(@w:val, 'Adresvenster')]]/w:pPr/w:spacing/@w:line",
        namespaces=ns,
    )
    frames = body.xpath("//w:p[w:pPr/w:pStyle/@w:val='Adresblok']/w:pPr/w:framePr", namespaces=ns)
    # 45 mm from the top minus the 24 mm top margin; the window 22 mm from the page's left edge.
    assert spacer == [str(round(21 * 1440 / 25.4))]
    w = "{" + ns["w"] + "}"
    assert [(f.get(w + "x"), f.get(w + "y")) for f in frames] == [
        (str(round(22 * 1440 / 25.4)), str(round(45 * 1440 / 25.4)))
    ]


def test_context_shape_matches_the_sample_templates_are_checked_with():
    inputs = RenderInputs(profile=load_profile(), promises={})
    letter = load_letter(SAMPLE_LETTER)
    letter.body = [block for block in letter.body if getattr(block, "type", "") != "promise"]
    context = build_context(letter, "brief", inputs)

    def shape(value):
        if isinstance(value, dict):
            return {key: shape(item) for key, item in value.items()}
        if isinstance(value, list):
            return "list"
        return type(value).__name__

    assert shape(context) == shape(SAMPLE_CONTEXT)


def test_a_recorded_promise_text_wins_over_the_current_catalogue():
    data = sample()
    data["snapshot"] = {
        "promises": {
            "4": {
                "number": 4,
                "topic": "medewerkers",
                "text": "Tekst zoals die toen in de catalogus stond.",
            }
        }
    }
    paragraphs = body_paragraphs(render_docx(letter_from_dict(data)).data)
    assert any("Tekst zoals die toen in de catalogus stond." in p for p in paragraphs)
    assert not any("verplicht tot respectvolle omgang" in p for p in paragraphs)
    assert any("In servicebelofte 5 worden" in p for p in paragraphs)  # not recorded: catalogue
