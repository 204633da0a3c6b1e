"""The templates Composer knows: each a .docx with a small JSON manifest beside it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from composer.core.bounded_json import loads_bounded
from composer.errors import ComposerError
from composer.i18n import _
from composer.paths import data_dir, templates_dir

KINDS = ("brief", "persbericht")


@dataclass(frozen=True)
class TemplateInfo:
    name: str
    title: str
    kind: str
    path: Path
    description: str = ""
    layout: dict[str, float] = field(default_factory=dict)
    font: str = ""  # the body font as the DOCX names it (Calibri); "" when the manifest has none
    font_size_pt: float = 0.0  # the body text size (style Normal); 0 when the manifest has none


def _read_manifest(manifest: Path) -> TemplateInfo:
    try:
        data: dict[str, Any] = loads_bounded(manifest.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:  # ValueError: bad or too deep JSON
        raise ComposerError(
            _("De beschrijving van sjabloon ‘{manifest}’ is onleesbaar: {error}.").format(
                manifest=manifest, error=exc
            )
        ) from None
    name = data.get("name") or manifest.stem
    kind = data.get("kind", "brief")
    if kind not in KINDS:
        raise ComposerError(
            _("Sjabloon ‘{name}’ heeft een onbekende soort ‘{kind}’. Kies uit: {kinds}.").format(
                name=name, kind=kind, kinds=", ".join(KINDS)
            )
        )
    return TemplateInfo(
        name=name,
        title=data.get("title", name),
        kind=kind,
        path=manifest.with_suffix(".docx"),
        description=data.get("description", ""),
        layout=_layout(name, data.get("layout", {})),
        font=_font(name, data.get("font", "")),
        font_size_pt=_font_size(name, data.get("font_size_pt")),
    )


def _font(name: str, value: Any) -> str:
    if not isinstance(value, str):
        raise ComposerError(
            _("Sjabloon ‘{name}’: ‘font’ moet de naam van een lettertype zijn.").format(name=name)
        )
    return value.strip()


def _font_size(name: str, value: Any) -> float:
    if value is None:
        return 0.0
    if isinstance(value, bool) or not isinstance(value, int | float) or not 1 <= value <= 200:
        raise ComposerError(
            _(
                "Sjabloon ‘{name}’: ‘font_size_pt’ moet een getal van 1 tot 200 (punten) zijn."
            ).format(name=name)
        )
    return float(value)


def _layout(name: str, values: Any) -> dict[str, float]:
    """The millimetre settings that apply at render time (lists are for the build script)."""
    if not isinstance(values, dict):
        raise ComposerError(
            _("Sjabloon ‘{name}’: ‘layout’ moet een object met millimeters zijn.").format(name=name)
        )
    layout: dict[str, float] = {}
    for key, value in values.items():
        if isinstance(value, list):
            continue
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ComposerError(
                _("Sjabloon ‘{name}’: ‘layout.{key}’ moet een getal zijn.").format(
                    name=name, key=key
                )
            )
        layout[key] = float(value)
    return layout


def template_folders() -> list[Path]:
    """The user's own templates (data dir) first, so a copy there overrides the shipped one."""
    return [data_dir() / "templates", templates_dir()]


def list_templates() -> list[TemplateInfo]:
    found: dict[str, TemplateInfo] = {}
    for folder in reversed(template_folders()):
        if not folder.is_dir():
            continue
        for manifest in sorted(folder.glob("*.json")):
            if manifest.with_suffix(".docx").is_file():
                info = _read_manifest(manifest)
                found[info.name] = info
    return sorted(found.values(), key=lambda info: info.name)


def find_template(name: str) -> TemplateInfo:
    templates = {info.name: info for info in list_templates()}
    if name not in templates:
        if not templates:
            raise ComposerError(
                _("Onbekend sjabloon ‘{name}’. Beschikbare sjablonen: geen.").format(name=name)
            )
        raise ComposerError(
            _("Onbekend sjabloon ‘{name}’. Beschikbare sjablonen: {known}.").format(
                name=name, known=", ".join(sorted(templates))
            )
        )
    return templates[name]
