"""A template package is untrusted: nothing from outside, no macros, no zip bombs; linear check."""

from __future__ import annotations

import json
import os
import shutil
import time
import warnings
import zipfile
from pathlib import Path

import pytest

from composer.cli import main
from composer.core.letterfile import letter_from_dict
from composer.errors import TemplateProblem
from composer.render.compiled import CompiledTemplate
from composer.render.docx import render_docx
from composer.render.lint import ERROR, check_template
from tests.render.template_factory import (
    R,
    docx_parts,
    docx_with,
    docx_with_many,
    field_xml,
    install_user_template,
    linked_picture_xml,
    with_body_xml,
    with_parts,
    with_relationship,
)

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "resources" / "samples" / "brief-cao-onderhandelaars.json"
MB = 1024 * 1024
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def plain(tmp_path: Path, name: str = "sjabloon.docx") -> Path:
    return docx_with(tmp_path / name, [["Betreft: {{ letter.subject }}"]])


def only_error(template: Path) -> tuple[str, str]:
    """(where, message) of the one finding `templates check` has for this template."""
    findings = check_template(template)
    assert len(findings) == 1, [str(f) for f in findings]
    assert findings[0].severity == ERROR
    return findings[0].where, findings[0].message


# --- things loaded from outside ----------------------------------------------------------------


@pytest.mark.parametrize("target", ["file:///etc/passwd", "http://127.0.0.1:9/logo.png"])
def test_a_linked_picture_is_refused(tmp_path, target):
    template = with_relationship(plain(tmp_path), "word/document.xml", "image", target)
    with_body_xml(template, linked_picture_xml())
    where, message = only_error(template)
    assert where == "hoofdtekst"
    assert message.startswith(
        f"een afbeelding wordt van buiten het sjabloon geladen (‘{target}’). Neem de afbeelding "
        "op in het sjabloon zelf"
    )


def test_a_linked_picture_in_a_header_is_refused(tmp_path):
    template = tmp_path / "brief.docx"
    shutil.copy(REPO / "templates" / "brief.docx", template)
    with_relationship(template, "word/header1.xml", "image", "file:///etc/hostname")
    with_body_xml(template, linked_picture_xml(), part="word/header1.xml")
    where, message = only_error(template)
    assert where == "koptekst (header1.xml)"
    assert "van buiten het sjabloon geladen (‘file:///etc/hostname’)" in message


def test_an_attached_template_is_refused(tmp_path):
    template = with_relationship(
        plain(tmp_path), "word/settings.xml", "attachedTemplate", "file:///C:/sjablonen/kop.dotm"
    )
    where, message = only_error(template)
    assert where == "documentinstellingen (settings.xml)"
    assert message.startswith(
        "het sjabloon is gekoppeld aan een ander sjabloon buiten het bestand "
        "(‘file:///C:/sjablonen/kop.dotm’)."
    )


@pytest.mark.parametrize(
    ("part", "kind"),
    [
        ("word/document.xml", "oleObject"),
        ("word/document.xml", "subDocument"),
        ("word/webSettings.xml", "frame"),
        ("word/document.xml", "package"),
    ],
)
def test_any_other_external_relationship_is_refused(tmp_path, part, kind):
    template = with_relationship(plain(tmp_path), part, kind, "\\\\server\\share\\x.docx")
    _where, message = only_error(template)
    assert message.startswith(
        f"het sjabloon laadt iets van buiten het bestand (‘\\\\server\\share\\x.docx’, soort "
        f"‘{kind}’). Alleen koppelingen (hyperlinks) mogen naar buiten wijzen"
    )


def test_an_outside_target_without_target_mode_is_refused_too(tmp_path):
    template = with_relationship(
        plain(tmp_path), "word/document.xml", "image", "file:///etc/passwd", external=False
    )
    _where, message = only_error(template)
    assert "van buiten het sjabloon geladen (‘file:///etc/passwd’)" in message


def test_an_inserted_document_is_refused(tmp_path):
    template = with_relationship(
        plain(tmp_path), "word/document.xml", "aFChunk", "invoeg.html", external=False
    )
    template = with_parts(template, {"word/invoeg.html": b'<img src="file:///etc/passwd">'})
    _where, message = only_error(template)
    assert message.startswith("het sjabloon voegt een ander document in (‘invoeg.html’).")


