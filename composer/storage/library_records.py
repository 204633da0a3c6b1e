"""What the library hands out: version and letter summaries, reports of verify and import."""

from __future__ import annotations

import dataclasses
import functools
import typing
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

from composer.core.models import Letter
from composer.i18n import _, ngettext
from composer.storage.timestamps import from_text

_Record = TypeVar("_Record")


def record_from_row(kind: type[_Record], row: Any, **columns: str) -> _Record:
    """The dataclass `kind` filled from a database row.

    Each field takes the column of its own name, or the one `columns` names for it
    (`version="version_number"`); a `datetime` field reads the stored text as an aware moment
    (None stays None).
    """
    mapping: Mapping[str, Any] = row._mapping
    values = {}
    for name, is_moment in _fields(kind):
        value = mapping[columns.get(name, name)]
        values[name] = from_text(value) if is_moment and value is not None else value
    return kind(**values)


@functools.cache
def _fields(kind: type) -> tuple[tuple[str, bool], ...]:
    """Its fields, each with whether it holds a moment (`datetime` or `datetime | None`)."""
    hints = typing.get_type_hints(kind)
    return tuple(
        (field.name, datetime in (hints[field.name], *typing.get_args(hints[field.name])))
        for field in dataclasses.fields(kind)  # type: ignore[arg-type]
    )


@dataclass(frozen=True)
class VersionInfo:
    letter_id: int
    number: int
    parent: int | None
    author: str
    message: str
    created_at: datetime  # aware, UTC
    hash: str


@dataclass(frozen=True)
class LetterSummary:
    id: int
    subject: str
    template: str
    status: str
    kenmerk: str | None
    latest_version: int
    updated_at: datetime  # aware, UTC
    addressees: str


@dataclass(frozen=True)
class CatalogueVersionInfo:
    name: str
    number: int
    author: str
    created_at: datetime  # aware, UTC
    hash: str


@dataclass(frozen=True)
class DraftInfo:
    letter_id: int
    author: str
    base_version: int | None
    updated_at: datetime  # aware, UTC
    letter: Letter


@dataclass(frozen=True)
class KenmerkEntry:
    kenmerk: str
    year: int
    seq: int
    letter_id: int
    version_number: int
    assigned_at: datetime  # aware, UTC
    assigned_by: str
    status: str  # "toegekend" or "vervallen"


@dataclass(frozen=True)
class VerifyProblem:
    """The first version whose hash chain does not hold."""

    number: int
    reason: str  # a phrase for the screen (translated), e.g. "de inhoud past niet bij de hash"
    letter_id: int | None = None
    catalogue: str | None = None

    @property
    def message(self) -> str:
        if self.catalogue is not None:
            return _("Catalogus ‘{catalogue}’, versie {number}: {reason}.").format(
                catalogue=self.catalogue, number=self.number, reason=self.reason
            )
        return _("Brief {letter_id}, versie {number}: {reason}.").format(
            letter_id=self.letter_id, number=self.number, reason=self.reason
        )


@dataclass(frozen=True)
class VerifyReport:
    letters: int
    versions: int
    catalogue_versions: int
    problem: VerifyProblem | None = None

    @property
    def ok(self) -> bool:
        return self.problem is None

    @property
    def message(self) -> str:
        if self.problem is not None:
            return _(
                "De versiegeschiedenis klopt niet. {problem} Deze versie is na het opslaan "
                "buiten Composer om veranderd (of beschadigd). Zet een reservekopie of export "
                "terug en meld het aan de beheerder."
            ).format(problem=self.problem.message)
        return _(
            "De versiegeschiedenis klopt: {letters} met {versions} en {catalogues} "
            "gecontroleerd; niets is na het opslaan veranderd."
        ).format(
            letters=_letters(self.letters),
            versions=_versions(self.versions),
            catalogues=_catalogue_versions(self.catalogue_versions),
        )


@dataclass(frozen=True)
class ImportReport:
    letters: int
    versions: int
    kenmerken: int
    catalogue_versions: int
    drafts: int

    @property
    def message(self) -> str:
        kenmerken = ngettext("{count} kenmerk", "{count} kenmerken", self.kenmerken)
        return _(
            "Geïmporteerd: {letters} met {versions}, {kenmerken} uit het kenmerkregister en "
            "{catalogues}. De versiegeschiedenis is gecontroleerd en klopt."
        ).format(
            letters=_letters(self.letters),
            versions=_versions(self.versions),
            kenmerken=kenmerken.format(count=self.kenmerken),
            catalogues=_catalogue_versions(self.catalogue_versions),
        )


def _letters(count: int) -> str:
    return ngettext("{count} brief", "{count} brieven", count).format(count=count)


def _versions(count: int) -> str:
    return ngettext("{count} versie", "{count} versies", count).format(count=count)


def _catalogue_versions(count: int) -> str:
    return ngettext("{count} catalogusversie", "{count} catalogusversies", count).format(
        count=count
    )
