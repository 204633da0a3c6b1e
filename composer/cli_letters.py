"""`composer letters …`, `composer verify`, `composer library …`: the library from the shell."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from composer.i18n import N_, _

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


# What --json shows of a letter and of a version (see json_row).
SUMMARY_FIELDS = "id subject template status kenmerk latest_version updated_at addressees"
BIN_FIELDS = f"{SUMMARY_FIELDS} deleted_at deleted_by"  # list --prullenbak --json
VERSION_FIELDS = "version=number author message created_at hash"


def number_argument(name: str, refusal: str) -> Callable[[str], int]:
    """An argparse `type`: a whole_number, or `refusal` (marked with N_, has {text}, {maximum})."""

    def parse(text: str) -> int:
        number = whole_number(text)
        if number is None:
            raise argparse.ArgumentTypeError(_(refusal).format(text=text, maximum=MAX_NUMBER))
        return number

    parse.__name__ = name
    return parse


_letter_id = number_argument(
    "_letter_id", N_("‘{text}’ is geen briefnummer (een getal van 1 tot en met {maximum})")
)
_version_number = number_argument(
    "_version_number", N_("‘{text}’ is geen versienummer (een getal van 1 tot en met {maximum})")
)


def letter_command(
    commands: argparse._SubParsersAction, name: str, help: str
) -> argparse.ArgumentParser:
    """The parser of `composer letters NAME ID …`: a command about one letter."""
    parser = commands.add_parser(name, help=help)
    parser.add_argument("letter_id", type=_letter_id, metavar="ID")
    return parser


def json_row(record: Any, fields: str) -> dict[str, Any]:
    """For --json: the `fields` (space-separated attributes, `key=attribute` renames) of
    `record`, in that order; a moment as ISO text."""
    row = {}
    for field in fields.split():
        key, _equals, attribute = field.partition("=")
        value = getattr(record, attribute or key)
        row[key] = value.isoformat() if isinstance(value, datetime) else value
    return row


def print_json(value: Any) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2))


def print_json_rows(records: Iterable[Any], fields: str) -> int:
    """--json: the records as a list of json_row; the exit status 0."""
    print_json([json_row(record, fields) for record in records])
    return 0


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

    save = letter_command(sub, "save", "nieuwe versie; drukt het versienummer af")
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
    listing.add_argument(
        "--prullenbak", action="store_true", help="alleen de brieven in de prullenbak"
    )
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=_list)

    history = letter_command(sub, "history", "versiegeschiedenis van een brief")
    history.add_argument("--json", action="store_true")
    history.set_defaults(handler=_history)

    show = letter_command(sub, "show", "een versie als briefbestand")
    show.add_argument("--version", type=_version_number, metavar="N")
    show.set_defaults(handler=_show)

    diff = letter_command(sub, "diff", "verschillen tussen twee versies")
    diff.add_argument("a", type=_version_number, metavar="A")
    diff.add_argument("b", type=_version_number, metavar="B")
    diff.set_defaults(handler=_diff)

    delete = letter_command(sub, "delete", "brief naar de prullenbak (niets wordt gewist)")
    delete.add_argument("--author", metavar="NAAM")
    delete.set_defaults(handler=_delete)

    restore = letter_command(
        sub,
        "restore",
        "een oude versie als nieuwe versie terugzetten; zonder N: terug uit de prullenbak",
    )
    restore.add_argument("number", type=_version_number, metavar="N", nargs="?")
    restore.add_argument("--author", metavar="NAAM")
    restore.set_defaults(handler=_restore)

    finalize = letter_command(sub, "finalize", "kenmerk toekennen; drukt het kenmerk af")
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


def _open(args: argparse.Namespace) -> Library:
    """The library, opened through the command's Workspace (with the review rules)."""
    return command_workspace(args).open_library()


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
    with _open(args) as library:
        print(library.add(letter, author=_author(args), message=args.message))
    return 0


def _save(args: argparse.Namespace) -> int:
    from composer.core.letterfile import load_letter

    letter = load_letter(args.file)
    with _open(args) as library:
        number = library.save(
            args.letter_id, letter, author=_author(args), message=args.message, base=args.base
        )
    print(number)
    return 0


def _list(args: argparse.Namespace) -> int:
    from composer.review.statuses import STATUS_LABELS

    with _open(args) as library:
        found = library.letters(args.search, status=args.status, in_bin=args.prullenbak)
    if args.json:
        return print_json_rows(found, BIN_FIELDS if args.prullenbak else SUMMARY_FIELDS)
    if not found:
        where = "in de prullenbak " if args.prullenbak else ""
        print(f"Geen brieven {where}gevonden.", file=sys.stderr)
    for s in found:
        print(
            f"{s.id:>5}  {STATUS_LABELS.get(s.status, s.status):<16} {s.kenmerk or '–':<15} "
            f"v{s.latest_version:<4} {s.subject}"
        )
    return 0


def _history(args: argparse.Namespace) -> int:
    with _open(args) as library:
        versions = library.history(args.letter_id)
    if args.json:
        return print_json_rows(versions, VERSION_FIELDS)
    for v in versions:
        moment = v.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
        print(f"v{v.number:<4} {moment}  {v.author:<16} {v.hash[:12]}  {v.message}")
    return 0


def _show(args: argparse.Namespace) -> int:
    from composer.core.letterfile import dumps_letter

    with _open(args) as library:
        letter = library.version(args.letter_id, args.version)
    sys.stdout.write(dumps_letter(letter))
    return 0


def _diff(args: argparse.Namespace) -> int:
    from composer.history.diff import diff_letters, format_diff

    with _open(args) as library:
        old = library.version(args.letter_id, args.a)
        new = library.version(args.letter_id, args.b)
    print(format_diff(diff_letters(old, new)))
    return 0


def _delete(args: argparse.Namespace) -> int:
    with _open(args) as library:
        library.move_to_bin(args.letter_id, author=_author(args))
    print(
        f"Brief {args.letter_id} staat in de prullenbak; terugzetten met "
        f"‘composer letters restore {args.letter_id}’.",
        file=sys.stderr,
    )
    return 0


def _restore(args: argparse.Namespace) -> int:
    """With N: version N as a new version (prints its number); without: out of the prullenbak."""
    if args.number is not None:
        with _open(args) as library:
            print(library.restore(args.letter_id, args.number, author=_author(args)))
        return 0
    with _open(args) as library:
        taken = library.restore_from_bin(args.letter_id)
    if not taken:
        print(
            f"Brief {args.letter_id} staat niet in de prullenbak. Geef het versienummer om een "
            f"oude versie terug te zetten: composer letters restore {args.letter_id} N.",
            file=sys.stderr,
        )
        return 1
    print(f"Brief {args.letter_id} staat weer in de lijst.", file=sys.stderr)
    return 0


def _finalize(args: argparse.Namespace) -> int:
    with _open(args) as library:
        pattern = command_workspace(args).settings.kenmerk_pattern
        print(library.finalize(args.letter_id, author=_author(args), pattern=pattern))
    return 0


def _verify(args: argparse.Namespace) -> int:
    with _open(args) as library:
        report = library.verify()
    print(report.message, file=sys.stdout if report.ok else sys.stderr)
    return 0 if report.ok else 1


def _export(args: argparse.Namespace) -> int:
    with _open(args) as library:
        library.export_zip(args.file)
    print(f"Bibliotheek geëxporteerd naar {args.file}", file=sys.stderr)
    return 0


def _import(args: argparse.Namespace) -> int:
    with _open(args) as library:
        report = library.import_zip(args.file)
    print(report.message, file=sys.stderr)
    return 0