def test_a_hyperlink_to_outside_is_fine(tmp_path):
    template = with_relationship(
        plain(tmp_path), "word/document.xml", "hyperlink", "https://www.example.org/"
    )
    link = (
        f'<w:p><w:hyperlink xmlns:r="{R}" r:id="rIdHostile"><w:r><w:t>onze site</w:t></w:r>'
        "</w:hyperlink></w:p>"
    )
    assert check_template(with_body_xml(template, link)) == []


def test_a_hyperlink_used_to_load_a_picture_is_refused(tmp_path):
    template = with_relationship(plain(tmp_path), "word/document.xml", "hyperlink", "file:///x")
    with_body_xml(template, linked_picture_xml())
    where, message = only_error(template)
    assert where == "hoofdtekst"
    assert message.startswith(
        "de koppeling naar ‘file:///x’ wordt niet als koppeling gebruikt maar om inhoud te laden."
    )


@pytest.mark.parametrize(
    ("code", "field"),
    [
        (['INCLUDEPICTURE "file:///etc/passwd" \\d'], "INCLUDEPICTURE"),
        ([" INCLUDE", 'TEXT "http://127.0.0.1:9/x.docx" '], "INCLUDETEXT"),
        ([' link Excel.Sheet.8 "C:\\\\x.xls" "" \\a'], "LINK"),
        (['DDEAUTO c:\\\\windows\\\\system32\\\\cmd.exe "/k calc"'], "DDEAUTO"),
    ],
)
def test_fields_that_load_from_outside_are_refused(tmp_path, code, field):
    template = with_body_xml(plain(tmp_path), field_xml(*code))
    where, message = only_error(template)
    assert where == "hoofdtekst"
    assert message.startswith(f"het veld {field} haalt inhoud van buiten het sjabloon op.")


def test_a_simple_field_that_loads_from_outside_is_refused(tmp_path):
    simple = (
        '<w:p><w:fldSimple w:instr=" INCLUDEPICTURE &quot;http://127.0.0.1:9/a.png&quot; ">'
        "<w:r><w:t>x</w:t></w:r></w:fldSimple></w:p>"
    )
    _where, message = only_error(with_body_xml(plain(tmp_path), simple))
    assert message.startswith("het veld INCLUDEPICTURE haalt inhoud van buiten het sjabloon op.")


def test_a_field_in_a_part_with_an_odd_name_is_found(tmp_path):
    header = (
        f'<w:hdr xmlns:w="{W}">' + field_xml('INCLUDEPICTURE "file:///etc/passwd"') + "</w:hdr>"
    )
    template = with_parts(plain(tmp_path), {"word/kop.bin": header.encode()})
    where, message = only_error(template)
    assert where == "onderdeel word/kop.bin"
    assert message.startswith("het veld INCLUDEPICTURE haalt inhoud van buiten het sjabloon op.")


def test_a_field_code_filled_in_by_a_tag_is_refused(tmp_path):
    template = with_body_xml(plain(tmp_path), field_xml("{{ letter.subject }}"))
    _where, message = only_error(template)
    assert message.startswith("een veldcode bevat een tag (‘{{ letter.subject }}’)")


@pytest.mark.parametrize(
    ("tag", "name"),
    [
        ("{{ letter.subject|safe }}", "safe"),
        ("{% filter safe %}{{ letter.subject }}{% endfilter %}", "safe"),
        ("{{ [letter.subject]|map('safe')|join }}", "safe"),
        ("{% autoescape false %}{{ letter.subject }}{% endautoescape %}", "autoescape"),
    ],
)
def test_letter_text_as_raw_markup_is_refused(tmp_path, tag, name):
    """A subject like `</w:t></w:r><w:r><w:instrText>INCLUDEPICTURE …` would become a field."""
    template = docx_with(tmp_path / "rauw.docx", [["Eerste"], [tag]])
    where, message = only_error(template)
    assert where == "hoofdtekst, alinea 2"
    assert message == (
        f"‘{name}’ is niet toegestaan: daarmee komt tekst uit een brief ongecontroleerd als "
        "Word-opmaak in het document."
    )


def test_rendering_refuses_a_template_that_lets_letter_text_in_raw(tmp_path):
    template = docx_with(tmp_path / "rauw.docx", [["{{ letter.subject|safe }}"]])
    install_user_template(Path(os.environ["COMPOSER_DATA_DIR"]), "rauw", template)
    data = sample_with("rauw")
    data["subject"] = (
        '</w:t></w:r><w:r><w:instrText>INCLUDEPICTURE "file:///etc/passwd"</w:instrText>'
        "</w:r><w:r><w:t>"
    )
    with pytest.raises(TemplateProblem, match="‘safe’ is niet toegestaan"):
        render_docx(letter_from_dict(data))


