"""The Workspace: settings, library, review service, catalogues and PDF engine, for CLI and GUI.

Both faces make one Workspace and go through it. It is the only reader of `settings.toml`
(`Workspace.load()`); a change goes through `update_settings`, which saves it and tells every
listener registered with `on_settings_changed`. Nothing here imports Qt, SQLAlchemy or the
renderer at import time: the window shows before any of them is loaded.
"""

from __future__ import annotations

import copy
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from composer.errors import ComposerError
from composer.i18n import _
from composer.settings import Settings, load_settings, save_settings

if TYPE_CHECKING:
    from composer.core.catalogue_editing import CatalogueDocument
    from composer.core.models import Letter
    from composer.render.docx import DocxRenderer
    from composer.render.export import ExportResult
    from composer.render.pdf.engine import PdfEngine
    from composer.review.review_records import SendResult
    from composer.review.send_plan import SendPlan
    from composer.review.service import ReviewService
    from composer.storage.library import Library

SettingsListener = Callable[[Settings, Settings], None]  # (new, previous)


class NoLibrary(ComposerError):
    """Work that needs the library was asked for before one was opened."""


def _with_review_rules(library: Library | None) -> Library | None:
    """`library` with the review rules (what a save does, verify's replay) if it has none."""
    if library is None:
        return None
    from composer.review.library_rules import with_rules

    return with_rules(library)


class Workspace:
    """What a session of Composer works on. Thread-safe to read; `update_settings` and
    `use_library` are called by one thread at a time (the GUI thread or the command)."""

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        library: Library | None = None,
        settings_file: Path | None = None,
    ) -> None:
        self._settings = settings if settings is not None else Settings()
        self._settings_read = True  # False only for Workspace.load(lazy=True)
        self._settings_file = settings_file
        self._library = _with_review_rules(library)
        self._listeners: list[SettingsListener] = []
        self._lock = threading.Lock()

    @classmethod
    def load(cls, settings_file: Path | None = None, *, lazy: bool = False) -> Workspace:
        """A Workspace with the settings read from `settings.toml` (ComposerError when it
        cannot be read); the library is opened later (`open_library`).

        `lazy`: read them when first asked for (a command that needs none keeps working with
        an unreadable settings.toml, as it always did)."""
        workspace = cls(settings_file=settings_file)
        workspace._settings_read = False
        if not lazy:
            workspace._read_settings()
        return workspace

    def _read_settings(self) -> Settings:
        settings = load_settings(self._settings_file)
        self._settings, self._settings_read = settings, True
        return settings

    # Settings

    @property
    def settings(self) -> Settings:
        """The current settings; treat them as read-only (change them with update_settings)."""
        if not self._settings_read:
            return self._read_settings()
        return self._settings

    def on_settings_changed(self, listener: SettingsListener) -> Callable[[], None]:
        """Call `listener(new, previous)` after every update_settings (in the updating thread);
        returns a function that unregisters it."""
        with self._lock:
            self._listeners.append(listener)

        def unregister() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return unregister

    def update_settings(self, new: Settings) -> None:
        """Save `new` to settings.toml (atomically; ComposerError leaves everything as it was),
        make them current and tell the listeners."""
        new = copy.deepcopy(new)
        save_settings(new, self._settings_file)
        previous, self._settings, self._settings_read = self._settings, new, True
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            listener(new, previous)

    # The library

    @property
    def library(self) -> Library | None:
        return self._library

    def require_library(self) -> Library:
        if self._library is None:
            raise NoLibrary(_("Er is nog geen bibliotheek geopend."))
        return self._library

    @property
    def configured_library_url(self) -> str | None:
        """The library chosen in Instellingen; None: COMPOSER_DATABASE_URL or the data folder."""
        return self.settings.database_url.strip() or None

    def open_library(self, url: str | None = None) -> Library:
        """Open (create, upgrade) the library at `url` (None: COMPOSER_DATABASE_URL or the
        SQLite file in the data folder). Slow: a worker thread's job. Not yet in use:
        hand it to `use_library`."""
        from composer.review.library_rules import open_library

        return open_library(url)  # with the review rules: what a save does, verify's replay

    def use_library(self, library: Library | None) -> Library | None:
        """Work on `library` from now on; returns the previous one (the caller closes it).
        A library opened elsewhere (a test, a bench) gets the review rules here."""
        previous, self._library = self._library, _with_review_rules(library)
        return previous

    def close(self) -> None:
        """Close the library (the command is done, or the window closed)."""
        library, self._library = self._library, None
        if library is not None:
            library.close()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # Review and sending

    def review(self) -> ReviewService:
        from composer.review.service import ReviewService

        return ReviewService(self.require_library())

    def send_plan(self, letter_id: int) -> SendPlan:
        """What sending will do (kenmerk of the settings' pattern, addressees, open comments,
        problems), for the confirmation; takes no number."""
        return self.review().send_plan(letter_id, pattern=self.settings.kenmerk_pattern)

    def send(
        self,
        letter_id: int,
        *,
        author: str | None = None,
        reason: str = "",
        expected_kenmerk: str | None = None,
        signing_key: object = None,
    ) -> SendResult:
        """Goedgekeurd → verzonden with the kenmerk pattern, layout and LibreOffice of the
        settings. Slow (LibreOffice): a worker thread's job in the window. `reason`: why it goes
        with comments still open; `expected_kenmerk`: the kenmerk of the confirmed plan;
        `signing_key` (composer.sending.signing.SigningKey): every PDF is signed before it is
        archived."""
        settings = self.settings
        return self.review().send(
            letter_id,
            author=author or settings.author,
            pattern=settings.kenmerk_pattern,
            converter=self.pdf_engine,
            settings=settings,
            reason=reason,
            expected_kenmerk=expected_kenmerk,
            signing_key=signing_key,
        )

    # Rendering

    def soffice(self) -> Path:
        """LibreOffice: $COMPOSER_SOFFICE, the one chosen in Instellingen, or the one found."""
        from composer.render.pdf.locate import find_soffice

        return find_soffice(self.settings.libreoffice_path)

    def pdf_engine(self, **options: object) -> PdfEngine:
        """A PdfEngine on the LibreOffice of the settings (LibreOfficeMissing when none)."""
        from composer.render.pdf.engine import PdfEngine

        return PdfEngine(self.soffice(), **options)  # type: ignore[arg-type]

    def renderer(self) -> DocxRenderer:
        from composer.render.docx import DocxRenderer

        return DocxRenderer(self.settings)

    def prepare_templates(self) -> None:
        """Check and compile every template for these settings now (a worker at start-up)."""
        from composer.render.docx import prepare_templates

        prepare_templates(self.settings)

    def export(self, letter: Letter, out: Path) -> ExportResult:
        """One letter as DOCX or PDF (by the extension), written atomically. A letter with
        problems is refused first (LetterNotReady), and no file is written."""
        from composer.core.readiness import Action, require_complete
        from composer.render.export import export_letter

        require_complete(letter, Action.EXPORT)
        return export_letter(letter, out, self.settings)

    # Catalogues

    def open_catalogue(self, name: str) -> CatalogueDocument:
        from composer.core.catalogue_editing import open_catalogue

        return open_catalogue(name)

    def save_catalogue(self, document: CatalogueDocument, *, author: str | None = None) -> Path:
        """Write the catalogue and record it as a version in the library (when one is open)."""
        from composer.core.catalogue_editing import save_catalogue

        return save_catalogue(
            document, library=self._library, author=author or self.settings.author
        )
