"""`composer letters submit|approve|reject|comment|…|send|copy|redline`: the review workflow."""

from __future__ import annotations

import argparse
import dataclasses
import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from composer.cli_letters import (
    _author,
    _open,
    _version_number,
    command_workspace,
    json_row,
    letter_command,
    number_argument,
    print_json,
    print_json_rows,
)
from composer.i18n import N_

if TYPE_CHECKING:
    from composer.review.service import ReviewService, ReviewStatus

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2

# What --json shows of a comment, an approval and an event (see cli_letters.json_row).
COMMENT_FIELDS = "id version block author text at resolved resolved_at resolved_by"
APPROVAL_FIELDS = "version hash=version_hash reviewer at status lapsed_by label"
EVENT_FIELDS = "kind version hash=version_hash actor at text related_letter_id"


_number = number_argument(
    "_number", N_("‘{text}’ is geen nummer (een getal van 1 tot en met {maximum})")
)


def _letters_commands(commands: argparse._SubParsersAction) -> argparse._SubParsersAction:
    """The sub-commands of `composer letters` (made by cli_letters.add_library_parsers)."""
    letters = commands.choices["letters"]
    for action in letters._actions:
        if isinstance(action, argparse._SubParsersAction):
            return action
    raise RuntimeError("composer letters has no sub-commands; register the library first")


def add_review_parsers(commands: argparse._SubParsersAction) -> None:
    sub = _letters_commands(commands)

    def person(parser: argparse.ArgumentParser, option: str = "--author") -> None:
        parser.add_argument(option, metavar="NAAM", help="naam (standaard uit instellingen)")

    submit = letter_command(sub, "submit", "ter beoordeling aanbieden")
    person(submit)
    submit.set_defaults(handler=_submit)

    approve = letter_command(sub, "approve", "een versie goedkeuren")
    approve.add_argument("--version", type=_version_number, required=True, metavar="N")
    person(approve, "--reviewer")
    approve.set_defaults(handler=_approve)

    reject = letter_command(sub, "reject", "afwijzen: terug naar concept, met reden")
    reject.add_argument("--reason", required=True, metavar="TEKST", help="waarom")
    person(reject, "--reviewer")
    reject.set_defaults(handler=_reject)

    comment = letter_command(sub, "comment", "opmerking bij een versie; drukt het id af")
    comment.add_argument("--version", type=_version_number, required=True, metavar="N")
    comment.add_argument("--block", type=_number, metavar="K", help="blok K van de tekst (vanaf 1)")
    person(comment)
    comment.add_argument("text", metavar="TEKST")
    comment.set_defaults(handler=_comment)

    comments = letter_command(sub, "comments", "opmerkingen, open en afgehandeld")
    comments.add_argument("--json", action="store_true")
    comments.set_defaults(handler=_comments)

    resolve = letter_command(sub, "resolve", "een opmerking afhandelen")
    resolve.add_argument("comment_id", type=_number, metavar="OPMERKING")
    person(resolve)
    resolve.set_defaults(handler=_resolve)

    status = letter_command(sub, "status", "status, goedkeuringen en afwijzing")
    status.add_argument("--json", action="store_true")
    status.set_defaults(handler=_status)

    events = letter_command(sub, "events", "geschiedenis van de beoordeling")
    events.add_argument("--json", action="store_true")
    events.set_defaults(handler=_events)

    send = letter_command(sub, "send", "verzenden: kenmerk, DOCX en PDF in het archief")
    person(send)
    send.add_argument(
        "--reason",
        default="",
        metavar="TEKST",
        help="waarom de brief toch gaat terwijl er nog opmerkingen open staan",
    )
    how = send.add_mutually_exclusive_group()
    how.add_argument(
        "--email", action="store_true", help="ook mailen: elke geadresseerde zijn eigen PDF"
    )
    how.add_argument(
        "--eml", type=Path, metavar="MAP", help="ook per geadresseerde een .eml in MAP zetten"
    )
    send.add_argument(
        "--certificaat",
        type=Path,
        metavar="BESTAND.p12",
        help="de PDF's ondertekenen met dit certificaat (het wachtwoord wordt gevraagd)",
    )
    send.add_argument(
        "--zichtbaar",
        action="store_true",
        help="met --certificaat: ook een zichtbare handtekening rechtsonder op de laatste pagina",
    )
    send.add_argument(
        "--opnieuw",
        action="store_true",
        help="alleen naar de geadresseerden bij wie het mailen mislukte (brief al verzonden)",
    )
    send.set_defaults(handler=_send)

    register = letter_command(sub, "register", "verzendregister: wat ging naar wie, hoe")
    register.add_argument("--json", action="store_true")
    register.set_defaults(handler=_register)

    copy = letter_command(sub, "copy", "nieuwe brief op basis van deze; drukt het id af")
    person(copy)
    copy.set_defaults(handler=_copy)

    redline = letter_command(
        sub, "redline", "vergelijkingsdocument (wijzigingen bijhouden) als DOCX"
    )
    redline.add_argument("a", type=_version_number, metavar="A")
    redline.add_argument("b", type=_version_number, metavar="B")
    redline.add_argument("-o", "--output", type=Path, required=True, metavar="UIT.docx")
    redline.set_defaults(handler=_redline)