def test_page_number_fields_are_fine(tmp_path):
    template = with_body_xml(plain(tmp_path), field_xml(" PAGE ") + field_xml("NUMPAGES"))
    assert check_template(template) == []


def test_a_mail_merge_data_source_is_refused(tmp_path):
    template = plain(tmp_path)
    settings = docx_parts(template)["word/settings.xml"].decode()
    merge = (
        '<w:mailMerge><w:mainDocumentType w:val="formLetters"/>'
        '<w:connectString w:val="Provider=MSDASQL;DSN=x"/></w:mailMerge>'
    )
    at = settings.index(">", settings.index("<w:settings")) + 1
    with_parts(template, {"word/settings.xml": (settings[:at] + merge + settings[at:]).encode()})
    where, message = only_error(template)
    assert where == "documentinstellingen (settings.xml)"
    assert message.startswith("het sjabloon is in Word gekoppeld aan een gegevensbron")


def test_a_doctype_with_an_outside_entity_is_refused(tmp_path):
    template = plain(tmp_path)
    xml = docx_parts(template)["word/document.xml"].decode()
    head, _, rest = xml.partition("?>")
    doctype = '<!DOCTYPE w:document [<!ENTITY geheim SYSTEM "file:///etc/passwd">]>'
    xml = head + "?>" + doctype + rest.replace("Betreft:", "&geheim;")
    with_parts(template, {"word/document.xml": xml.encode()})
    where, message = only_error(template)
    assert where == "hoofdtekst"
    assert message.startswith("dit onderdeel bevat een DOCTYPE-declaratie.")


def test_broken_xml_is_a_finding_not_a_crash(tmp_path):
    template = plain(tmp_path)
    xml = docx_parts(template)["word/document.xml"]
    with_parts(template, {"word/document.xml": xml[:-20]})
    where, message = only_error(template)
    assert where == "hoofdtekst"
    assert message.startswith("dit onderdeel is geen geldige XML (")


# --- macros, odd members, the main part ----------------------------------------------------------


def test_a_macro_project_is_refused(tmp_path):
    template = with_parts(plain(tmp_path), {"word/vbaProject.bin": b"\xd0\xcf\x11\xe0macro"})
    where, message = only_error(template)
    assert where == "onderdeel word/vbaProject.bin"
    assert message.startswith("het sjabloon bevat macro’s. Die zijn niet toegestaan")


def test_a_macro_enabled_content_type_is_refused(tmp_path):
    template = plain(tmp_path)
    types = docx_parts(template)["[Content_Types].xml"].decode()
    types = types.replace(
        "wordprocessingml.document.main+xml", "word.document.macroEnabled.main+xml"
    ).replace("application/vnd.openxmlformats-officedocument.word.", "application/vnd.ms-word.")
    with_parts(template, {"[Content_Types].xml": types.encode()})
    where, message = only_error(template)
    assert where == "onderdeel [Content_Types].xml"
    assert "bevat macro’s" in message


def test_activex_controls_are_refused(tmp_path):
    template = with_parts(plain(tmp_path), {"word/activeX/activeX1.xml": b"<ax:ocx xmlns:ax='x'/>"})
    _where, message = only_error(template)
    assert message.startswith("het sjabloon bevat ActiveX-besturingselementen.")


@pytest.mark.parametrize(
    "name", ["../../buiten.txt", "/etc/cron.d/x", "word\\..\\..\\x.xml", "C:/x.xml", "word/../x"]
)
def test_member_names_that_point_outside_are_refused(tmp_path, name):
    template = with_parts(plain(tmp_path), {name: b"x"})
    where, message = only_error(template)
    assert where == "sjabloon.docx"
    assert message.startswith(
        f"Het sjabloon ‘sjabloon.docx’ bevat een onderdeel met een onveilige naam (‘{name}’)."
    )


def test_a_member_twice_is_refused(tmp_path):
    template = plain(tmp_path)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about the duplicate name
        with zipfile.ZipFile(template, "a") as archive:
            archive.writestr("word/document.xml", b"<w:document/>")
    _where, message = only_error(template)
    assert "bevat het onderdeel ‘word/document.xml’ meer dan eens" in message


