"""`{% reveal "document_number" d.number %}`: a sensitive field as the viewing officer may see
it, in full or masked by the rule in `hudud.agencies.mandates.FIELD_RULES`.

`{% sees "birth_date" as full_birth %}` sets `full_birth` to whether the officer sees the field
in full, for values a template formats itself (a date shown as a localised day in full, or as
its year only: `{% if full_birth %}{{ d|day }}{% else %}{{ d|day:"Y" }}{% endif %}`).

Load it with `{% load protected %}` (registered in the settings' template libraries). The
officer is the template's `officer`, else the request user's officer profile; with neither,
the value is masked.
"""

from __future__ import annotations

from typing import Any

from django import template

from hudud.agencies.mandates import FIELD_RULES, sees_in_full
from hudud.agencies.mandates import reveal as reveal_for
from hudud.agencies.models import Officer

register = template.Library()


def _officer(context: template.Context) -> Officer | None:
    officer = context.get("officer")
    if isinstance(officer, Officer):
        return officer
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    return Officer.objects.select_related("agency").filter(user_id=user.pk).first()


@register.simple_tag(takes_context=True)
def reveal(context: template.Context, field: str, value: Any) -> str:
    if field not in FIELD_RULES:
        raise template.TemplateSyntaxError(f"no masking rule for {field!r}")
    text = "" if value is None else str(value)
    return reveal_for(_officer(context), field, text) or ""


@register.simple_tag(takes_context=True)
def sees(context: template.Context, field: str) -> bool:
    if field not in FIELD_RULES:
        raise template.TemplateSyntaxError(f"no masking rule for {field!r}")
    return sees_in_full(_officer(context), field)
