"""Names of the nationalities the dashboard counts, translated. The codes are the MRZ's
(ICAO Doc 9303: ISO 3166 alpha-3, and D for Germany); a code not listed shows as itself."""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

COUNTRIES: dict[str, Promise] = {
    "AFG": _("Afghanistan"),
    "AZE": _("Azerbaijan"),
    "BGD": _("Bangladesh"),
    "BHR": _("Bahrain"),
    "CHN": _("China"),
    "D": _("Germany"),
    "DEU": _("Germany"),
    "EGY": _("Egypt"),
    "FRA": _("France"),
    "GBR": _("United Kingdom"),
    "IND": _("India"),
    "IRN": _("Iran"),
    "IRQ": _("Iraq"),
    "ITA": _("Italy"),
    "JOR": _("Jordan"),
    "KWT": _("Kuwait"),
    "LBN": _("Lebanon"),
    "NLD": _("Netherlands"),
    "OMN": _("Oman"),
    "PAK": _("Pakistan"),
    "PHL": _("Philippines"),
    "QAT": _("Qatar"),
    "RUS": _("Russia"),
    "SAU": _("Saudi Arabia"),
    "SWE": _("Sweden"),
    "SYR": _("Syria"),
    "TUR": _("Türkiye"),
    "ARE": _("United Arab Emirates"),
    "USA": _("United States"),
    "YEM": _("Yemen"),
}


def country_name(code: str) -> str:
    """>>> str(country_name("IRN"))  # in English
    'Iran'
    """
    return str(COUNTRIES.get(code, code))