def test_a_package_without_main_text_is_refused(tmp_path):
    template = with_parts(plain(tmp_path), {"word/document.xml": None})
    where, message = only_error(template)
    assert where == "sjabloon.docx"
    assert message.startswith("het sjabloon heeft geen hoofdtekst (het onderdeel word/document.xml")


def test_a_main_text_elsewhere_than_the_checked_one_is_refused(tmp_path):
    template = plain(tmp_path)
    parts = docx_parts(template)
    rels = (
        parts["_rels/.rels"].decode().replace('Target="word/document.xml"', 'Target="word/x.xml"')
    )
    with_parts(template, {"_rels/.rels": rels.encode(), "word/x.xml": parts["word/document.xml"]})
    _where, message = only_error(template)
    assert message.startswith("de hoofdtekst staat niet op de gewone plaats (‘word/x.xml’).")


# --- zip bombs ---------------------------------------------------------------------------------


def test_a_part_over_50_mb_is_refused(tmp_path):
    template = with_parts(plain(tmp_path), {"word/media/image1.png": bytes(51 * MB)})
    assert template.stat().st_size < MB  # zeros pack small: the bomb
    _where, message = only_error(template)
    assert message == (
        "Het onderdeel ‘word/media/image1.png’ van sjabloon ‘sjabloon.docx’ is uitgepakt groter "
        "dan 50 MB. Maak het sjabloon kleiner, bijvoorbeeld door afbeeldingen te comprimeren."
    )


def test_a_package_over_100_mb_is_refused(tmp_path):
    zeros = bytes(45 * MB)
    images = {f"word/media/image{n}.png": zeros for n in range(3)}
    _where, message = only_error(with_parts(plain(tmp_path), images))
    assert message.startswith("Het sjabloon ‘sjabloon.docx’ is uitgepakt groter dan 100 MB.")


def test_a_size_the_zip_lies_about_is_not_trusted(tmp_path):
    """The directory says 10 bytes; unpacking gives 5 MB: reading stops, the template is refused."""
    template = with_parts(plain(tmp_path), {"word/media/image1.png": bytes(5 * MB)})
    data = bytearray(template.read_bytes())
    with zipfile.ZipFile(template) as archive:
        info = archive.getinfo("word/media/image1.png")
    central = data.rindex(b"PK\x01\x02", 0, data.rindex(b"word/media/image1.png"))
    data[central + 24 : central + 28] = (10).to_bytes(4, "little")  # uncompressed size
    local = info.header_offset
    data[local + 22 : local + 26] = (10).to_bytes(4, "little")
    template.write_bytes(bytes(data))
    findings = check_template(template)
    assert [f.severity for f in findings] == [ERROR]
    assert "geen geldig Word-document" in findings[0].message


def test_too_many_members_are_refused(tmp_path):
    extra = {f"word/media/leeg{n}.txt": b"" for n in range(1001)}
    _where, message = only_error(with_parts(plain(tmp_path), extra))
    assert message.startswith("Het sjabloon ‘sjabloon.docx’ bestaat uit 1018 onderdelen;")
    assert "meer dan 1000 is niet toegestaan" in message


# --- where it is enforced: templates check, render, compile ------------------------------------


def hostile(tmp_path: Path) -> Path:
    template = with_relationship(
        plain(tmp_path, "kwaad.docx"), "word/document.xml", "image", "file:///etc/passwd"
    )
    return with_body_xml(template, linked_picture_xml())


def test_templates_check_exits_1_and_names_the_problem(tmp_path, capsys):
    assert main(["templates", "check", str(hostile(tmp_path))]) == 1
    err = capsys.readouterr().err
    assert "fout: hoofdtekst: een afbeelding wordt van buiten het sjabloon geladen" in err
    assert "(‘file:///etc/passwd’)" in err
    assert "heeft 1 probleem/problemen." in err


def test_templates_check_exits_1_for_a_zip_bomb(tmp_path, capsys):
    bomb = with_parts(plain(tmp_path), {"word/media/image1.png": bytes(60 * MB)})
    assert main(["templates", "check", str(bomb)]) == 1
    assert "is uitgepakt groter dan 50 MB" in capsys.readouterr().err


def sample_with(template: str) -> dict:
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    data["template"] = template
    return data


