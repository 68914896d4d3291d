"""`{% load revenue %}`: translated revenue labels and amounts of money."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import template

from hudud.revenue import labels
from hudud.web.templatetags.hudud_web import num

register = template.Library()


@register.filter
def revenue_label(code: Any, table: str) -> str:
    """{{ receipt.kind|revenue_label:"receipt_kinds" }} -> "Vehicle fee", translated."""
    return labels.label(table, str(code))


@register.filter
def money(amount: Decimal | None, currency: str = "") -> str:
    """An amount grouped by thousands in the active language's digits, with its currency."""
    if amount is None:
        return ""
    return f"{num(amount)} {currency}".strip()
