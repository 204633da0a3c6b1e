"""Finds screen texts in composer/gui that do not go through gettext (composer.i18n).

A text is suspect when it is a literal (a string with a letter, an f-string or a string joined
with +) and
  - an argument of a call that puts text on the screen (setText, QLabel, addMenu, QMessageBox.…), or
  - (part of) the value of a module- or class-level UPPER_CASE constant.
Wrapped texts pass: `_("…")`, `_("… {n}").format(n=n)`, `ngettext(…)`, `N_("…")`.
A constant that is not screen text (a regular expression, a file pattern, an object name) is
marked with the comment `# not screen text` on its first line.

Run on files:  .venv/bin/python -m tests.untranslated composer/gui/main_window.py …
(no arguments: all of composer/gui). Prints `file:line: text` per finding.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
GUI = REPO / "composer" / "gui"
OPT_OUT = "# not screen text"
WRAPPERS = {"_", "N_", "ngettext"}

# Calls that put their text arguments on the screen. Value: the positional argument indexes that
# are text (None: every positional argument); keyword arguments named in TEXT_KEYWORDS always are.
SCREEN_CALLS: dict[str, tuple[int, ...] | None] = {
    "setText": (0,),
    "setPlaceholderText": (0,),
    "setToolTip": (0,),
    "setStatusTip": (0,),
    "setWhatsThis": (0,),
    "setWindowTitle": (0,),
    "setTitle": (0,),
    "setAccessibleName": (0,),
    "setAccessibleDescription": (0,),
    "setIconText": (0,),
    "setLabelText": (0,),
    "setTabText": (1,),
    "setSuffix": (0,),
    "setPrefix": (0,),
    "setSpecialValueText": (0,),
    "setHtml": (0,),
    "setPlainText": (),  # user text, not ours
    "setHorizontalHeaderLabels": (0,),
    "setHeaderLabels": (0,),
    "showMessage": (0,),
    "addMenu": (0,),
    "addTab": (1,),
    "insertTab": (2,),
    "addToolBar": (0,),
    "addRow": (0,),
    "addItem": (0,),
    "insertItem": (1,),
    "addButton": (0,),
    "QLabel": (0,),
    "QPushButton": (0,),
    "QCheckBox": (0,),
    "QRadioButton": (0,),
    "QGroupBox": (0,),
    "QAction": (0,),
    "QDockWidget": (0,),
    "QMenu": (0,),
    "QListWidgetItem": (0,),
    "QTableWidgetItem": (0,),
    "QTreeWidgetItem": (0,),
    "question": (1, 2),
    "warning": (1, 2),
    "critical": (1, 2),
    "information": (1, 2),
    "about": (1, 2),
    "getOpenFileName": (1, 3),
    "getOpenFileNames": (1, 3),
    "getSaveFileName": (1, 3),
    "getExistingDirectory": (1,),
    "getText": (1, 2),
    "getItem": (1, 2),
    "_action": (0,),
    "_dock": (0,),
    "_group": (0,),
    "_placeholder": (0,),
}
TEXT_KEYWORDS = {"text", "title", "label", "caption", "filter", "placeholder", "tooltip", "message"}


def _is_literal_text(node: ast.AST) -> bool:
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and any(char.isalpha() for char in node.value)
    if isinstance(node, ast.JoinedStr):
        return any(_is_literal_text(value) for value in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add | ast.Mod):
        return _is_literal_text(node.left) or _is_literal_text(node.right)
    if isinstance(node, ast.IfExp):
        return _is_literal_text(node.body) or _is_literal_text(node.orelse)
    return False


def _call_name(call: ast.Call) -> str:
    function = call.func
    if isinstance(function, ast.Attribute):
        return function.attr
    if isinstance(function, ast.Name):
        return function.id
    return ""


def _is_wrapped(node: ast.AST) -> bool:
    return isinstance(node, ast.Call) and _call_name(node) in WRAPPERS


def _literals_outside_wrappers(node: ast.AST) -> Iterator[ast.AST]:
    """String literals with a letter in `node`, not inside _() / N_() / ngettext()."""
    if _is_wrapped(node):
        return
    if isinstance(node, ast.Constant | ast.JoinedStr):
        if _is_literal_text(node):
            yield node
        return
    for child in ast.iter_child_nodes(node):
        yield from _literals_outside_wrappers(child)


def _text(node: ast.AST, source: str) -> str:
    return (ast.get_source_segment(source, node) or "").replace("\n", " ")[:90]


def findings(path: Path) -> list[tuple[int, str]]:
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    tree = ast.parse(source)
    found: list[tuple[int, str]] = []

    def opted_out(node: ast.AST) -> bool:
        return OPT_OUT in lines[node.lineno - 1]

    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = _call_name(node)
            if name not in SCREEN_CALLS:
                continue
            positions = SCREEN_CALLS[name]
            arguments = [
                argument
                for index, argument in enumerate(node.args)
                if positions is None or index in positions
            ]
            arguments += [k.value for k in node.keywords if k.arg in TEXT_KEYWORDS]
            for argument in arguments:
                if _is_literal_text(argument) and not opted_out(node):
                    found.append((argument.lineno, _text(argument, source)))
    bodies = [tree.body] + [n.body for n in ast.walk(tree) if isinstance(n, ast.ClassDef)]
    for body in bodies:
        for statement in body:
            if isinstance(statement, ast.Assign):
                targets = statement.targets
            elif isinstance(statement, ast.AnnAssign) and statement.value is not None:
                targets = [statement.target]
            else:
                continue
            names = [t.id for t in targets if isinstance(t, ast.Name)]
            if not names or not all(n.isupper() and not n.startswith("__") for n in names):
                continue
            if opted_out(statement):
                continue
            value = statement.value
            assert value is not None
            for literal in _literals_outside_wrappers(value):
                if not opted_out(literal):
                    found.append((literal.lineno, _text(literal, source)))
    return sorted(set(found))


def gui_files() -> list[Path]:
    return sorted(GUI.rglob("*.py"))


def main(arguments: list[str]) -> int:
    paths = [Path(argument) for argument in arguments] or gui_files()
    total = 0
    for path in paths:
        for line, text in findings(path):
            total += 1
            shown = path.resolve().relative_to(REPO) if path.is_absolute() else path
            print(f"{shown}:{line}: {text}")
    print(f"{total} text(s) not through gettext")
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
