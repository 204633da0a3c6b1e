"""Fonts a DOCX asks for and whether this computer has them: LibreOffice substitutes silently."""

from __future__ import annotations

import functools
import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

from lxml import etree

from composer.errors import ComposerError
from composer.i18n import _

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
FONT_SLOTS = ("ascii", "hAnsi")  # the fonts for Latin text; eastAsia and cs are not checked
_TEXT_PARTS = re.compile(r"word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml")

# Debian/Ubuntu packages for fonts a template is likely to name.
PACKAGES = {
    "carlito": "fonts-crosextra-carlito",
    "caladea": "fonts-crosextra-caladea",
    "liberation sans": "fonts-liberation2",
    "liberation serif": "fonts-liberation2",
    "liberation mono": "fonts-liberation2",
    "dejavu sans": "fonts-dejavu",
    "dejavu serif": "fonts-dejavu",
    "open sans": "fonts-open-sans",
    "noto sans": "fonts-noto-core",
    "noto serif": "fonts-noto-core",
    "source sans pro": "fonts-adobe-sourcesans3",
}
# Microsoft fonts that have a free twin with the same letter widths. The templates name the
# Microsoft font (Word on Windows and Mac has it); LibreOffice sets the PDF in the twin.
TWINS = {"calibri": "Carlito", "cambria": "Caladea", "arial": "Liberation Sans"}
TWINS |= {"times new roman": "Liberation Serif", "courier new": "Liberation Mono"}


def _zip(docx: Path | bytes) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(io.BytesIO(docx) if isinstance(docx, bytes) else Path(docx))
    except (OSError, zipfile.BadZipFile):
        if isinstance(docx, bytes):
            raise ComposerError(_("Het document is geen leesbaar DOCX-bestand.")) from None
        raise ComposerError(
            _("‘{name}’ is geen leesbaar DOCX-bestand.").format(name=Path(docx).name)
        ) from None


def _parse(archive: zipfile.ZipFile, name: str) -> etree._Element | None:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
    try:
        return etree.fromstring(archive.read(name), parser)
    except (KeyError, etree.XMLSyntaxError):
        return None


def _fonts_of(rpr: etree._Element | None) -> dict[str, str]:
    """{'ascii': 'Carlito', …} from the rFonts of a w:rPr; '' for a theme reference."""
    element = rpr.find(f"{{{W}}}rFonts") if rpr is not None else None
    found: dict[str, str] = {}
    for slot in FONT_SLOTS:
        if element is None:
            continue
        if element.get(f"{{{W}}}{slot}Theme"):
            found[slot] = ""  # theme fonts are ignored, but they do override what lies below
        elif (element.get(f"{{{W}}}{slot}") or "").strip():
            found[slot] = element.get(f"{{{W}}}{slot}").strip()
    return found


class _Styles:
    """styles.xml: each style's own fonts and parent, the defaults, and docDefaults."""

    def __init__(self, root: etree._Element | None) -> None:
        self.own: dict[str, dict[str, str]] = {}
        self.parent: dict[str, str] = {}
        self.defaults: list[str] = []
        self.base: dict[str, str] = {}
        if root is None:
            return
        self.base = _fonts_of(root.find(f"{{{W}}}docDefaults/{{{W}}}rPrDefault/{{{W}}}rPr"))
        for style in root.iter(f"{{{W}}}style"):
            style_id = style.get(f"{{{W}}}styleId") or ""
            self.own[style_id] = _fonts_of(style.find(f"{{{W}}}rPr"))
            based_on = style.find(f"{{{W}}}basedOn")
            if based_on is not None:
                self.parent[style_id] = based_on.get(f"{{{W}}}val") or ""
            if style.get(f"{{{W}}}default") in ("1", "true"):
                self.defaults.append(style_id)

    def fonts(self, style_id: str) -> set[str]:
        """The fonts a style really sets: per slot the nearest definition up its basedOn chain."""
        chain: list[dict[str, str]] = []
        seen: set[str] = set()
        while style_id in self.own and style_id not in seen:
            seen.add(style_id)
            chain.append(self.own[style_id])
            style_id = self.parent.get(style_id, "")
        chain.append(self.base)
        found = set()
        for slot in FONT_SLOTS:
            value = next((level[slot] for level in chain if slot in level), "")
            if value:
                found.add(value)
        return found