def test_render_refuses_a_user_template_that_loads_from_outside(tmp_path, capsys):
    install_user_template(Path(os.environ["COMPOSER_DATA_DIR"]), "kwaad", hostile(tmp_path))
    letter = tmp_path / "brief.json"
    letter.write_text(json.dumps(sample_with("kwaad")), encoding="utf-8")
    for out in (tmp_path / "brief.docx", tmp_path / "brief.pdf"):
        assert main(["render", str(letter), "-o", str(out)]) == 1
        err = capsys.readouterr().err
        assert "Het sjabloon ‘kwaad.docx’ is niet veilig of niet bruikbaar:" in err
        assert "- hoofdtekst: een afbeelding wordt van buiten het sjabloon geladen" in err
        assert not out.exists()


def test_a_user_copy_of_a_shipped_template_is_checked_the_same(tmp_path):
    template = tmp_path / "brief.docx"
    shutil.copy(REPO / "templates" / "brief.docx", template)
    with_parts(template, {"word/vbaProject.bin": b"macro"})
    install_user_template(Path(os.environ["COMPOSER_DATA_DIR"]), "brief", template)
    with pytest.raises(TemplateProblem, match="bevat macro’s"):
        render_docx(letter_from_dict(sample_with("brief")))


def test_compiling_refuses_too_so_a_file_swapped_after_the_check_is_caught(tmp_path):
    with pytest.raises(TemplateProblem) as caught:
        CompiledTemplate(hostile(tmp_path))
    assert caught.value.message.splitlines() == [
        "Het sjabloon ‘kwaad.docx’ is niet veilig of niet bruikbaar:",
        "- hoofdtekst: een afbeelding wordt van buiten het sjabloon geladen (‘file:///etc/passwd’)."
        " Neem de afbeelding op in het sjabloon zelf: in Word Invoegen > Afbeeldingen, en kies "
        "niet ‘Koppelen aan bestand’.",
    ]


@pytest.mark.parametrize("name", ["brief", "persbericht"])
def test_shipped_templates_compile(name):
    assert CompiledTemplate(REPO / "templates" / f"{name}.docx").part("word/document.xml")


# --- the check stays linear in the size of the template ----------------------------------------


@pytest.mark.parametrize(
    "paragraphs",
    [
        [["{%" * 40_000]],  # one run
        [["{%"] * 40_000],  # one paragraph, a run each
        [["{%"] for _ in range(40_000)],  # a paragraph each
        [["{{ letter.subject }}" + "-%}" * 40_000]],  # closers without opener
    ],
    ids=["one-run", "runs", "paragraphs", "closers"],
)
def test_many_stray_openers_are_checked_quickly(tmp_path, paragraphs):
    template = docx_with_many(tmp_path / "veel.docx", paragraphs)
    started = time.monotonic()
    findings = check_template(template)
    assert time.monotonic() - started < 10
    assert [(f.severity, f.where) for f in findings] == [(ERROR, "hoofdtekst, alinea 1")]
    assert findings[0].message.startswith("de tags kloppen niet: 40000 keer staat er een ‘{{’")


def test_a_few_stray_openers_still_get_jinjas_own_message(tmp_path):
    template = docx_with(tmp_path / "fout.docx", [["Eerste"], ["{{ letter.subject {{ x"]])
    (finding,) = check_template(template)
    assert finding.where == "hoofdtekst, alinea 2"
    assert finding.message.startswith("Jinja-syntaxfout in ‘{{ letter.subject {{ x’")


def test_many_findings_are_placed_in_linear_time(tmp_path):
    count = 12_000
    template = docx_with_many(tmp_path / "onbekend.docx", [["{{ letter.onbekend }}"]] * count)
    started = time.monotonic()
    findings = check_template(template)
    assert time.monotonic() - started < 10
    unknown = [f for f in findings if f.message == "onbekende variabele ‘letter.onbekend’."]
    assert len(unknown) == count
    assert unknown[-1].where == f"hoofdtekst, alinea {count}"


def test_split_tags_are_found_as_before(tmp_path):
    runs = ["{{ letter.", "subject }} en {{ letter.subject }} en {%", " if x %}{% endif %}"]
    template = docx_with(tmp_path / "runs.docx", [runs, ["{{ a }}}} {{ letter.subject }}"]])
    split = [f.message for f in check_template(template) if "opmaakdelen" in f.message]
    assert split == [
        "de tag ‘{{ letter.subject }}’ is in Word over meerdere opmaakdelen verdeeld. "
        "Typ de tag opnieuw in één keer, zonder opmaak halverwege.",
        "de tag ‘{% if x %}’ is in Word over meerdere opmaakdelen verdeeld. "
        "Typ de tag opnieuw in één keer, zonder opmaak halverwege.",
    ]
