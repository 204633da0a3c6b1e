"""`templates check`: finds what would break or endanger a render before anyone relies on it."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import TemplateError, TemplateSyntaxError, meta, nodes
from jinja2.sandbox import SecurityError
from lxml import etree

from composer.errors import TemplateProblem
from composer.i18n import N_, _
from composer.render.compiled import _RENDERED_PART, prepared_source
from composer.render.context_sample import SAMPLE_CONTEXT
from composer.render.package_check import package_problems, part_label
from composer.render.package_reader import read_package
from composer.render.sandbox import make_environment
from composer.render.tag_scan import (
    MAX_STRAY_DELIMITERS,
    paragraph_at,
    stray_delimiters,
    tag_spans,
)

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_TRACKED = re.compile(r"<w:(ins|del|moveFrom|moveTo|rPrChange|pPrChange|sectPrChange)[ >]")
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
        starts, ends, position = [], [], 0
        for run in runs:
            starts.append(position)
            position += len(run)
            ends.append(position)
        for start, end in tag_spans(joined):
            run = bisect_right(starts, start) - 1  # the last run that starts at or before it
            if end <= ends[run]:
                continue
            findings.append(
                Finding(
                    WARNING,
                    _where(label, number),
                    _(
                        "de tag ‘{tag}’ is in Word over meerdere opmaakdelen verdeeld. "
                        "Typ de tag opnieuw in één keer, zonder opmaak halverwege."
                    ).format(tag=_short(joined[start:end])),
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


ParagraphOf = Callable[[int], int]


def _paragraph_of_line(source: str) -> ParagraphOf:
    """prepared_source starts every paragraph on a new line: Jinja line number → paragraph.

    Counted once per part, so that thousands of findings cost one pass, not one pass each.
    """
    counts, count = [0], 0
    for line in source.splitlines():
        count += line.startswith("<w:p")
        counts.append(count)
    return lambda lineno: max(counts[min(max(lineno, 0), len(counts) - 1)], 1)


def _unsafe_names(label: str, tree: nodes.Template, paragraph_of: ParagraphOf) -> list[Finding]:
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
                    _where(label, paragraph_of(node.lineno)),
                    _(
                        "‘{name}’ is niet toegestaan: sjablonen mogen niet bij de interne delen "
                        "van het programma komen."
                    ).format(name=name),
                )
            )
    return findings


def _unescaped_output(label: str, tree: nodes.Template, paragraph_of: ParagraphOf) -> list[Finding]:
    """`|safe` and `{% autoescape false %}` would put text from a letter into the document as
    raw WordprocessingML: a field that loads a file or a web address, for one."""
    found: list[tuple[str, int]] = []
    for node in tree.find_all((nodes.Filter, nodes.EvalContextModifier)):
        if isinstance(node, nodes.EvalContextModifier):
            found.append(("autoescape", node.lineno))
        elif node.name == "safe" or (
            node.name == "map"
            and any(isinstance(a, nodes.Const) and a.value == "safe" for a in node.args)
        ):
            found.append(("safe", node.lineno))
    return [
        Finding(
            ERROR,
            _where(label, paragraph_of(lineno)),
            _(
                "‘{name}’ is niet toegestaan: daarmee komt tekst uit een brief ongecontroleerd als "
                "Word-opmaak in het document."
            ).format(name=name),
        )
        for name, lineno in found
    ]


def _loop_shapes(tree: nodes.Template) -> dict[str, set[str]]:
    """Loop variables over context lists of objects (`block in body`) and the keys they have."""
    shapes: dict[str, set[str]] = {}
    for loop in tree.find_all(nodes.For):
        if isinstance(loop.target, nodes.Name) and isinstance(loop.iter, nodes.Name):
            items = SAMPLE_CONTEXT.get(loop.iter.name)
            if isinstance(items, list) and items and all(isinstance(i, dict) for i in items):
                shapes[loop.target.name] = set().union(*(i.keys() for i in items))
    return shapes


def _unknown_names(label: str, tree: nodes.Template, paragraph_of: ParagraphOf) -> list[Finding]:
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
                    _where(label, paragraph_of(node.lineno)),
                    _("onbekende variabele ‘{name}’.").format(name=f"{owner}.{node.attr}"),
                )
            )
    return findings


def _stray_tags(label: str, xml: str) -> list[Finding]:
    """Thousands of lone `{%` or `}}` are refused here, before the cleaning that is slow on them."""
    stray = stray_delimiters(xml)
    if len(stray) <= MAX_STRAY_DELIMITERS:
        return []
    message = _(
        "de tags kloppen niet: {count} keer staat er een {a}, {b}, {c} of {d} zonder "
        "bijbehorend begin of eind, de eerste keer in deze alinea. Zorg dat elke {a} eindigt "
        "met {c} en elke {b} met {d}, en zet geen tag binnen een andere."
    ).format(count=len(stray), a="‘{{’", b="‘{%’", c="‘}}’", d="‘%}’")
    return [Finding(ERROR, _where(label, paragraph_at(xml, stray[0])), message)]


def _part_findings(environment: Any, label: str, data: bytes) -> list[Finding]:
    """Everything wrong in one text part (hoofdtekst, koptekst, voettekst)."""
    xml = data.decode("utf-8")
    findings = _tracked_changes(label, xml)
    stray = _stray_tags(label, xml)
    if stray:
        return findings + stray
    findings += _split_tags(label, data)
    source = prepared_source(xml)
    paragraph_of = _paragraph_of_line(source)
    try:
        tree = environment.parse(source)
    except TemplateSyntaxError as exc:
        line = source.splitlines()[exc.lineno - 1] if exc.lineno else ""
        findings.append(
            Finding(
                ERROR,
                _where(label, paragraph_of(exc.lineno or 1)),
                _("Jinja-syntaxfout in ‘{text}’: {error}.").format(
                    text=_short(_TAGS.sub("", line)), error=exc.message
                ),
            )
        )
        return findings
    unsafe = _unsafe_names(label, tree, paragraph_of) + _unescaped_output(label, tree, paragraph_of)
    findings += unsafe + _unknown_names(label, tree, paragraph_of)
    if unsafe:
        return findings
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


def check_template(path: Path) -> list[Finding]:
    """Every problem in the template file; an empty list means it is fit to use.

    The package comes first (limits, macros, anything loaded from outside; see
    package_check.py); the text parts are only looked at when the package is safe.
    """
    path = Path(path)
    try:
        parts = read_package(path)
    except TemplateProblem as exc:
        return [Finding(ERROR, path.name, exc.message)]
    problems = package_problems(parts)
    if problems:
        return [
            Finding(ERROR, part_label(problem.part) if problem.part else path.name, problem.message)
            for problem in problems
        ]
    environment = make_environment()
    findings: list[Finding] = []
    for info, data in parts:
        if _RENDERED_PART.match(info.filename):
            findings += _part_findings(environment, part_label(info.filename), data)
    return findings


def blocking(findings: list[Finding]) -> list[Finding]:
    return [finding for finding in findings if finding.severity == ERROR]
