"""`templates check`: finds what would break or endanger a render before anyone relies on it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import TemplateError, TemplateSyntaxError, meta, nodes
from jinja2.sandbox import SecurityError
from lxml import etree

from composer.errors import TemplateProblem
from composer.i18n import N_, _
from composer.render.compiled import _RENDERED_PART, prepared_source, read_docx_parts
from composer.render.context_sample import SAMPLE_CONTEXT
from composer.render.sandbox import make_environment

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_TRACKED = re.compile(r"<w:(ins|del|moveFrom|moveTo|rPrChange|pPrChange|sectPrChange)[ >]")
_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}")
_TAGS = re.compile(r"<[^>]+>")
# Severities: compared untranslated, shown through _() (see Finding.__str__).
ERROR = N_("fout")
WARNING = N_("waarschuwing")


@dataclass(frozen=True)
class Finding:
    severity: str  # ERROR blocks rendering; WARNING is reported by `templates check` only
    where: str  # translated (part and paragraph), like `message`
    message: str

    def __str__(self) -> str:
        return _("{severity}: {where}: {problem}").format(
            severity=_(self.severity), where=self.where, problem=self.message
        )


def _part_label(name: str) -> str:
    stem = Path(name).stem
    if stem == "document":
        return _("hoofdtekst")
    if stem.startswith("header"):
        return _("koptekst ({part})").format(part=Path(name).name)
    if stem.startswith("footer"):
        return _("voettekst ({part})").format(part=Path(name).name)
    return Path(name).name


def _where(label: str, paragraph: int) -> str:
    return _("{part}, alinea {number}").format(part=label, number=paragraph)


def _paragraph_texts(xml: bytes) -> list[list[str]]:
    """Per paragraph, the texts of its w:t elements (runs) in order."""
    root = etree.fromstring(xml)
    return [
        [t.text or "" for t in paragraph.iter(f"{{{W}}}t")] for paragraph in root.iter(f"{{{W}}}p")
    ]


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 60 else text[:57] + "…"


def _split_tags(label: str, xml: bytes) -> list[Finding]:
    findings = []
    for number, runs in enumerate(_paragraph_texts(xml), start=1):
        joined = "".join(runs)
        bounds, position = [], 0
        for run in runs:
            bounds.append((position, position + len(run)))
            position += len(run)
        for match in _TAG.finditer(joined):
            inside_one = any(s <= match.start() and match.end() <= e for s, e in bounds)
            if not inside_one:
                findings.append(
                    Finding(
                        WARNING,
                        _where(label, number),
                        _(
                            "de tag ‘{tag}’ is in Word over meerdere opmaakdelen verdeeld. "
                            "Typ de tag opnieuw in één keer, zonder opmaak halverwege."
                        ).format(tag=_short(match.group())),
                    )
                )
    return findings


def _tracked_changes(label: str, xml: str) -> list[Finding]:
    matches = list(_TRACKED.finditer(xml))
    if not matches:
        return []
    start = matches[0].start()
    paragraph = max(xml.count("<w:p ", 0, start) + xml.count("<w:p>", 0, start), 1)
    return [
        Finding(
            ERROR,
            _where(label, paragraph),
            _(
                "het sjabloon bevat {count} bijgehouden wijziging(en). Accepteer of weiger ze in "
                "Word (Controleren > Wijzigingen bijhouden) en sla het sjabloon opnieuw op."
            ).format(count=len(matches)),
        )
    ]


def _paragraph_of_line(source: str, lineno: int) -> int:
    """prepared_source starts every paragraph on a new line: count those up to `lineno`."""
    lines = source.splitlines()[:lineno]
    return max(sum(1 for line in lines if line.startswith("<w:p")), 1)


def _unsafe_names(label: str, tree: nodes.Template, source: str) -> list[Finding]:
    """Attribute names with underscores lead to Python internals (`''.__class__.__mro__`)."""
    findings = []
    for node in tree.find_all((nodes.Getattr, nodes.Const)):
        if isinstance(node, nodes.Getattr):
            name = node.attr
        else:  # a string such as '__class__' handed to attr(), [] or getattr-like filters
            name = node.value if isinstance(node.value, str) and node.value.startswith("__") else ""
        if name.startswith("_"):
            findings.append(
                Finding(
                    ERROR,
                    _where(label, _paragraph_of_line(source, node.lineno)),
                    _(
                        "‘{name}’ is niet toegestaan: sjablonen mogen niet bij de interne delen "
                        "van het programma komen."
                    ).format(name=name),
                )
            )
    return findings


def _loop_shapes(tree: nodes.Template) -> dict[str, set[str]]:
    """Loop variables over context lists of objects (`block in body`) and the keys they have."""
    shapes: dict[str, set[str]] = {}
    for loop in tree.find_all(nodes.For):
        if isinstance(loop.target, nodes.Name) and isinstance(loop.iter, nodes.Name):
            items = SAMPLE_CONTEXT.get(loop.iter.name)
            if isinstance(items, list) and items and all(isinstance(i, dict) for i in items):
                shapes[loop.target.name] = set().union(*(i.keys() for i in items))
    return shapes


def _unknown_names(label: str, tree: nodes.Template, source: str) -> list[Finding]:
    findings = []
    loops = _loop_shapes(tree)
    for name in sorted(meta.find_undeclared_variables(tree) - set(SAMPLE_CONTEXT)):
        findings.append(Finding(ERROR, label, _("onbekende variabele ‘{name}’.").format(name=name)))
    for node in tree.find_all(nodes.Getattr):
        if not isinstance(node.node, nodes.Name):
            continue
        owner = node.node.name
        value: Any = SAMPLE_CONTEXT.get(owner)
        keys = set(value) if isinstance(value, dict) else loops.get(owner)
        if keys is not None and node.attr not in keys and not node.attr.startswith("_"):
            findings.append(
                Finding(
                    ERROR,
                    _where(label, _paragraph_of_line(source, node.lineno)),
                    _("onbekende variabele ‘{name}’.").format(name=f"{owner}.{node.attr}"),
                )
            )
    return findings


def check_template(path: Path) -> list[Finding]:
    """Every problem in the template file; an empty list means it is fit to use."""
    try:
        parts = read_docx_parts(Path(path))
    except TemplateProblem as exc:
        return [Finding(ERROR, Path(path).name, exc.message)]
    environment = make_environment()
    findings: list[Finding] = []
    for info, data in parts:
        if not _RENDERED_PART.match(info.filename):
            continue
        label = _part_label(info.filename)
        xml = data.decode("utf-8")
        findings += _tracked_changes(label, xml)
        findings += _split_tags(label, data)
        source = prepared_source(xml)
        try:
            tree = environment.parse(source)
        except TemplateSyntaxError as exc:
            line = source.splitlines()[exc.lineno - 1] if exc.lineno else ""
            findings.append(
                Finding(
                    ERROR,
                    _where(label, _paragraph_of_line(source, exc.lineno or 1)),
                    _("Jinja-syntaxfout in ‘{text}’: {error}.").format(
                        text=_short(_TAGS.sub("", line)), error=exc.message
                    ),
                )
            )
            continue
        unsafe = _unsafe_names(label, tree, source)
        findings += unsafe + _unknown_names(label, tree, source)
        if unsafe:
            continue
        try:
            rendered = environment.from_string(source).render(SAMPLE_CONTEXT)
            etree.fromstring(rendered.replace("\n<w:p", "<w:p").encode("utf-8"))
        except SecurityError as exc:
            message = _("geweigerd door de zandbak: {error}.").format(error=exc)
            findings.append(Finding(ERROR, label, message))
        except TemplateError as exc:
            message = _("invullen met voorbeeldgegevens mislukt: {error}.").format(error=exc)
            findings.append(Finding(ERROR, label, message))
        except etree.XMLSyntaxError as exc:
            message = _("het resultaat is geen geldige XML: {error}.").format(error=exc)
            findings.append(Finding(ERROR, label, message))
    return findings


def blocking(findings: list[Finding]) -> list[Finding]:
    return [finding for finding in findings if finding.severity == ERROR]
