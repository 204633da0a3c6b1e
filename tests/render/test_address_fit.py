"""The address in the envelope's window is never cut off silently: what would wrap is refused."""

from __future__ import annotations

import json
import subprocess
from collections import defaultdict
from pathlib import Path

import pytest

from composer.core.letterfile import letter_from_dict
from composer.core.models import Addressee
from composer.errors import AddressError
from composer.render.address_fit import (
    AddressSetter,
    address_fit_problems,
    check_address_fit,
)
from composer.render.docx import effective_layout, render_docx
from composer.render.font_metrics import metric_family, metrics_for
from composer.render.registry import TemplateInfo, find_template
from composer.settings import Settings
from tests.conftest import SAMPLE_LETTER, run_composer

LONG_DEPARTMENT = "Afdeling Arbeidsvoorwaarden en Sociale Zaken voor de Sector"  # about 94 mm
ORGANISATION_LINE = "Werkgeversvereniging Facilitaire Contactcenters (WFC)"  # about 83 mm


def sample() -> dict:
    return json.loads(SAMPLE_LETTER.read_text(encoding="utf-8"))


def with_department(data: dict, department: str, index: int = 0) -> dict:
    data["addressees"][index]["department"] = department
    return data


def two_addressees(data: dict) -> dict:
    second = json.loads(json.dumps(data["addressees"][0]))
    second["person"]["surname"] = "Heemskerk"
    data["addressees"].append(second)
    return data


def brief_setter(settings: Settings | None = None) -> AddressSetter:
    info = find_template("brief")
    setter = AddressSetter.for_template(info, effective_layout(info, settings or Settings()))
    assert setter is not None
    return setter


def test_template_fonts_map_to_their_metric_twins():
    assert metric_family("Calibri") == "Carlito"
    assert metric_family(" calibri ") == "Carlito"
    assert metric_family("Carlito") == "Carlito"
    assert metric_family("Arial") == "Liberation Sans"
    assert metric_family("Liberation Sans") == "Liberation Sans"
    assert metric_family("Georgia") is None
    calibri, arial = metrics_for("Calibri"), metrics_for("Arial")
    assert calibri is metrics_for("Carlito")  # loaded once, cached
    assert calibri.width_mm("WWWW", 10.5) > calibri.width_mm("iiii", 10.5) > 0
    assert arial.width_mm("Adres", 10.5) != calibri.width_mm("Adres", 10.5)
    assert metrics_for("Calibri", bold=True).width_mm("Adres", 10) > calibri.width_mm("Adres", 10)


def test_the_sample_address_fits_and_is_measured_close_to_the_edge():
    assert render_docx(letter_from_dict(sample())).data  # no AddressError
    setter = brief_setter()
    assert 80 < setter.width_mm(ORGANISATION_LINE) < setter.window.width_mm


def test_a_line_too_wide_for_the_window_is_refused_with_the_line_named():
    letter = letter_from_dict(with_department(sample(), LONG_DEPARTMENT))
    with pytest.raises(AddressError) as caught:
        render_docx(letter)
    message = caught.value.message
    assert message.startswith("Geadresseerde 1: de adresregel ‘Afdeling Arbeidsvoorwaarden ")
    assert "is te lang voor het venster van de envelop (94 mm, er past 85 mm)" in message
    assert "Maak de regel korter" in message
    assert "addressees" not in message
    assert caught.value.field == "addressees[0].address"


def test_the_second_addressee_is_named_when_its_address_does_not_fit():
    data = with_department(two_addressees(sample()), LONG_DEPARTMENT, index=1)
    with pytest.raises(AddressError) as caught:
        render_docx(letter_from_dict(data))
    assert caught.value.message.startswith("Geadresseerde 2: de adresregel ‘Afdeling ")
    assert caught.value.field == "addressees[1].address"


def test_a_foreign_address_line_that_would_wrap_is_refused():
    data = sample()
    data["addressees"][0]["address"] = {
        "street": "Straße der Deutsch-Niederländischen Freundschaft und Nachbarschaft",
        "house_number": "117",
        "postcode": "10115",
        "city": "Berlin",
        "country": "DE",
    }
    with pytest.raises(AddressError) as caught:
        render_docx(letter_from_dict(data))
    assert "de adresregel ‘Straße der Deutsch-Niederländischen" in caught.value.message


def test_the_users_window_width_is_the_one_measured_against():
    narrow = Settings(layout={"brief": {"address_width_mm": 80}})
    with pytest.raises(AddressError) as caught:
        render_docx(letter_from_dict(sample()), narrow)
    assert f"‘{ORGANISATION_LINE}’" in caught.value.message
    assert "er past 80 mm" in caught.value.message


def test_a_low_window_takes_fewer_lines():
    low = Settings(layout={"brief": {"address_height_mm": 25}})  # room for four lines
    assert brief_setter(low).max_lines("Afzender, Straat 1, 1234 AB  PLAATS") == 4
    letter = letter_from_dict(with_department(sample(), "Afdeling Beleid"))  # five lines
    with pytest.raises(AddressError) as caught:
        render_docx(letter, low)
    assert "het adres heeft 5 regels; in het venster van de envelop passen er 4" in (
        caught.value.message
    )


def test_more_than_six_lines_never_pass():
    info = find_template("brief")
    layout = {**effective_layout(info, Settings()), "address_height_mm": 80}  # room enough
    context = {
        "sender": {"return_line": "KSF, Straat 1, 1234 AB  DOORN"},
        "recipients": [{"address_block": "\n".join(f"Regel {n}" for n in range(7))}],
    }
    with pytest.raises(AddressError, match=r"heeft 7 regels; .* passen er 6"):
        check_address_fit(context, info, layout)