def _review(args: argparse.Namespace) -> ReviewService:
    from composer.review.service import ReviewService

    return ReviewService(_open(args))


def _reviewer(args: argparse.Namespace) -> str:
    return args.reviewer or command_workspace(args).settings.author


def _moment(moment: datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def _run(args: argparse.Namespace, action: Any) -> Any:
    """Run `action(review)` with the command's library open, and close it afterwards."""
    review = _review(args)
    with review.library:
        return action(review)


def _submit(args: argparse.Namespace) -> int:
    state = _run(args, lambda r: r.submit(args.letter_id, author=_author(args)))
    print(state.headline)
    return EXIT_OK


def _approve(args: argparse.Namespace) -> int:
    reviewer = _reviewer(args)
    state = _run(args, lambda r: r.approve(args.letter_id, version=args.version, reviewer=reviewer))
    print(state.headline)
    return EXIT_OK


def _reject(args: argparse.Namespace) -> int:
    reviewer = _reviewer(args)
    state = _run(args, lambda r: r.reject(args.letter_id, reason=args.reason, reviewer=reviewer))
    print(state.headline)
    return EXIT_OK


def _comment(args: argparse.Namespace) -> int:
    author = _author(args)
    print(
        _run(
            args,
            lambda r: r.comment(
                args.letter_id,
                version=args.version,
                author=author,
                text=args.text,
                block=args.block,
            ),
        )
    )
    return EXIT_OK


def _comments(args: argparse.Namespace) -> int:
    found = _run(args, lambda r: r.comments(args.letter_id))
    if args.json:
        return print_json_rows(found, COMMENT_FIELDS)
    if not found:
        print("Deze brief heeft geen opmerkingen.", file=sys.stderr)
    for c in found:
        where = f"versie {c.version}" + (f", blok {c.block}" if c.block else "")
        state = (
            f"afgehandeld door {c.resolved_by} ({_moment(c.resolved_at)})"
            if c.resolved_at is not None
            else "open"
        )
        print(f"#{c.id:<4} {where:<18} {c.author:<16} {_moment(c.at)}  [{state}]")
        print(f"      {c.text}")
    return EXIT_OK


def _resolve(args: argparse.Namespace) -> int:
    author = _author(args)
    done = _run(args, lambda r: r.resolve(args.letter_id, args.comment_id, by=author))
    print(f"Opmerking {done.id} is afgehandeld.", file=sys.stderr)
    return EXIT_OK


def _status_lines(state: ReviewStatus) -> list[str]:
    lines = [state.headline]
    if state.latest_version != state.version:
        lines.append(f"Laatste versie: {state.latest_version}")
    if state.kenmerk:
        lines.append(f"Kenmerk: {state.kenmerk}")
    if state.rejection is not None:
        rejected = state.rejection
        lines.append(
            f"Afgewezen door {rejected.actor} ({_moment(rejected.at)}, versie "
            f"{rejected.version}): {rejected.text}"
        )
    for approval in state.approvals:
        lines.append(f"{approval.label} door {approval.reviewer} ({_moment(approval.at)})")
    if state.open_comments:
        lines.append(f"Open opmerkingen: {state.open_comments}")
    return lines


def _status(args: argparse.Namespace) -> int:
    from composer.review.transitions import allowed_steps

    state = _run(args, lambda r: r.status(args.letter_id))
    if args.json:
        row = {
            "status": state.status,
            "label": state.label,
            # What the workflow allows now (the transition table), for a script: submit, …
            "steps": [step.value for step in allowed_steps(state.status)],
            "version": state.version,
            "latest_version": state.latest_version,
            "kenmerk": state.kenmerk,
            "approvals": [json_row(a, APPROVAL_FIELDS) for a in state.approvals],
            "rejection": None if state.rejection is None else state.rejection.text,
            "open_comments": state.open_comments,
        }
        print_json(row)
        return EXIT_OK
    print("\n".join(_status_lines(state)))
    return EXIT_OK


def _events(args: argparse.Namespace) -> int:
    from composer.review.statuses import EVENT_LABELS

    found = _run(args, lambda r: r.events(args.letter_id))
    if args.json:
        return print_json_rows(found, EVENT_FIELDS)
    for e in found:
        what = EVENT_LABELS.get(e.kind, e.kind)
        text = f": {e.text}" if e.text else ""
        print(f"{_moment(e.at)}  v{e.version:<4} {e.actor:<16} {what}{text}")
    return EXIT_OK


def _send(args: argparse.Namespace) -> int:
    workspace = command_workspace(args)
    settings = workspace.settings
    author = args.author or settings.author
    channel = "email" if args.email else "eml" if args.eml is not None else None
    if args.opnieuw:
        if channel is None or args.certificaat is not None:
            print(
                "composer: fout in de opdracht: --opnieuw verstuurt een verzonden brief opnieuw "
                "naar wie hem niet kreeg; geef --email of --eml MAP (zonder --certificaat).",
                file=sys.stderr,
            )
            return EXIT_USAGE
        return _deliver(args, channel, author, only_failed=True)
    if args.zichtbaar and args.certificaat is None:
        print(
            "composer: fout in de opdracht: --zichtbaar hoort bij --certificaat BESTAND.p12.",
            file=sys.stderr,
        )
        return EXIT_USAGE
    signing_key = _signing_key(args.certificaat) if args.certificaat is not None else None
    if signing_key is not None and args.zichtbaar:
        signing_key = dataclasses.replace(signing_key, visible=True)
    result = _run(
        args,
        lambda r: r.send(
            args.letter_id,
            author=author,
            pattern=settings.kenmerk_pattern,
            converter=workspace.pdf_engine,  # the LibreOffice chosen in the settings
            settings=settings,  # layout and aanhef, as the window renders them
            reason=args.reason,
            signing_key=signing_key,
        ),
    )
    for warning in result.warnings:
        print(f"Waarschuwing: {warning}", file=sys.stderr)
    for archived in (*result.files, *result.copies):
        print(archived.location)
    signed = f", ondertekend door {signing_key.signer_name}" if signing_key is not None else ""
    print(
        f"Brief {result.letter_id} is verzonden met kenmerk {result.kenmerk} (versie "
        f"{result.version}{signed}); de bestanden staan in het archief.",
        file=sys.stderr,
    )
    if channel is None:
        return EXIT_OK
    return _deliver(args, channel, author, only_failed=False)


def _secret(prompt: str) -> str:
    """A password: asked without echo on a terminal, else one line from standard input."""
    if sys.stdin is not None and sys.stdin.isatty():
        import getpass

        return getpass.getpass(prompt)
    line = sys.stdin.readline() if sys.stdin is not None else ""
    return line.rstrip("\r\n")


def _signing_key(path: Path) -> Any:
    from composer.errors import ComposerError
    from composer.sending.signing import load_signing_key

    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ComposerError(
            f"Het certificaat ‘{path}’ is niet te lezen ({exc.strerror or exc}); er is niets "
            "verzonden. Geef het pad van het .p12-bestand van de ondertekenaar."
        ) from None
    return load_signing_key(data, _secret(f"Wachtwoord van het certificaat ‘{path.name}’: "))


def _smtp_password(settings: Any) -> str | None:
    """The mail server's password: from the keyring, else asked (never stored)."""
    from composer.core.catalogues import load_profile
    from composer.sending.mail import mail_settings, smtp_password

    mail = mail_settings(settings, load_profile())
    if not mail.user:
        return None
    stored = smtp_password(mail)
    if stored is not None:
        return stored
    return _secret(f"Wachtwoord van de mailserver voor {mail.user}: ")


def _deliver(args: argparse.Namespace, channel: str, author: str, *, only_failed: bool) -> int:
    from composer.sending.delivery import deliver

    workspace = command_workspace(args)
    settings = workspace.settings
    password = _smtp_password(settings) if channel == "email" else None

    def progress(done: int, total: int, label: str) -> None:
        if label:
            print(f"[{done + 1}/{total}] {label}", file=sys.stderr)

    report = _run(
        args,
        lambda r: deliver(
            r.library,
            args.letter_id,
            channel=channel,
            author=author,
            settings=settings,
            folder=args.eml,
            password=password,
            only_failed=only_failed,
            progress=progress,
        ),
    )
    how = "gemaild" if channel == "email" else "als .eml geschreven"
    if not report.sent and not report.failed:
        print(
            f"Er is niemand meer om de brief naar te sturen: bij alle geadresseerden is het "
            f"{'mailen' if channel == 'email' else 'schrijven'} gelukt. Er is niets verstuurd.",
            file=sys.stderr,
        )
        return EXIT_OK
    done = "verzonden" if channel == "email" else "geschreven"
    for label in report.sent:
        print(f"{label}: {done}")
    for label, reason in report.failed:
        print(f"{label}: mislukt: {reason}")
    for path in report.files:
        print(path)
    if report.failed:
        names = "; ".join(label for label, _reason in report.failed)
        again = "--email" if channel == "email" else f"--eml {args.eml}"
        print(
            f"Brief {args.letter_id} is niet naar iedereen {how}: mislukt voor {names}. "
            f"Los het probleem op en probeer het opnieuw voor alleen hen met: "
            f"composer letters send {args.letter_id} {again} --opnieuw",
            file=sys.stderr,
        )
        return EXIT_FAILED
    count = len(report.sent)
    print(f"Brief {args.letter_id} is {how} naar {count} geadresseerde(n).", file=sys.stderr)
    return EXIT_OK


REGISTER_FIELDS = (
    "addressee_index addressee email channel sent_at result message_id attachment "
    "attachment_sha256 error author version"
)


def _register(args: argparse.Namespace) -> int:
    found = _run(args, lambda r: r.library.send_register(args.letter_id))
    if args.json:
        return print_json_rows(found, REGISTER_FIELDS)
    if not found:
        print("Deze brief heeft nog niets in het verzendregister.", file=sys.stderr)
    for record in found:
        how = {"post": "post", "email": "e-mail", "eml": ".eml"}.get(record.channel, record.channel)
        result = record.result + (f": {record.error}" if record.error else "")
        to = f" <{record.email}>" if record.email and record.channel != "post" else ""
        print(
            f"{_moment(record.sent_at)}  {record.addressee_index:>2}. {record.addressee}{to}  "
            f"[{how}] {result}"
        )
        if record.message_id:
            print(f"      Message-ID: {record.message_id}")
        if record.attachment:
            print(f"      {record.attachment}  sha256 {record.attachment_sha256}")
    return EXIT_OK


def _copy(args: argparse.Namespace) -> int:
    author = _author(args)
    print(_run(args, lambda r: r.copy(args.letter_id, author=author)))
    return EXIT_OK


def _redline(args: argparse.Namespace) -> int:
    from composer.errors import ComposerError
    from composer.fileio import write_bytes_atomic

    if args.output.suffix.lower() != ".docx":
        print(
            f"composer: fout in de opdracht: het vergelijkingsdocument is een .docx, niet "
            f"‘{args.output.suffix}’. Kies een uitvoerbestand dat op .docx eindigt.",
            file=sys.stderr,
        )
        return EXIT_USAGE
    with _open(args) as library:
        old = library.version(args.letter_id, args.a)
        new = library.version(args.letter_id, args.b)
        info = library.version_info(args.letter_id, args.b)
    try:
        from composer.history.redline import redline_docx
    except ModuleNotFoundError as exc:
        if exc.name != "composer.history.redline":
            raise
        raise ComposerError(
            "Deze versie van Composer kan nog geen vergelijkingsdocument maken. Bekijk de "
            f"verschillen met ‘composer letters diff {args.letter_id} {args.a} {args.b}’."
        ) from None
    settings = command_workspace(args).settings  # layout and aanhef, as the window has them
    data = redline_docx(old, new, author=info.author, date=info.created_at, settings=settings)
    write_bytes_atomic(args.output, data)
    print(f"Geschreven: {args.output}", file=sys.stderr)
    return EXIT_OK
