"""`templates check` and the sandbox: unsafe or broken templates are refused with a clear reason."""

from __future__ import annotations

import json
import os
import zipfile
from pathlib import Path

import pytest

from composer.core.letterfile import letter_from_dict
from composer.errors import TemplateProblem
from composer.render.docx import render_docx
from composer.render.lint import ERROR, WARNING, check_template
from tests.render.template_factory import docx_with, install_user_template

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "resources" / "samples" / "brief-cao-onderhandelaars.json"

ESCAPES = [
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ letter|attr('__class__') }}",
    "{% for c in ().__class__.__base__.__subclasses__() %}{{ c }}{% endfor %}",
    "{{ cycler.__init__.__globals__.os }}",
    "{{ letter['__class__'] }}",
]


@pytest.mark.parametrize("name", ["brief", "persbericht"])
def test_shipped_templates_are_clean(name):
    assert check_template(REPO / "templates" / f"{name}.docx") == []


@pytest.mark.parametrize("payload", ESCAPES)
def test_reaching_python_internals_is_refused_by_check(tmp_path, payload):
    template = docx_with(tmp_path / "kwaad.docx", [["Betreft: "], [payload]])
    findings = check_template(template)
    assert any(f.severity == ERROR and "niet toegestaan" in f.message for f in findings), findings


def test_reaching_python_internals_is_refused_by_render(tmp_path):
    template = docx_with(tmp_path / "kwaad.docx", [[ESCAPES[0]], ["{{ letter.subject }}"]])
    install_user_template(Path(os.environ["COMPOSER_DATA_DIR"]), "kwaad", template)
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    data["template"] = "kwaad"
    with pytest.raises(TemplateProblem, match=r"(?s)niet veilig.*niet toegestaan"):
        render_docx(letter_from_dict(data))


def test_syntax_error_names_the_paragraph(tmp_path):
    template = docx_with(
        tmp_path / "fout.docx", [["Eerste alinea"], ["Tweede"], ["Betreft: {{ letter.subject }"]]
    )
    (finding,) = check_template(template)
    assert finding.severity == ERROR
    assert finding.where == "hoofdtekst, alinea 3"
    assert "Jinja-syntaxfout in ‘Betreft: {{ letter.subject }’" in finding.message


def test_tag_split_across_runs_is_a_warning(tmp_path):
    template = docx_with(tmp_path / "runs.docx", [["Betreft: {{ letter.", "subject }}"]])
    (finding,) = check_template(template)
    assert finding.severity == WARNING
    assert finding.where == "hoofdtekst, alinea 1"
    assert "over meerdere opmaakdelen verdeeld" in finding.message


def test_unknown_variables_are_named(tmp_path):
    template = docx_with(
        tmp_path / "onbekend.docx",
        [
            ["{{ letter.onderwerp }}"],
            ["{{ handtekening }}"],
            ["{%p for block in body %}"],
            ["{{ block.tekst }}"],
            ["{%p endfor %}"],
        ],
    )
    messages = {f.message for f in check_template(template)}
    assert "onbekende variabele ‘letter.onderwerp’." in messages
    assert "onbekende variabele ‘handtekening’." in messages
    assert "onbekende variabele ‘block.tekst’." in messages


def test_tracked_changes_in_a_template_are_an_error(tmp_path):
    template = docx_with(tmp_path / "wijz.docx", [["Eerste"], ["Tweede"]])
    with zipfile.ZipFile(template) as archive:
        parts = {i.filename: archive.read(i) for i in archive.infolist()}
    xml = parts["word/document.xml"].decode()
    insertion = (
        '<w:ins w:id="1" w:author="Iemand" w:date="2022-10-17T00:00:00Z">'
        "<w:r><w:t>extra</w:t></w:r></w:ins>"
    )
    xml = xml.replace("<w:t>Tweede</w:t></w:r>", "<w:t>Tweede</w:t></w:r>" + insertion)
    parts["word/document.xml"] = xml.encode()
    with zipfile.ZipFile(template, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    (finding,) = check_template(template)
    assert finding.severity == ERROR and finding.where == "hoofdtekst, alinea 2"
    assert "bijgehouden wijziging" in finding.message


def test_a_file_that_is_not_a_docx(tmp_path):
    fake = tmp_path / "nep.docx"
    fake.write_text("geen zip", encoding="utf-8")
    (finding,) = check_template(fake)
    assert "geen geldig Word-document" in finding.message
