"""What the library hands out: version and letter summaries, reports of verify and import."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from composer.core.models import Letter
from composer.i18n import _, ngettext


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
