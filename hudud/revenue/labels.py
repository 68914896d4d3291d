"""Translated labels for the revenue codes the workspace shows (the models' choice labels are
English reference text, as in `hudud.web.labels`)."""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

RECEIPT_KINDS: dict[str, Promise] = {
    "visa_on_arrival": _("Visa on arrival"),
    "residence_fine": _("Residence fine (overstay)"),
    "vehicle_fee": _("Vehicle fee"),
    "customs_duty": _("Customs duty"),
    "other": pgettext_lazy("receipt", "Other"),
}

DECLARATION_STATUSES: dict[str, Promise] = {
    "registered": pgettext_lazy("declaration", "Registered"),
    "assessed": pgettext_lazy("declaration", "Assessed"),
    "paid": pgettext_lazy("declaration", "Paid"),
    "released": pgettext_lazy("declaration", "Released"),
    "cancelled": pgettext_lazy("declaration", "Cancelled"),
}

FLOWS: dict[str, Promise] = {
    "import": _("Import"),
    "export": _("Export"),
    "transit": _("Transit"),
}

CURRENCIES: dict[str, Promise] = {
    "IQD": _("Iraqi dinar"),
    "USD": _("US dollar"),
}

FEE_UNITS: dict[str, Promise] = {
    "flat": _("flat"),
    "per_day": _("per day"),
}

# What a service's problem code means, said in the officer's language; the service's own
# English message follows it for the detail.
PROBLEMS: dict[str, Promise] = {
    "missing_field": _("Required."),
    "invalid_value": _("Not a valid value."),
    "not_found": _("Not found."),
    "too_long": _("Too long."),
    "amount_mismatch": _("The amount is not the one in the fee schedule."),
    "exceeds_due": _("More than the duty still due on the declaration."),
    "invalid_state": _("The declaration is not in a state that allows this."),
    "client_id_conflict": _("This form was already used for another receipt: open a new one."),
    "already_voided": _("This receipt was voided already."),
    "in_future": _("A time in the future."),
    "no_receipt_book": _("This crossing point has no receipt book yet."),
    "forbidden": _("Not allowed."),
}

TABLES: dict[str, dict[str, Promise]] = {
    "receipt_kinds": RECEIPT_KINDS,
    "declaration_statuses": DECLARATION_STATUSES,
    "flows": FLOWS,
    "currencies": CURRENCIES,
    "fee_units": FEE_UNITS,
    "problems": PROBLEMS,
}


def label(table: str, code: str) -> str:
    found = TABLES[table].get(code)
    return str(found) if found is not None else code
