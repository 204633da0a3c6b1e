"""The words on the screen through gettext: Dutch is the source language, English selectable.

Every text the desktop program shows is written in Dutch in the code and wrapped:

    label.setText(_("Zoeken:"))
    message = _("Opgeslagen als versie {version}.").format(version=number)
    WAITING = N_("Het voorbeeld verschijnt hier.")   # a constant: marked here …
    label.setText(_(WAITING))                          # … translated where it is shown

`pybabel extract` (see the Makefile, target `translations`) collects them into
`resources/locale/composer.pot`; `resources/locale/en/LC_MESSAGES/composer.po` holds the English,
compiled to `composer.mo`. Dutch needs no catalogue: a msgid is the Dutch text itself.

The language is chosen once, at program start (`set_language`, from Instellingen > Taal);
letters themselves are Dutch whatever the language of the screen.
"""

from __future__ import annotations

import datetime as dt
import gettext
from pathlib import Path

DOMAIN = "composer"
SOURCE_LANGUAGE = "nl"
# Language code → its name in that language, as offered in Instellingen.
LANGUAGES = {"nl": "Nederlands", "en": "English"}

_state: dict[str, object] = {"language": SOURCE_LANGUAGE, "catalogue": gettext.NullTranslations()}


def locale_dir() -> Path:
    from composer.paths import resources_dir

    return resources_dir() / "locale"


def set_language(code: str) -> None:
    """Show the screen in `code` ("nl", "en") from now on; an unknown code means Dutch."""
    code = code if code in LANGUAGES else SOURCE_LANGUAGE
    catalogue: gettext.NullTranslations = gettext.NullTranslations()
    if code != SOURCE_LANGUAGE:
        catalogue = gettext.translation(DOMAIN, locale_dir(), languages=[code], fallback=True)
    _state.update(language=code, catalogue=catalogue)


def current_language() -> str:
    return str(_state["language"])


def _catalogue() -> gettext.NullTranslations:
    catalogue = _state["catalogue"]
    assert isinstance(catalogue, gettext.NullTranslations)
    return catalogue


def _(message: str) -> str:
    """`message` (Dutch) in the language of the screen."""
    if not message:  # gettext("") would be the catalogue's header
        return message
    return _catalogue().gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or plural form for `count`, in the language of the screen."""
    return _catalogue().ngettext(singular, plural, count)


def screen_date(day: dt.date) -> str:
    """A date in a message, in the language of the screen: `17 oktober 2022`, `17 October 2022`.

    In Dutch exactly as the letters write it (composer.dutch.dates.format_date, a test holds them
    together): the screen language sits below the Dutch rules, so it does not import them."""
    from babel.dates import format_date  # imported on first use: it looks up the time zone

    language = current_language()
    return format_date(day, "d MMMM y", locale="nl_NL" if language == SOURCE_LANGUAGE else language)


def screen_moment(moment: dt.datetime) -> dict[str, str]:
    """`{date}` and `{time}` of an aware `moment` in local time, for `… op {date} om {time}`."""
    local = moment.astimezone()
    return {"date": screen_date(local.date()), "time": f"{local:%H:%M}"}


def N_(message: str) -> str:
    """Marks a constant for extraction; translate it with `_()` where it is shown."""
    return message
