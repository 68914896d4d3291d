"""Template filters of the workspace: translated code labels, localised numbers and dates."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from django import template
from django.utils import formats, timezone, translation
from django.utils.translation import ngettext

from hudud.web import labels

if TYPE_CHECKING:
    from hudud.revenue.selectors import FineDue

register = template.Library()

# Languages written with Eastern Arabic digits (٠١٢٣...) in running text. Identifiers such as
# document numbers and MRZs keep their Latin digits: they are compared with the document.
_EASTERN_DIGITS = {"ar", "ckb"}
_TO_EASTERN = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")

_TABLES = {
    "roles": labels.ROLES,
    "directions": labels.DIRECTIONS,
    "crossing_kinds": labels.CROSSING_KINDS,
    "refusal_reasons": labels.REFUSAL_REASONS,
    "group_kinds": labels.GROUP_KINDS,
    "sexes": labels.SEXES,
    "actions": labels.WATCHLIST_ACTIONS,
    "list_kinds": labels.WATCHLIST_KINDS,
    "alert_statuses": labels.ALERT_STATUSES,
    "watchlist_statuses": labels.WATCHLIST_STATUSES,
    "cues": labels.CUES,
    "fields": labels.FIELD_NAMES,
    "name_kinds": labels.NAME_KINDS,
    "board_statuses": labels.BOARD_STATUSES,
    "pre_arrival_matches": labels.PRE_ARRIVAL_MATCHES,
}


def digits(text: str) -> str:
    """`text` with its digits in the script of the active language."""
    if translation.get_language() in _EASTERN_DIGITS:
        return text.translate(_TO_EASTERN)
    return text


@register.filter
def label(code: Any, table: str) -> str:
    """{{ officer.role|label:"roles" }} -> "Primary-line officer", translated."""
    return labels.label(_TABLES[table], str(code))


@register.filter
def num(value: Any) -> str:
    """A count, grouped by thousands, in the active language's digits and separators."""
    if value is None or value == "":
        return ""
    number = float(value)
    text = f"{int(number):,}" if number.is_integer() else f"{number:,.2f}"
    if translation.get_language() in _EASTERN_DIGITS:
        # Arabic thousands and decimal separators (U+066C, U+066B), not Latin , and .
        text = text.replace(",", "\u066c").replace(".", "\u066b")
    return digits(text)


@register.filter
def fine(value: FineDue | None) -> str:
    """A fine's arithmetic, "12 days × 25,000 IQD = 300,000 IQD", in the active language."""
    if value is None:
        return ""
    text = ngettext(
        "%(days)s day × %(per_day)s %(currency)s = %(amount)s %(currency)s",
        "%(days)s days × %(per_day)s %(currency)s = %(amount)s %(currency)s",
        value.days,
    )
    return text % {
        "days": num(value.days),
        "per_day": num(value.per_day),
        "amount": num(value.amount),
        "currency": value.currency,
    }


@register.filter
def day(value: date | datetime | None, fmt: str = "DATE_FORMAT") -> str:
    """A calendar day (a datetime is first taken to Baghdad time), in the active language."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = timezone.localtime(value).date()
    return digits(formats.date_format(value, fmt))


@register.filter
def moment(value: datetime | None) -> str:
    """A moment in Baghdad time: its day and hour."""
    if value is None:
        return ""
    local = timezone.localtime(value)
    return digits(f"{formats.date_format(local, 'DATE_FORMAT')} {local:%H:%M}")


@register.filter
def clock(value: datetime | None) -> str:
    if value is None:
        return ""
    return digits(f"{timezone.localtime(value):%H:%M}")


@register.filter
def percent(value: float | None) -> str:
    if value is None:
        return ""
    return digits(f"{round(float(value) * 100)}%")


@register.filter
def local_name(thing: Any) -> str:
    """The name of a crossing point, agency or list in the active language's script (Arabic
    script for Arabic and Kurdish, Latin otherwise)."""
    arabic = getattr(thing, "name_ar", "")
    if translation.get_language_bidi() and arabic:
        return str(arabic)
    return str(getattr(thing, "name_en", "") or arabic)


_ARABIC_LETTERS = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")


@register.filter
def text_dir(text: Any) -> str:
    """ "rtl" for a name written in Arabic script (Arabic, Persian, Kurdish), else "ltr"."""
    return "rtl" if _ARABIC_LETTERS.search(str(text or "")) else "ltr"
