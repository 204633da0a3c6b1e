"""The sending organisation as the templates see it: letterhead, return line, footer, logo."""

from __future__ import annotations

from typing import Any

from composer.core.catalogues import Logo, Profile, read_logo
from composer.dutch.registration import format_iban, normalise_btw, normalise_kvk

EMU_PER_MM = 36_000
LOGO_HEIGHT_MM = 15  # the logo is printed this high, keeping its aspect ratio …
LOGO_MAX_WIDTH_MM = 60  # … unless it would then be wider than this: then this wide
LOGO_PART = "word/media/logo.png"  # not screen text: the placeholder part of the templates


def logo_extent(width: int, height: int) -> tuple[int, int]:
    """(cx, cy) in EMU of a logo of `width` × `height` pixels as the letterhead prints it."""
    cy = LOGO_HEIGHT_MM * EMU_PER_MM
    cx = round(cy * width / height)
    limit = LOGO_MAX_WIDTH_MM * EMU_PER_MM
    if cx > limit:
        cx, cy = limit, round(limit * height / width)
    return cx, cy


def profile_logo(profile: Profile) -> Logo | None:
    """The profile's logo (read once per file version); None when the profile has none."""
    return read_logo(profile.logo_path) if profile.logo_path is not None else None


def registration_line(profile: Profile) -> str:
    """`KvK 40123456 · IBAN NL91 ABNA 0417 1643 00 · btw NL001234567B01`: the filled parts.

    Document text: Dutch whatever the language of the screen, so not translated.
    """
    parts = []
    if profile.kvk:
        parts.append(f"KvK {normalise_kvk(profile.kvk)}")
    if profile.iban:
        parts.append(f"IBAN {format_iban(profile.iban)}")
    if profile.btw:
        parts.append(f"btw {normalise_btw(profile.btw)}")
    return " · ".join(parts)


def sender_context(profile: Profile) -> dict[str, Any]:
    """The `sender` values of the template context."""
    street_line = f"{profile.street} {profile.house_number}".strip()
    logo = profile_logo(profile)
    logo_cx, logo_cy = logo_extent(logo.width, logo.height) if logo is not None else (0, 0)
    return {
        "name": profile.name,
        "short_name": profile.short_name or profile.name,
        "street_line": street_line,
        "postcode_city": f"{profile.postcode} {profile.city}".strip(),
        "phone": profile.phone,
        "email": profile.email,
        "website": profile.website,
        "return_line": f"{profile.name}, {street_line}, {profile.postcode}  {profile.city.upper()}",
        "logo": logo is not None,
        "logo_cx": logo_cx,
        "logo_cy": logo_cy,
        "registration_line": registration_line(profile),
        "about": profile.about,
        "about_title": f"Over {profile.name}",  # document text: Dutch
    }


def media_parts(profile: Profile) -> dict[str, bytes]:
    """Package parts the profile replaces in a rendered DOCX: the logo placeholder, when set."""
    logo = profile_logo(profile)
    return {LOGO_PART: logo.png} if logo is not None else {}
