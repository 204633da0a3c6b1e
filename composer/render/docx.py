"""Renders a letter to DOCX: checks the template, builds the context, writes atomically."""

from __future__ import annotations

import contextlib
import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from composer.core.catalogues import load_profile, load_promises, promises_for
from composer.core.models import Letter
from composer.errors import ComposerError, TemplateProblem
from composer.fileio import write_bytes_atomic
from composer.i18n import _
from composer.render.compiled import CompiledTemplate
from composer.render.context import RenderInputs, build_context
from composer.render.lint import blocking, check_template
from composer.render.page_checks import check_page
from composer.render.properties import app_properties_xml, core_properties_xml
from composer.render.registry import TemplateInfo, find_template, list_templates
from composer.render.sender import media_parts
from composer.settings import Settings


@dataclass
class RenderedDocx:
    data: bytes
    template: TemplateInfo
    warnings: list[str] = field(default_factory=list)


def _file_key(path: Path) -> tuple[str, int, int]:
    stat = path.stat()
    return (str(path), stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=16)
def _checked(key: tuple[str, int, int]) -> None:
    problems = blocking(check_template(Path(key[0])))
    if problems:
        head = _("Het sjabloon ‘{name}’ is niet veilig of niet bruikbaar:").format(
            name=Path(key[0]).name
        )
        listed = [
            "- " + _("{where}: {problem}").format(where=problem.where, problem=problem.message)
            for problem in problems
        ]
        raise TemplateProblem("\n".join([head, *listed]))


@functools.lru_cache(maxsize=16)
def _compiled(key: tuple[str, int, int], layout: tuple[tuple[str, float], ...]) -> CompiledTemplate:
    return CompiledTemplate(Path(key[0]), dict(layout))


def compiled_template(info: TemplateInfo, settings: Settings) -> CompiledTemplate:
    """The template checked (lint) and compiled once per file version and layout."""
    key = _file_key(info.path)
    _checked(key)
    return _compiled(key, tuple(sorted(effective_layout(info, settings).items())))


def effective_layout(info: TemplateInfo, settings: Settings) -> dict[str, float]:
    """The template's millimetre layout with the user's settings for that template over it."""
    return {**info.layout, **settings.layout.get(info.name, {})}


def prepare_templates(settings: Settings) -> None:
    """Check and compile every template now, so no letter waits for it later; a template that
    fails is reported when a letter uses it."""
    for info in list_templates():
        with contextlib.suppress(ComposerError):
            compiled_template(info, settings)


class DocxRenderer:
    """Renders many letters with settings and catalogues read once (mail merge, previews).

    `settings` come from the caller (the Workspace's); the renderer never reads settings.toml.
    """

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.profile = load_profile()
        self.promises = load_promises()
        self._templates: dict[str, TemplateInfo] = {}

    def render(self, letter: Letter, copy: int | None = None) -> RenderedDocx:
        """The letter as DOCX: one copy per addressee; `copy` (0-based): only that addressee's
        copy (with the whole distribution list), as the PDF is made of them."""
        info = self._templates.get(letter.template)
        if info is None:
            info = self._templates[letter.template] = find_template(letter.template)
        template = compiled_template(info, self.settings)
        inputs = RenderInputs(
            profile=self.profile,
            promises=promises_for(letter.extra, self.promises),
            group_salutation=self.settings.group_salutation,
        )
        context = build_context(letter, info.kind, inputs)
        if copy is not None:
            context = only_copy(context, copy)
        author = letter.signatories[0].name if letter.signatories else self.profile.name
        core = core_properties_xml(
            title=letter.subject,
            author=author,
            created=letter.date,
            subject=letter.our_reference,
            keywords=letter.our_reference,
        )
        layout = effective_layout(info, self.settings)
        warnings = [*inputs.warnings, *check_page(context, info, layout)]
        parts = {
            "docProps/core.xml": core,
            "docProps/app.xml": app_properties_xml(company=self.profile.name),
            **media_parts(self.profile),
        }
        data = template.render(context, replace=parts)
        return RenderedDocx(data=data, template=info, warnings=warnings)

    def render_copies(self, letter: Letter) -> list[RenderedDocx]:
        """One DOCX per copy of a letter to several addressees, each numbering "pagina 2 van 3"
        for itself (LibreOffice cannot count the pages of one section); the letter itself (one
        DOCX) for a letter to one addressee or none."""
        if len(letter.addressees) <= 1:
            return [self.render(letter)]
        return [self.render(letter, copy) for copy in range(len(letter.addressees))]


def only_copy(context: dict[str, Any], copy: int) -> dict[str, Any]:
    """The context of a letter to several addressees reduced to the copy of one of them."""
    recipient = context["recipients"][copy]
    return {
        **context,
        "recipients": [recipient],
        "address_block": recipient["address_block"],
        "letter": {**context["letter"], "salutation": recipient["salutation"]},
    }


def render_docx(letter: Letter, settings: Settings | None = None) -> RenderedDocx:
    """One letter; `settings` None: the built-in defaults (the faces pass the Workspace's)."""
    return DocxRenderer(settings if settings is not None else Settings()).render(letter)


def write_docx(letter: Letter, out: Path, settings: Settings | None = None) -> RenderedDocx:
    rendered = render_docx(letter, settings)
    write_bytes_atomic(out, rendered.data)
    return rendered
