"""What a template package may contain: nothing that loads from outside, no macros, sound XML."""

from __future__ import annotations

import posixpath
import re
import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath

from lxml import etree

from composer.i18n import N_, _

MAIN_PART = "word/document.xml"
_R = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "http://purl.oclc.org/ooxml/officeDocument/relationships",
)
_O_RELID = "{urn:schemas-microsoft-com:office:office}relid"
# Elements that use a hyperlink relationship as what it is: a link a reader may click.
_LINK_ELEMENTS = {"hyperlink", "hlinkClick", "hlinkHover"}
# Field codes that fetch a file, a picture, a database or another program's data.
_LOADING_FIELDS = {
    "INCLUDEPICTURE",
    "INCLUDETEXT",
    "INCLUDE",
    "IMPORT",
    "LINK",
    "DDE",
    "DDEAUTO",
    "DATABASE",
    "RD",
}
_MACRO_NAMES = re.compile(r"(^|/)(vbaproject[^/]*\.bin|vbadata\.xml)$", re.IGNORECASE)
_MACRO_TYPES = re.compile(r"macroenabled|vbaproject|vbadata", re.IGNORECASE)
_ACTIVEX = re.compile(r"activex|/control$", re.IGNORECASE)
_SCHEME = re.compile(r"^\s*([A-Za-z][A-Za-z0-9+.-]*:|//|\\\\)")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_XML_SUFFIXES = (".xml", ".rels", ".vml")


@dataclass(frozen=True)
class PackageProblem:
    part: str  # the member it is about ("" for the template as a whole)
    message: str  # translated, starts in lower case like a lint finding


def part_label(name: str) -> str:
    """The member as a person reads it: hoofdtekst, koptekst (header1.xml), …"""
    path = PurePosixPath(name)
    if path.parent.name == "_rels":  # a relationship part is about the part it belongs to
        source = _source_part(name)
        return part_label(source) if source else _("pakket (_rels/.rels)")
    stem = path.stem
    if name == MAIN_PART:
        return _("hoofdtekst")
    if stem.startswith("header"):
        return _("koptekst ({part})").format(part=path.name)
    if stem.startswith("footer"):
        return _("voettekst ({part})").format(part=path.name)
    if name == "word/settings.xml":
        return _("documentinstellingen (settings.xml)")
    return _("onderdeel {part}").format(part=name)


def _shown(text: str) -> str:
    text = _CONTROL.sub("", text)
    return text if len(text) <= 80 else text[:77] + "…"


def _local(element: etree._Element) -> str:
    tag = element.tag
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def _attribute(element: etree._Element, local: str) -> str | None:
    for name, value in element.attrib.items():
        if etree.QName(name).localname == local:
            return value
    return None


def _looks_like_xml(data: bytes) -> bool:
    """By content, not name: LibreOffice reads a header hidden in `word/kop.bin` all the same."""
    return data[:4096].removeprefix(b"\xef\xbb\xbf").lstrip()[:1] == b"<"


def _judged_as_xml(name: str, tree: etree._Element | None) -> bool:
    """XML parts must be sound XML without DOCTYPE; other parts only when they parse as XML
    (a header hidden in `word/kop.bin`), and never SVG pictures, which often carry a DOCTYPE."""
    name = name.lower()
    if name.endswith(_XML_SUFFIXES):
        return True
    return tree is not None and not name.endswith(".svg")


