"""The command line says what to do about an error: the remedy as a command, after the message."""

from __future__ import annotations

import logging
import logging.handlers

import pytest

from composer import cli
from composer.cli_remedies import error_text, remedy_text
from composer.errors import ComposerError, Remedy, RemedyAction
from composer.logs import BACKUP_COUNT, MAX_BYTES, log_file, setup_logging, stop_logging
from composer.paths import log_dir
from tests.conftest import SAMPLE_LETTER


@pytest.fixture
def composer(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("COMPOSER_DATABASE_URL", f"sqlite:///{tmp_path / 'bibliotheek.sqlite'}")

    def run(*args: str) -> tuple[int, str, str]:
        code = cli.main(list(args))
        out, err = capsys.readouterr()
        return code, out, err

    yield run
    stop_logging()


EXPECTED = {
    RemedyAction.SEND: "Verzend hem met ‘composer letters send 3’.",
    RemedyAction.COPY: (
        "Maak een nieuwe brief op basis van deze met ‘composer letters copy 3’ en wijzig die."
    ),
    RemedyAction.SUBMIT: "Laat de auteur hem eerst aanbieden met ‘composer letters submit 3’.",
    RemedyAction.APPROVE_LATEST: (
        "Bekijk versie 4 en keur die goed met ‘composer letters approve 3 --version 4’."
    ),
    RemedyAction.RESTORE_AND_SUBMIT: (
        "Zet hem terug als nieuwe versie met ‘composer letters restore 3 4’ en bied hem aan met "
        "‘composer letters submit 3’."
    ),
    RemedyAction.GIVE_NAME: "Geef uw naam met --author of stel die in onder Instellingen.",
    RemedyAction.GIVE_REVIEWER_NAME: (
        "Geef uw naam met --reviewer of stel die in onder Instellingen."
    ),
    RemedyAction.GIVE_REASON: "Geef de reden mee met --reason.",
    RemedyAction.GIVE_SEND_REASON: (
        "Bekijk ze met ‘composer letters comments 3’, of geef met --reason de reden om toch te "
        "verzenden."
    ),
    RemedyAction.COMMENT_ON_LETTER: "Laat --block weg voor een opmerking over de hele brief.",
    RemedyAction.LIST_COMMENTS: "Bekijk de opmerkingen met ‘composer letters comments 3’.",
    RemedyAction.FIX_TEMPLATE: (
        "Pas het sjabloon aan en controleer het met ‘composer templates check’."
    ),
    RemedyAction.SKIP_INVALID: (
        "Verbeter de lijst, of gebruik --skip-invalid om alleen de geldige te maken."
    ),
    RemedyAction.OVERWRITE: "Kies een andere map of gebruik --force om ze te overschrijven.",
    RemedyAction.CHECK_ARCHIVE: (
        "Controleer het archief met ‘composer verify’ en zet het bestand terug uit een "
        "reservekopie."
    ),
}


def test_every_remedy_has_command_line_words():
    assert set(EXPECTED) == set(RemedyAction)
    for action, text in EXPECTED.items():
        assert remedy_text(Remedy(action, letter_id=3, version=4)) == text
    assert remedy_text(None) == ""


def test_the_remedy_is_printed_after_the_message(composer, monkeypatch):
    def refuse(_args):
        raise ComposerError("Brief 3 is verzonden.", Remedy(RemedyAction.COPY, letter_id=3))

    monkeypatch.setattr(cli, "_templates_list", refuse)
    code, _out, err = composer("templates", "list")
    assert code == 1
    assert err == (
        "composer: Brief 3 is verzonden. Maak een nieuwe brief op basis van deze met "
        "‘composer letters copy 3’ en wijzig die.\n"
    )


def test_a_remedy_after_a_list_of_problems_stands_on_its_own_line():
    error = ComposerError(
        "Er is niets geschreven.\n- rij 2: fout", Remedy(RemedyAction.SKIP_INVALID)
    )
    assert error_text(error) == (
        "Er is niets geschreven.\n- rij 2: fout\nVerbeter de lijst, of gebruik --skip-invalid om "
        "alleen de geldige te maken."
    )


def test_the_command_line_still_names_its_options(composer):
    """The hints left the domain messages; the command line says them as before."""
    assert composer("letters", "add", str(SAMPLE_LETTER), "--author", "Anna")[0] == 0
    assert composer("letters", "submit", "1", "--author", "Anna")[0] == 0
    code, _out, err = composer("letters", "reject", "1", "--reviewer", "Bo", "--reason", " ")
    assert code == 1 and "Geef bij het afwijzen een reden op" in err and "--reason" in err
    code, _out, err = composer("letters", "resolve", "1", "99", "--author", "Bo")
    assert code == 1 and "‘composer letters comments 1’" in err


def test_approving_a_concept_points_to_submit(composer):
    assert composer("letters", "add", str(SAMPLE_LETTER), "--author", "Anna")[0] == 0
    code, _out, err = composer("letters", "approve", "1", "--version", "1", "--reviewer", "Bo")
    assert code == 1 and "‘composer letters submit 1’" in err


def test_the_command_line_logs_to_a_rotating_file_in_composer_log_dir(
    composer, monkeypatch, private_dirs
):
    def broken(_args):
        raise RuntimeError("kapot")

    monkeypatch.setattr(cli, "_templates_list", broken)
    with pytest.raises(RuntimeError):
        composer("templates", "list")
    assert log_file().parent == log_dir() == private_dirs / "log"  # set by the conftest
    handlers = [
        h
        for h in logging.getLogger("composer").handlers
        if isinstance(h, logging.handlers.RotatingFileHandler)
    ]
    assert len(handlers) == 1
    assert (handlers[0].maxBytes, handlers[0].backupCount) == (MAX_BYTES, BACKUP_COUNT)
    handlers[0].flush()
    logged = log_file().read_text(encoding="utf-8")
    assert "RuntimeError: kapot" in logged and "Traceback" in logged


def test_log_dir_follows_composer_log_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("COMPOSER_LOG_DIR", str(tmp_path / "logs"))
    try:
        assert setup_logging() == tmp_path / "logs" / "composer.log"
        logging.getLogger("composer.test").warning("hallo")
        assert "hallo" in (tmp_path / "logs" / "composer.log").read_text(encoding="utf-8")
    finally:
        stop_logging()
