"""Forms of the revenue pages: they parse and bound what the officer sends, nothing more (the
services decide what is valid)."""

from __future__ import annotations

import uuid
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from hudud.border.models import CrossingPoint
from hudud.revenue import labels
from hudud.revenue.models import Fee
from hudud.revenue.templatetags.revenue import money
from hudud.web.templatetags.hudud_web import local_name

KIND_CHOICES = list(labels.RECEIPT_KINDS.items())
CURRENCY_CHOICES = [("", "—"), *((code, code) for code in labels.CURRENCIES)]


class ReceiptFilterForm(forms.Form):
    point = forms.SlugField(max_length=40, required=False, label=_("Crossing point"))
    day = forms.DateField(required=False, label=_("Day"))
    kind = forms.ChoiceField(
        choices=[("", _("All kinds")), *KIND_CHOICES], required=False, label=_("Kind")
    )


class ReceiptForm(forms.Form):
    # Made when the form is shown and sent back with it: submitting twice (a double click, a
    # retry after a dropped answer) issues one receipt.
    client_id = forms.UUIDField(widget=forms.HiddenInput)
    point = forms.ChoiceField(label=_("Crossing point"))
    kind = forms.ChoiceField(choices=KIND_CHOICES, label=_("Kind"))
    fee_code = forms.ChoiceField(required=False, label=_("Fee (from the schedule)"))
    # Text inputs with a numeric keyboard: the style sheet dresses text inputs.
    days = forms.IntegerField(
        min_value=1,
        max_value=36500,
        required=False,
        label=_("Days (a fine per day)"),
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
    )
    amount = forms.DecimalField(
        max_digits=14,
        decimal_places=2,
        min_value=0,
        required=False,
        label=_("Amount (duties and other payments)"),
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
    )
    currency = forms.ChoiceField(choices=CURRENCY_CHOICES, required=False, label=_("Currency"))
    payer_name = forms.CharField(max_length=200, strip=True, label=_("Payer"))
    payer_document = forms.CharField(
        max_length=30, required=False, strip=True, label=_("Payer's document number")
    )
    traveller_id = forms.UUIDField(required=False, label=_("Traveller id (a residence fine)"))
    declaration_id = forms.UUIDField(required=False, label=_("Declaration id (a customs duty)"))
    note = forms.CharField(
        max_length=500,
        required=False,
        strip=True,
        label=_("What it is for"),
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args: Any, points: list[CrossingPoint], fees: list[Fee], **kwargs: Any):
        super().__init__(*args, **kwargs)
        point, fee = self.fields["point"], self.fields["fee_code"]
        assert isinstance(point, forms.ChoiceField)
        assert isinstance(fee, forms.ChoiceField)
        point.choices = [(p.code, local_name(p)) for p in points]
        fee.choices = [("", "—")] + [
            (f.code, f"{local_name(f)} · {money(f.amount, f.currency)}") for f in fees
        ]
        if not self.is_bound:
            self.initial.setdefault("client_id", uuid.uuid4())


class VoidForm(forms.Form):
    reason = forms.CharField(
        max_length=1000,
        strip=True,
        label=_("Why is it void?"),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
