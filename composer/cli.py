"""The command line: gui (default), render, templates; Dutch messages, no tracebacks."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from composer import __version__
from composer.errors import ComposerError

EXIT_OK, EXIT_INPUT, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    """argparse with Dutch wording for usage errors (exit 2)."""

    def format_usage(self) -> str:
        formatter = self._get_formatter()
        formatter.add_usage(
            self.usage, self._actions, self._mutually_exclusive_groups, prefix="gebruik: "
        )
        return formatter.format_help()

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(
            EXIT_USAGE, f"{self.prog}: fout in de opdracht: {message}\nZie ‘{self.prog} --help’.\n"
        )


def _build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="composer",
        description="Brievencomposer: Nederlandse brieven en persberichten als DOCX en PDF.",
    )
    parser.add_argument("--version", action="version", version=f"composer {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="OPDRACHT", parser_class=_Parser)

    gui = commands.add_parser("gui", help="start het programma met vensters (standaard)")
    gui.add_argument(
        "letter", type=Path, nargs="?", metavar="BRIEF.json", help="open dit briefbestand meteen"
    )
    gui.set_defaults(handler=_gui)

    render = commands.add_parser("render", help="maak een DOCX van een briefbestand")
    render.add_argument("letter", type=Path, metavar="BRIEF.json", help="het briefbestand")
    render.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        metavar="UIT.docx",
        help="het uitvoerbestand; de extensie bepaalt het formaat",
    )
    render.set_defaults(handler=_render)

    from composer.cli_merge import add_merge_parser

    add_merge_parser(commands)

    from composer.cli_letters import add_library_parsers

    add_library_parsers(commands, _Parser)

    from composer.cli_review import add_review_parsers

    add_review_parsers(commands)

    from composer.cli_check import add_check_parser

    add_check_parser(commands)

    from composer.cli_verify_pdf import add_verify_pdf_parser

    add_verify_pdf_parser(commands)

    templates = commands.add_parser("templates", help="sjablonen tonen en controleren")
    template_commands = templates.add_subparsers(
        dest="templates_command", metavar="OPDRACHT", parser_class=_Parser, required=True
    )
    listing = template_commands.add_parser("list", help="toon de beschikbare sjablonen")
    listing.set_defaults(handler=_templates_list)
    check = template_commands.add_parser("check", help="controleer een sjabloon (.docx)")
    check.add_argument("template", type=Path, metavar="SJABLOON.docx")
    check.set_defaults(handler=_templates_check)
    return parser


def _gui(args: argparse.Namespace) -> int:
    from composer.gui.app import main as gui_main

    return gui_main(getattr(args, "letter", None))


def _render(args: argparse.Namespace) -> int:
    from composer.app.workspace import Workspace
    from composer.core.letterfile import load_letter
    from composer.render.export import EXPORT_FORMATS

    if args.output.suffix.lower() not in EXPORT_FORMATS:
        print(
            f"composer: fout in de opdracht: onbekend uitvoerformaat ‘{args.output.suffix}’. "
            "Gebruik .docx of .pdf.",
            file=sys.stderr,
        )
        return EXIT_USAGE
    letter = load_letter(args.letter)
    result = Workspace.load().export(letter, args.output)  # layout, aanhef, LibreOffice
    for warning in result.warnings:
        print(f"Waarschuwing: {warning}", file=sys.stderr)
    made_by = f" (PDF gemaakt met {result.engine})" if result.engine else ""
    print(f"Geschreven: {result.path}{made_by}", file=sys.stderr)
    return EXIT_OK


def _templates_list(args: argparse.Namespace) -> int:
    from composer.render.registry import list_templates

    for info in list_templates():
        print(f"{info.name:<14} {info.kind:<12} {info.title:<16} {info.path}")
    return EXIT_OK


def _templates_check(args: argparse.Namespace) -> int:
    from composer.render.lint import check_template

    findings = check_template(args.template)
    for finding in findings:
        print(finding, file=sys.stderr)
    if findings:
        print(
            f"Het sjabloon ‘{args.template}’ heeft {len(findings)} probleem/problemen.",
            file=sys.stderr,
        )
        return EXIT_INPUT
    print(f"Het sjabloon ‘{args.template}’ is in orde.")
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    parser = _build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        args.handler = _gui  # no command: the desktop program
    from composer.logs import setup_logging

    setup_logging()
    try:
        return args.handler(args)
    except ComposerError as exc:
        from composer.cli_remedies import error_text

        print(f"composer: {error_text(exc)}", file=sys.stderr)
        return EXIT_INPUT
    except KeyboardInterrupt:
        print("composer: afgebroken.", file=sys.stderr)
        return 130
    except Exception:  # a programming error: its traceback is printed and kept in the log
        import logging

        logging.getLogger("composer").exception("Fout in het programma")
        raise


if __name__ == "__main__":
    raise SystemExit(main())
