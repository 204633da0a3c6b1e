"""A DOCX template compiled once and rendered many times (sandboxed Jinja over WordprocessingML)."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docxtpl import DocxTemplate
from jinja2 import Template, TemplateError
from jinja2.sandbox import SecurityError
from lxml import etree

from composer.errors import Remedy, RemedyAction, TemplateProblem
from composer.i18n import _
from composer.render.layout import apply_layout
from composer.render.limits import RenderLimitError, render_budget
from composer.render.list_numbering import NUMBERING_PART, number_lists
from composer.render.logo_extent import with_logo_size_tags
from composer.render.package_check import package_problems, part_label
from composer.render.package_reader import read_package
from composer.render.sandbox import make_environment

_RENDERED_PART = re.compile(r"^word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$")
_PARAGRAPH_START = re.compile(r"<w:p([ >])")
# What docxtpl leaves around a `{{r … }}` tag: runs without properties or text.
_EMPTY_RUN = '<w:r><w:t xml:space="preserve"></w:t></w:r>'
# libxml2's refusal of a text node over 10 MB (its wording differs between versions).
_HUGE_TEXT = re.compile(r"huge text node|Text node too long", re.IGNORECASE)


def docxtpl_preprocess(xml: str) -> str:
    """docxtpl's cleaning of Word XML: joins tags Word split across runs, handles `{%p %}`.

    `patch_xml` uses no instance state, so it is called without building a DocxTemplate.
    """
    return DocxTemplate.patch_xml(None, xml)  # type: ignore[arg-type]


def prepared_source(xml: str) -> str:
    """Template source of one part: one paragraph per line, so Jinja line = paragraph."""
    return _PARAGRAPH_START.sub(r"\n<w:p\1", docxtpl_preprocess(xml))


def read_docx_parts(path: Path) -> list[tuple[zipfile.ZipInfo, bytes]]:
    """The template's members, read within limits; TemplateProblem if the package is unsafe.

    Every render reads its template through here, so what `templates check` refuses (anything
    loaded from outside, macros, zip bombs; see package_check.py) never reaches a document.
    """
    path = Path(path)
    parts = read_package(path)
    problems = package_problems(parts)
    if problems:
        head = _("Het sjabloon ‘{name}’ is niet veilig of niet bruikbaar:").format(name=path.name)
        listed = [
            "- "
            + _("{where}: {problem}").format(
                where=part_label(problem.part) if problem.part else path.name,
                problem=problem.message,
            )
            for problem in problems
        ]
        raise TemplateProblem("\n".join([head, *listed]))
    return parts


@dataclass
class _Part:
    info: zipfile.ZipInfo
    data: bytes
    template: Template | None


class CompiledTemplate:
    """Parse, clean and compile every text part once; `render` fills them and zips the result."""

    def __init__(self, path: Path, layout: dict[str, float] | None = None) -> None:
        self.path = Path(path)
        environment = make_environment()
        self._parts: list[_Part] = []
        for info, data in read_docx_parts(self.path):
            template = None
            if _RENDERED_PART.match(info.filename):
                xml = data.decode("utf-8")
                if info.filename == "word/document.xml" and layout:
                    xml = apply_layout(xml, layout)
                xml = with_logo_size_tags(xml)
                try:
                    source = prepared_source(xml).replace(_EMPTY_RUN, "")
                    template = environment.from_string(source)
                except TemplateError as exc:
                    raise TemplateProblem(
                        _("Het sjabloon ‘{name}’ bevat een fout in {part}: {error}.").format(
                            name=self.path.name, part=info.filename, error=exc
                        ),
                        remedy=Remedy(RemedyAction.FIX_TEMPLATE),
                    ) from None
            self._parts.append(_Part(info, data, template))

    def render_parts(self, context: dict[str, Any]) -> dict[str, bytes]:
        """The rendered text parts by name, each checked to be well-formed XML.

        All parts together get one budget of time and output (composer/render/limits.py).
        """
        rendered: dict[str, bytes] = {}
        with render_budget():
            for part in self._parts:
                if part.template is not None:
                    rendered[part.info.filename] = self._render_part(part, context)
        return rendered

    def _render_part(self, part: _Part, context: dict[str, Any]) -> bytes:
        assert part.template is not None
        try:
            xml = part.template.render(context)
        except RenderLimitError as exc:
            raise TemplateProblem(
                _("Het sjabloon ‘{name}’ is gestopt: {reason}.").format(
                    name=self.path.name, reason=exc
                ),
                remedy=Remedy(RemedyAction.FIX_TEMPLATE),
            ) from None
        except SecurityError as exc:
            raise TemplateProblem(
                _("Het sjabloon ‘{name}’ probeert iets wat niet is toegestaan: {error}").format(
                    name=self.path.name, error=exc
                )
            ) from None
        except TemplateError as exc:
            raise TemplateProblem(
                _("Het sjabloon ‘{name}’ kan niet worden ingevuld: {error}").format(
                    name=self.path.name, error=exc
                )
            ) from None
        data = xml.replace("\n<w:p", "<w:p").encode("utf-8")
        try:
            etree.fromstring(data)
        except etree.XMLSyntaxError as exc:
            if _HUGE_TEXT.search(str(exc)):
                raise TemplateProblem(
                    _(
                        "Het sjabloon ‘{name}’ zet in {part} meer dan 10 MB tekst aan één stuk, "
                        "zonder alinea of regeleinde ertussen; zo'n stuk tekst kan niet in een "
                        "Word-document. Pas het sjabloon aan."
                    ).format(name=self.path.name, part=part.info.filename)
                ) from None
            raise TemplateProblem(
                _("Het sjabloon ‘{name}’ levert ongeldige XML op in {part}: {error}").format(
                    name=self.path.name, part=part.info.filename, error=exc
                )
            ) from None
        return data

    def render(self, context: dict[str, Any], replace: dict[str, bytes] | None = None) -> bytes:
        """The finished DOCX as bytes; `replace` swaps whole parts (e.g. docProps/core.xml).

        Each numbered list gets a numbering of its own, so that it starts at 1 (list_numbering).
        """
        rendered = number_lists(self.render_parts(context), self.part(NUMBERING_PART))
        rendered.update(replace or {})
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
            for part in self._parts:
                archive.writestr(part.info, rendered.get(part.info.filename, part.data))
        return buffer.getvalue()

    def part(self, name: str) -> bytes | None:
        for part in self._parts:
            if part.info.filename == name:
                return part.data
        return None
