"""The sending organisation as the templates see it: letterhead, return line, footer, logo."""

from __future__ import annotations

from composer.core.catalogues import Profile


def sender_context(profile: Profile) -> dict[str, str]:
    """The `sender` values of the template context."""
    street_line = f"{profile.street} {profile.house_number}".strip()
    return {
        "name": profile.name,
        "street_line": street_line,
        "postcode_city": f"{profile.postcode} {profile.city}".strip(),
        "phone": profile.phone,
        "email": profile.email,
        "website": profile.website,
        "return_line": f"{profile.name}, {street_line}, {profile.postcode}  {profile.city.upper()}",
    }


def media_parts(profile: Profile) -> dict[str, bytes]:
    """Package parts the profile replaces in a rendered DOCX (the logo); none for now."""
    return {}