def test_a_return_line_wider_than_the_window_is_a_warning():
    info = find_template("brief")
    layout = effective_layout(info, Settings())
    long_name = "Stichting Klantenservice Federatie voor Klantcontact en Klantenservice Nederland"
    context = {
        "sender": {"return_line": f"{long_name}, Driebergsestraatweg 27, 3941 ZS  DOORN"},
        "address_block": "KSF\nStraat 1\n1234 AB  DOORN",
    }
    [warning] = check_address_fit(context, info, layout)
    assert warning.startswith(f"De retourregel ‘{long_name[:20]}")
    assert "organisatieprofiel" in warning


def test_no_window_or_unknown_font_means_no_measuring(tmp_path):
    press = find_template("persbericht")
    context = {"address_block": "x" * 300, "sender": {"return_line": ""}}
    assert check_address_fit(context, press, effective_layout(press, Settings())) == []
    brief = find_template("brief")
    own = TemplateInfo(
        "eigen", "Eigen", "brief", tmp_path / "eigen.docx", layout=brief.layout, font="Georgia"
    )
    assert AddressSetter.for_template(own, brief.layout) is None
    assert check_address_fit(context, own, brief.layout) == []


def test_the_editor_can_show_the_problem_under_the_address_fields():
    data = with_department(two_addressees(sample()), LONG_DEPARTMENT, index=1)
    letter = letter_from_dict(data)
    letter.addressees.append(Addressee(organisation="Onvolledig"))  # left to the validation
    info = find_template("brief")
    problems = address_fit_problems(letter, info, effective_layout(info, Settings()))
    [(path, message)] = problems
    assert path == "addressees[1].address"
    assert message.startswith("De adresregel ‘Afdeling Arbeidsvoorwaarden")


def test_the_command_line_refuses_plainly_and_writes_nothing(tmp_path):
    letter = tmp_path / "lang.json"
    letter.write_text(json.dumps(with_department(sample(), LONG_DEPARTMENT)), encoding="utf-8")
    out = tmp_path / "brief.docx"
    result = run_composer("render", str(letter), "-o", str(out))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "Geadresseerde 1: de adresregel ‘Afdeling Arbeidsvoorwaarden" in result.stderr
    assert "addressees" not in result.stderr
    assert not out.exists()


def _pdf_lines(pdf: Path) -> dict[str, float]:
    """Page 1's lines of text → their width in millimetres, from pdftotext -bbox."""
    html = subprocess.run(
        ["pdftotext", "-bbox", "-f", "1", "-l", "1", str(pdf), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    from lxml import etree

    rows: dict[float, list[tuple[float, float, str]]] = defaultdict(list)
    for word in etree.fromstring(html.encode(), etree.HTMLParser()).iter("word"):
        y = round(float(word.get("ymin")), 1)
        rows[y].append((float(word.get("xmin")), float(word.get("xmax")), word.text or ""))
    lines = {}
    for words in rows.values():
        words.sort()
        text = " ".join(w[2] for w in words)
        lines[text] = (words[-1][1] - words[0][0]) * 25.4 / 72
    return lines


@pytest.mark.libreoffice
def test_measured_widths_match_the_pdf(convert_to_pdf, tmp_path):
    """The address lines in LibreOffice's PDF are as wide as Composer measured them (kerning
    left out: never narrower)."""
    docx = tmp_path / "brief.docx"
    docx.write_bytes(render_docx(letter_from_dict(sample())).data)
    lines = _pdf_lines(convert_to_pdf(docx))
    setter = brief_setter()
    assert ORGANISATION_LINE in lines
    for line in (ORGANISATION_LINE, "Voorbeeldstraat 12a"):
        measured = setter.width_mm(line)
        assert lines[line] - 0.3 < measured < lines[line] + 0.5, (line, measured, lines[line])


@pytest.mark.libreoffice
def test_what_is_refused_would_indeed_wrap_in_the_pdf(convert_to_pdf, tmp_path, monkeypatch):
    """Without the check, the line Composer refuses breaks in two in LibreOffice's PDF."""
    import composer.render.docx as docx_module

    monkeypatch.setattr(docx_module, "check_page", lambda context, info, layout: [])
    docx = tmp_path / "brief.docx"
    docx.write_bytes(render_docx(letter_from_dict(with_department(sample(), LONG_DEPARTMENT))).data)
    lines = _pdf_lines(convert_to_pdf(docx))
    assert LONG_DEPARTMENT not in lines
    assert any(LONG_DEPARTMENT.startswith(line) and len(line) > 20 for line in lines)


def test_the_manifest_gives_font_and_size_and_refuses_nonsense(tmp_path):
    from composer.errors import ComposerError
    from composer.paths import data_dir
    from composer.render.registry import list_templates

    assert (find_template("brief").font, find_template("brief").font_size_pt) == ("Calibri", 10.5)
    own = data_dir() / "templates"
    own.mkdir(parents=True)
    (own / "eigen.docx").write_bytes(b"")
    (own / "eigen.json").write_text('{"name": "eigen", "font_size_pt": "groot"}', "utf-8")
    with pytest.raises(ComposerError, match="‘font_size_pt’ moet een getal van 1 tot 200"):
        list_templates()
    (own / "eigen.json").write_text('{"name": "eigen"}', "utf-8")
    eigen = find_template("eigen")
    assert (eigen.font, eigen.font_size_pt) == ("", 0.0)  # not measured
