"""Dutch letter rules as pure functions: names, aanhef, address block, postcodes, dates, quotes."""

from __future__ import annotations

from composer.dutch.addresses import address_lines, country_name
from composer.dutch.dates import format_date, place_date_line, press_dateline
from composer.dutch.names import address_name, person_designation, salutation_name
from composer.dutch.postcodes import is_valid_dutch_postcode, normalise_postcode, postcode_problem
from composer.dutch.salutations import DEFAULT_GROUP_SALUTATION, salutation_for
from composer.dutch.typography import attribution, quoted, smarten

__all__ = [
    "DEFAULT_GROUP_SALUTATION",
    "address_lines",
    "address_name",
    "attribution",
    "country_name",
    "format_date",
    "is_valid_dutch_postcode",
    "normalise_postcode",
    "person_designation",
    "place_date_line",
    "postcode_problem",
    "press_dateline",
    "quoted",
    "salutation_for",
    "salutation_name",
    "smarten",
]
