"""Forms of the workspace: they parse and bound what the officer sends, nothing more."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from hudud.web import labels

DIRECTION_CHOICES = [(code, text) for code, text in labels.DIRECTIONS.items()]
REFUSAL_CHOICES = [(code, text) for code, text in labels.REFUSAL_REASONS.items()]
GROUP_KIND_CHOICES = [(code, text) for code, text in labels.GROUP_KINDS.items()]
# The longest zone is 2 x 44 characters; a little room for separators and stray spaces.
MRZ_MAX = 120


class ScanForm(forms.Form):
    point = forms.SlugField(max_length=40)
    direction = forms.ChoiceField(choices=DIRECTION_CHOICES)
    mrz = forms.CharField(max_length=MRZ_MAX, strip=True, label=_("Machine-readable zone"))


def action_clean(action: str) -> str:
    """An officer's action: "entry", "exit", "refusal:<code A-I>" or "secondary"."""
    kind, _sep, reason = action.partition(":")
    if kind in ("entry", "exit", "secondary") and not reason:
        return action
    if kind == "refusal" and reason in labels.REFUSAL_REASONS:
        return action
    raise forms.ValidationError(_("Unknown action."))


class DecisionForm(forms.Form):
    """One action on a checked traveller: "entry", "exit", "refusal:<code>" or "secondary"."""

    point = forms.SlugField(max_length=40)
    direction = forms.ChoiceField(choices=DIRECTION_CHOICES)
    mrz = forms.CharField(max_length=MRZ_MAX, strip=True)
    client_id = forms.UUIDField()
    action = forms.CharField(max_length=20)
    name_ar = forms.CharField(max_length=200, required=False, strip=True)
    alert_ids = forms.CharField(max_length=2000, required=False)

    def clean_action(self) -> str:
        return action_clean(self.cleaned_data["action"])


class GroupOpenForm(forms.Form):
    point = forms.SlugField(max_length=40)
    kind = forms.ChoiceField(choices=GROUP_KIND_CHOICES, label=_("Kind of group"))
    reference = forms.CharField(
        max_length=60, required=False, strip=True, label=_("Reference (bus plate, tour number)")
    )
    direction = forms.ChoiceField(choices=DIRECTION_CHOICES, label=_("Direction"))


class GroupScanForm(forms.Form):
    mrz = forms.CharField(max_length=MRZ_MAX, strip=True, label=_("Machine-readable zone"))
    direction = forms.ChoiceField(choices=DIRECTION_CHOICES)


class GroupMemberForm(forms.Form):
    """One traveller of a group, as the page holds them until recorded."""

    mrz = forms.CharField(max_length=MRZ_MAX, strip=True)
    action = forms.CharField(max_length=20)
    # "refusal:other" takes its code from this list.
    other_refusal = forms.ChoiceField(choices=REFUSAL_CHOICES, required=False)
    alert_ids = forms.CharField(max_length=2000, required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("action") == "refusal:other":
            data["action"] = action_clean(f"refusal:{data.get('other_refusal', '')}")
        elif "action" in data:
            data["action"] = action_clean(data["action"])
        return data


class AlertDecisionForm(forms.Form):
    reason = forms.CharField(
        max_length=1000, strip=True, label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3})
    )
    grant_clearance = forms.BooleanField(
        required=False, label=_("Clear this traveller's document for this entry")
    )
    clearance_expires_on = forms.DateField(
        required=False,
        label=_("Clearance ends on (default: one year)"),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