def _parse(data: bytes) -> tuple[etree._Element | None, str | None]:
    """The part's tree (parsed without loading anything) and what is wrong with it, if anything."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        message = _(
            "dit onderdeel is geen leesbare tekst (geen UTF-8). Sla het sjabloon in Word "
            "opnieuw op."
        )
        return None, message
    problem = None
    if "<!DOCTYPE" in text or "<!ENTITY" in text:
        problem = _(
            "dit onderdeel bevat een DOCTYPE-declaratie. Die hoort niet in een Word-document en "
            "kan bestanden van buiten laden. Sla het sjabloon in Word opnieuw op."
        )
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        return etree.fromstring(data, parser), problem
    except etree.XMLSyntaxError as exc:
        return None, problem or _(
            "dit onderdeel is geen geldige XML ({error}). Sla het sjabloon in Word opnieuw op."
        ).format(error=exc)


def _macro_problems(
    parts: dict[str, bytes], trees: dict[str, etree._Element]
) -> list[PackageProblem]:
    """Macros and ActiveX, by member name, content type or relationship type (one finding each)."""
    macro = next((name for name in parts if _MACRO_NAMES.search(name)), None)
    activex = next((name for name in parts if _ACTIVEX.search(name)), None)
    for name, tree in trees.items():
        if name != "[Content_Types].xml" and not name.lower().endswith(".rels"):
            continue
        for element in tree.iter():
            kind = _attribute(element, "ContentType") or element.get("Type") or ""
            if macro is None and _MACRO_TYPES.search(kind):
                macro = name
            if activex is None and _ACTIVEX.search(kind):
                activex = name
    problems = []
    if macro is not None:
        message = _(
            "het sjabloon bevat macro’s. Die zijn niet toegestaan: sla het sjabloon in Word op "
            "als ‘Word-document (*.docx)’, niet als document of sjabloon met macro’s."
        )
        problems.append(PackageProblem(macro, message))
    if activex is not None:
        message = _(
            "het sjabloon bevat ActiveX-besturingselementen. Die zijn niet toegestaan: "
            "verwijder ze in Word."
        )
        problems.append(PackageProblem(activex, message))
    return problems


def _relationships(tree: etree._Element) -> list[tuple[str, str, str, bool]]:
    """(Id, Type, Target, external) of every relationship in a .rels part."""
    found = []
    for element in tree.iter():
        if _local(element) != "Relationship":
            continue
        target = element.get("Target", "")
        mode = element.get("TargetMode", "").strip().lower()
        external = mode == "external" or bool(_SCHEME.match(target))
        found.append((element.get("Id", ""), element.get("Type", ""), target, external))
    return found


# What it means when a part of this kind (lower case) is loaded from outside the template.
_EXTERNAL_KINDS = {
    "image": N_(
        "een afbeelding wordt van buiten het sjabloon geladen (‘{target}’). Neem de "
        "afbeelding op in het sjabloon zelf: in Word Invoegen > Afbeeldingen, en kies niet "
        "‘Koppelen aan bestand’."
    ),
    "attachedtemplate": N_(
        "het sjabloon is gekoppeld aan een ander sjabloon buiten het bestand (‘{target}’). "
        "Verwijder die koppeling in Word (Ontwikkelaars > Documentsjabloon) en sla het "
        "opnieuw op."
    ),
}


def _relationship_problem(kind: str, target: str, external: bool) -> str | None:
    kind = kind.rsplit("/", 1)[-1]
    if kind.lower() == "afchunk":
        return _(
            "het sjabloon voegt een ander document in (‘{target}’). Dat is niet toegestaan: "
            "plak de inhoud gewoon in het sjabloon."
        ).format(target=_shown(target))
    if not external or kind == "hyperlink":
        return None
    words = _EXTERNAL_KINDS.get(kind.lower())
    if words is not None:
        return _(words).format(target=_shown(target))
    return _(
        "het sjabloon laadt iets van buiten het bestand (‘{target}’, soort ‘{kind}’). Alleen "
        "koppelingen (hyperlinks) mogen naar buiten wijzen; neem de inhoud op in het sjabloon "
        "zelf of verwijder hem."
    ).format(target=_shown(target), kind=_shown(kind))


def _source_part(rels_name: str) -> str:
    path = PurePosixPath(rels_name)
    source = path.parent.parent / path.name.removesuffix(".rels")
    return str(source) if source.name else ""


def _main_part_problem(trees: dict[str, etree._Element], parts: dict[str, bytes]) -> str | None:
    if MAIN_PART not in parts:
        return _(
            "het sjabloon heeft geen hoofdtekst (het onderdeel word/document.xml ontbreekt). "
            "Sla het in Word opnieuw op als Word-document (.docx)."
        )
    root = trees.get("_rels/.rels")
    for _id, kind, target, _external in _relationships(root) if root is not None else []:
        if kind.endswith("/officeDocument") and posixpath.normpath(target.lstrip("/")) != MAIN_PART:
            return _(
                "de hoofdtekst staat niet op de gewone plaats (‘{target}’). Sla het sjabloon in "
                "Word opnieuw op als Word-document (.docx)."
            ).format(target=_shown(target))
    return None


def _field_problem(instruction: str) -> str | None:
    if "{{" in instruction or "{%" in instruction:
        return _(
            "een veldcode bevat een tag (‘{code}’); zo zou de inhoud van een brief bepalen wat "
            "het veld doet. Typ de veldcode zonder tags."
        ).format(code=_shown(instruction.strip()))
    words = instruction.split()
    if words and words[0].upper() in _LOADING_FIELDS:
        return _(
            "het veld {field} haalt inhoud van buiten het sjabloon op. Verwijder het veld "
            "(Alt+F9 toont de veldcodes in Word) en neem de inhoud zelf op."
        ).format(field=words[0].upper())
    return None


def _story_problems(tree: etree._Element, links: dict[str, str]) -> list[str]:
    """Field codes, mail-merge sources and misused hyperlink relationships in one part."""
    problems: list[str] = []

    def add(problem: str | None) -> None:
        if problem and problem not in problems:
            problems.append(problem)

    fields: list[list[str] | None] = []  # per open field its code so far; None once judged
    for element in tree.iter():
        local = _local(element)
        if local == "fldChar":
            kind = _attribute(element, "fldCharType")
            if kind == "begin":
                fields.append([])
            elif fields and kind in ("separate", "end"):
                code = fields.pop()
                if code is not None:
                    add(_field_problem("".join(code)))
                if kind == "separate":
                    fields.append(None)  # the result follows, up to the field's end
        elif local in ("instrText", "delInstrText"):
            code = fields[-1] if fields else None
            if code is None:
                add(_field_problem(element.text or ""))
            else:
                code.append(element.text or "")
        elif local == "fldSimple":
            add(_field_problem(_attribute(element, "instr") or ""))
        elif local == "mailMerge":
            add(
                _(
                    "het sjabloon is in Word gekoppeld aan een gegevensbron voor samenvoegen. "
                    "Verwijder die koppeling (Verzendlijsten > Afdruk samenvoegen starten > "
                    "Normaal Word-document) en sla het opnieuw op."
                )
            )
        if links and local not in _LINK_ELEMENTS:
            for name, value in element.attrib.items():
                uses = name == _O_RELID or etree.QName(name).namespace in _R
                if uses and value in links:
                    add(
                        _(
                            "de koppeling naar ‘{target}’ wordt niet als koppeling gebruikt maar "
                            "om inhoud te laden. Verwijder het onderdeel dat hem gebruikt."
                        ).format(target=_shown(links[value]))
                    )
    for code in fields:
        if code is not None:
            add(_field_problem("".join(code)))
    return problems


def package_problems(members: list[tuple[zipfile.ZipInfo, bytes]]) -> list[PackageProblem]:
    """Everything in the package that a render must not take along; empty when it is safe."""
    parts = {info.filename: data for info, data in members}
    trees: dict[str, etree._Element] = {}
    problems: list[PackageProblem] = []
    for name, data in parts.items():
        if not name.lower().endswith(_XML_SUFFIXES) and not _looks_like_xml(data):
            continue
        tree, problem = _parse(data)
        if tree is not None:
            trees[name] = tree
        if problem and _judged_as_xml(name, tree):
            problems.append(PackageProblem(name, problem))
    main = _main_part_problem(trees, parts)
    if main:
        problems.append(PackageProblem("", main))
    problems += _macro_problems(parts, trees)
    links: dict[str, dict[str, str]] = {}  # source part → external hyperlink Id → target
    for name, tree in trees.items():
        if not name.lower().endswith(".rels"):
            continue
        for rel_id, kind, target, external in _relationships(tree):
            problem = _relationship_problem(kind, target, external)
            if problem:
                problems.append(PackageProblem(name, problem))
            elif external:
                links.setdefault(_source_part(name), {})[rel_id] = target
    for name, tree in trees.items():
        if not name.lower().endswith(".rels") and name != "[Content_Types].xml":
            for message in _story_problems(tree, links.get(name, {})):
                problems.append(PackageProblem(name, message))
    return problems
