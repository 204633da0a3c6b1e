"""`composer letters …`, `composer verify`, `composer library …`: the library from the shell."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from composer.i18n import _

if TYPE_CHECKING:
    from composer.app.workspace import Workspace
    from composer.storage.library import Library

# The largest letter, version or comment number: the library stores them as INTEGER, which is
# 32 bits in PostgreSQL (and SQLite refuses anything past 64 bits with an OverflowError).
MAX_NUMBER = 2_147_483_647


def whole_number(text: str) -> int | None:
    """`text` as a number from 1 to MAX_NUMBER, or None (only the digits 0–9, no sign)."""
    if not text.isascii() or not text.isdigit() or len(text) > len(str(MAX_NUMBER)):
        return None
    number = int(text)
    return number if 1 <= number <= MAX_NUMBER else None


def _letter_id(text: str) -> int:
    number = whole_number(text)
    if number is None:
        raise argparse.ArgumentTypeError(
            _("‘{text}’ is geen briefnummer (een getal van 1 tot en met {maximum})").format(
                text=text, maximum=MAX_NUMBER
            )
        )
    return number


def _version_number(text: str) -> int:
    number = whole_number(text)
    if number is None:
        raise argparse.ArgumentTypeError(
            _("‘{text}’ is geen versienummer (een getal van 1 tot en met {maximum})").format(
                text=text, maximum=MAX_NUMBER
            )
        )
    return number


def add_library_parsers(commands: argparse._SubParsersAction, parser_class: type) -> None:
    letters = commands.add_parser("letters", help="de bibliotheek: brieven en hun versies")
    sub = letters.add_subparsers(
        dest="letters_command", metavar="OPDRACHT", required=True, parser_class=parser_class
    )

    def author_and_message(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("--author", metavar="NAAM", help="auteur (standaard uit instellingen)")
        parser.add_argument("--message", default="", metavar="TEKST", help="toelichting")

    add = sub.add_parser("add", help="nieuwe brief; drukt het briefnummer af")
    add.add_argument("file", type=Path, metavar="BRIEF.json")
    author_and_message(add)
    add.set_defaults(handler=_add)

    save = sub.add_parser("save", help="nieuwe versie; drukt het versienummer af")
    save.add_argument("letter_id", type=_letter_id, metavar="ID")
    save.add_argument("file", type=Path, metavar="BRIEF.json")
    author_and_message(save)
    save.add_argument(
        "--base",
        type=_version_number,
        metavar="N",
        help="de versie waarop uw wijzigingen gebaseerd zijn",
    )
    save.set_defaults(handler=_save)

    listing = sub.add_parser("list", help="brieven tonen en zoeken")
    listing.add_argument(
        "--search", default="", metavar="TEKST", help="zoek in betreft, geadresseerden en kenmerk"
    )
    listing.add_argument("--status", metavar="STATUS")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=_list)

    history = sub.add_parser("history", help="versiegeschiedenis van een brief")
    history.add_argument("letter_id", type=_letter_id, metavar="ID")
    history.add_argument("--json", action="store_true")
    history.set_defaults(handler=_history)

    show = sub.add_parser("show", help="een versie als briefbestand")
    show.add_argument("letter_id", type=_letter_id, metavar="ID")
    show.add_argument("--version", type=_version_number, metavar="N")
    show.set_defaults(handler=_show)

    diff = sub.add_parser("diff", help="verschillen tussen twee versies")
    diff.add_argument("letter_id", type=_letter_id, metavar="ID")
    diff.add_argument("a", type=_version_number, metavar="A")
    diff.add_argument("b", type=_version_number, metavar="B")
    diff.set_defaults(handler=_diff)

    restore = sub.add_parser("restore", help="een oude versie als nieuwe versie terugzetten")
    restore.add_argument("letter_id", type=_letter_id, metavar="ID")
    restore.add_argument("number", type=_version_number, metavar="N")
    restore.add_argument("--author", metavar="NAAM")
    restore.set_defaults(handler=_restore)

    finalize = sub.add_parser("finalize", help="kenmerk toekennen; drukt het kenmerk af")
    finalize.add_argument("letter_id", type=_letter_id, metavar="ID")
    finalize.add_argument("--author", metavar="NAAM")
    finalize.set_defaults(handler=_finalize)

    verify = commands.add_parser("verify", help="controleer de versiegeschiedenis (hashketens)")
    verify.set_defaults(handler=_verify)

    library = commands.add_parser("library", help="de hele bibliotheek exporteren of importeren")
    library_sub = library.add_subparsers(
        dest="library_command", metavar="OPDRACHT", required=True, parser_class=parser_class
    )
    export = library_sub.add_parser("export", help="alles naar een zip-bestand")
    export.add_argument("file", type=Path, metavar="BIBLIOTHEEK.zip")
    export.set_defaults(handler=_export)
    importing = library_sub.add_parser("import", help="een zip-bestand inlezen")
    importing.add_argument("file", type=Path, metavar="BIBLIOTHEEK.zip")
    importing.set_defaults(handler=_import)


def _open() -> Library:
    from composer.review.library_rules import open_library

    return open_library()  # with the review rules: what a save does, verify's status replay


def command_workspace(args: argparse.Namespace) -> Workspace:
    """The command's one Workspace. Its settings are read when first needed: a command that
    needs none still works with an unreadable settings.toml."""
    workspace = getattr(args, "workspace", None)
    if workspace is None:
        from composer.app.workspace import Workspace

        workspace = args.workspace = Workspace.load(lazy=True)
    return workspace


def _author(args: argparse.Namespace) -> str:
    return getattr(args, "author", None) or command_workspace(args).settings.author


def _add(args: argparse.Namespace) -> int:
    from composer.core.letterfile import load_letter

    letter = load_letter(args.file)
    with _open() as library:
        print(library.add(letter, author=_author(args), message=args.message))
    return 0


def _save(args: argparse.Namespace) -> int:
    from composer.core.letterfile import load_letter

    letter = load_letter(args.file)
    with _open() as library:
        number = library.save(
            args.letter_id, letter, author=_author(args), message=args.message, base=args.base
        )
    print(number)
    return 0


def _list(args: argparse.Namespace) -> int:
    from composer.review.statuses import STATUS_LABELS

    with _open() as library:
        found = library.letters(args.search, status=args.status)
    if args.json:
        rows = [
            {
                "id": s.id,
                "subject": s.subject,
                "template": s.template,
                "status": s.status,
                "kenmerk": s.kenmerk,
                "latest_version": s.latest_version,
                "updated_at": s.updated_at.isoformat(),
                "addressees": s.addressees,
            }
            for s in found
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    if not found:
        print("Geen brieven gevonden.", file=sys.stderr)
    for s in found:
        print(
            f"{s.id:>5}  {STATUS_LABELS.get(s.status, s.status):<16} {s.kenmerk or '–':<15} "
            f"v{s.latest_version:<4} {s.subject}"
        )
    return 0


def _history(args: argparse.Namespace) -> int:
    with _open() as library:
        versions = library.history(args.letter_id)
    if args.json:
        rows = [
            {
                "version": v.number,
                "author": v.author,
                "message": v.message,
                "created_at": v.created_at.isoformat(),
                "hash": v.hash,
            }
            for v in versions
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    for v in versions:
        moment = v.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
        print(f"v{v.number:<4} {moment}  {v.author:<16} {v.hash[:12]}  {v.message}")
    return 0


def _show(args: argparse.Namespace) -> int:
    from composer.core.letterfile import dumps_letter

    with _open() as library:
        letter = library.version(args.letter_id, args.version)
    sys.stdout.write(dumps_letter(letter))
    return 0


def _diff(args: argparse.Namespace) -> int:
    from composer.history.diff import diff_letters, format_diff

    with _open() as library:
        old = library.version(args.letter_id, args.a)
        new = library.version(args.letter_id, args.b)
    print(format_diff(diff_letters(old, new)))
    return 0


def _restore(args: argparse.Namespace) -> int:
    with _open() as library:
        print(library.restore(args.letter_id, args.number, author=_author(args)))
    return 0


def _finalize(args: argparse.Namespace) -> int:
    with _open() as library:
        pattern = command_workspace(args).settings.kenmerk_pattern
        print(library.finalize(args.letter_id, author=_author(args), pattern=pattern))
    return 0


def _verify(args: argparse.Namespace) -> int:
    with _open() as library:
        report = library.verify()
    print(report.message, file=sys.stdout if report.ok else sys.stderr)
    return 0 if report.ok else 1


def _export(args: argparse.Namespace) -> int:
    with _open() as library:
        library.export_zip(args.file)
    print(f"Bibliotheek geëxporteerd naar {args.file}", file=sys.stderr)
    return 0


def _import(args: argparse.Namespace) -> int:
    with _open() as library:
        report = library.import_zip(args.file)
    print(report.message, file=sys.stderr)
    return 0
