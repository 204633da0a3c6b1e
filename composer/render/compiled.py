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

from composer.errors import TemplateProblem
from composer.i18n import _
from composer.render.layout import apply_layout
from composer.render.sandbox import make_environment

_RENDERED_PART = re.compile(r"^word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$")
_PARAGRAPH_START = re.compile(r"<w:p([ >])")


def docxtpl_preprocess(xml: str) -> str:
    """docxtpl's cleaning of Word XML: joins tags Word split across runs, handles `{%p %}`.

    `patch_xml` uses no instance state, so it is called without building a DocxTemplate.
    """
    return DocxTemplate.patch_xml(None, xml)  # type: ignore[arg-type]


def prepared_source(xml: str) -> str:
    """Template source of one part: one paragraph per line, so Jinja line = paragraph."""
    return _PARAGRAPH_START.sub(r"\n<w:p\1", docxtpl_preprocess(xml))


def read_docx_parts(path: Path) -> list[tuple[zipfile.ZipInfo, bytes]]:
    try:
        with zipfile.ZipFile(path) as archive:
            return [(info, archive.read(info)) for info in archive.infolist()]
    except FileNotFoundError:
        raise TemplateProblem(
            _("Het sjabloonbestand ‘{path}’ bestaat niet.").format(path=path)
        ) from None
    except (zipfile.BadZipFile, OSError) as exc:
        raise TemplateProblem(
            _("‘{path}’ is geen geldig Word-document (.docx): {error}.").format(
                path=path, error=exc
            )
        ) from None


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
                try:
                    template = environment.from_string(prepared_source(xml))
                except TemplateError as exc:
                    raise TemplateProblem(
                        _(
                            "Het sjabloon ‘{name}’ bevat een fout in {part}: {error}. "
                            "Controleer het met ‘composer templates check’."
                        ).format(name=self.path.name, part=info.filename, error=exc)
                    ) from None
            self._parts.append(_Part(info, data, template))

    def render_parts(self, context: dict[str, Any]) -> dict[str, bytes]:
        """The rendered text parts by name, each checked to be well-formed XML."""
        rendered: dict[str, bytes] = {}
        for part in self._parts:
            if part.template is None:
                continue
            try:
                xml = part.template.render(context)
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
            xml = xml.replace("\n<w:p", "<w:p")
            data = xml.encode("utf-8")
            try:
                etree.fromstring(data)
            except etree.XMLSyntaxError as exc:
                raise TemplateProblem(
                    _("Het sjabloon ‘{name}’ levert ongeldige XML op in {part}: {error}").format(
                        name=self.path.name, part=part.info.filename, error=exc
                    )
                ) from None
            rendered[part.info.filename] = data
        return rendered

    def render(self, context: dict[str, Any], replace: dict[str, bytes] | None = None) -> bytes:
        """The finished DOCX as bytes; `replace` swaps whole parts (e.g. docProps/core.xml)."""
        rendered = self.render_parts(context)
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