def template_fonts(docx: Path | bytes) -> set[str]:
    """Fonts the text can use: those of the styles used in body, headers and footers (and the
    default styles), plus fonts set directly on text. Only w:rFonts ascii/hAnsi count.

    word/fontTable.xml is not read (it lists fonts Word once knew, used or not), nor are styles
    that no text uses (Word's templates define dozens), nor numbering.xml's bullet fonts."""
    with _zip(docx) as archive:
        styles = _Styles(_parse(archive, "word/styles.xml"))
        used = set(styles.defaults)
        fonts: set[str] = set()
        for name in archive.namelist():
            root = _parse(archive, name) if _TEXT_PARTS.fullmatch(name) else None
            if root is None:
                continue
            for tag in ("pStyle", "rStyle", "tblStyle"):
                used.update(e.get(f"{{{W}}}val") or "" for e in root.iter(f"{{{W}}}{tag}"))
            for element in root.iter(f"{{{W}}}rPr"):
                fonts.update(value for value in _fonts_of(element).values() if value)
    for style_id in used:
        fonts |= styles.fonts(style_id)
    return fonts


@functools.lru_cache(maxsize=1)
def installed_families() -> frozenset[str] | None:
    """Font families fontconfig knows (casefolded), or None when fc-list is not there."""
    fc_list = shutil.which("fc-list")
    if not fc_list:
        return None
    try:
        listing = subprocess.run(
            [fc_list, ":", "family"], capture_output=True, timeout=60, check=True
        ).stdout.decode("utf-8", "replace")
    except (OSError, subprocess.SubprocessError):
        return None
    families = set()
    for line in listing.splitlines():
        for family in line.replace("\\", "").split(","):
            if family.strip():
                families.add(family.strip().casefold())
    return frozenset(families)


def _available(font: str, families: frozenset[str]) -> bool:
    """Installed, or its twin is: LibreOffice then sets the PDF in the twin (Calibri in Carlito),
    with the same letter widths, so the PDF matches what Word shows."""
    key = font.casefold()
    return key in families or (key in TWINS and TWINS[key].casefold() in families)


def missing_fonts(docx: Path | bytes) -> list[str]:
    """Fonts the DOCX names that are not installed, nor their free twin; [] when this cannot be
    told (no fc-list)."""
    families = installed_families()
    if families is None:
        return []
    return sorted(
        (font for font in template_fonts(docx) if not _available(font, families)),
        key=str.casefold,
    )


def _advice(font: str) -> str:
    key = font.casefold()
    if key in PACKAGES:
        return _(
            "Installeer het lettertype (op Debian/Ubuntu: sudo apt install {package})."
        ).format(package=PACKAGES[key])
    if key in TWINS:
        twin = TWINS[key]
        return _(
            "Installeer {font} of {twin}, dat even breed is; LibreOffice gebruikt {twin} dan "
            "in de PDF (op Debian/Ubuntu: sudo apt install {package})."
        ).format(font=font, twin=twin, package=PACKAGES[twin.casefold()])
    return _("Installeer het lettertype, of kies in het sjabloon een lettertype dat er wel is.")


def _warning(font: str) -> str:
    if font.casefold() in TWINS:
        missing = _(
            "Het lettertype ‘{font}’ uit het sjabloon is niet geïnstalleerd, en {twin} (even "
            "breed) ook niet; LibreOffice gebruikt een vervanger, waardoor de PDF kan afwijken "
            "van de DOCX."
        ).format(font=font, twin=TWINS[font.casefold()])
    else:
        missing = _(
            "Het lettertype ‘{font}’ uit het sjabloon is niet geïnstalleerd; LibreOffice "
            "gebruikt een vervanger, waardoor de PDF kan afwijken van de DOCX."
        ).format(font=font)
    return f"{missing} {_advice(font)}"


def font_warnings(docx: Path | bytes) -> list[str]:
    """A warning (for the screen) for every font the DOCX needs that this computer lacks."""
    return [_warning(font) for font in missing_fonts(docx)]
