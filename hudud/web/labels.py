"""Translated labels for the codes the workspace shows.

The models' choice labels are English reference text; the interface shows these instead, so
that every word on screen goes through the translation catalogues (and Kurdish can follow).
"""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

ROLES: dict[str, Promise] = {
    "primary": _("Primary-line officer"),
    "secondary": _("Secondary-inspection officer"),
    "supervisor": _("Supervisor"),
    "analyst": _("Risk analyst"),
    "case_worker": _("Case worker"),
    "revenue": _("Revenue officer"),
    "agency_admin": _("Agency administrator"),
    "auditor": _("Auditor"),
    "carrier": _("Carrier system"),
}

DIRECTIONS: dict[str, Promise] = {
    "entry": pgettext_lazy("direction", "Entry"),
    "exit": pgettext_lazy("direction", "Exit"),
}

CROSSING_KINDS: dict[str, Promise] = {
    "entry": pgettext_lazy("crossing", "Entry"),
    "exit": pgettext_lazy("crossing", "Exit"),
    "refusal": _("Refusal of entry"),
}

# The EU Entry/Exit System's reasons for refusal of entry (border.models.RefusalReason).
REFUSAL_REASONS: dict[str, Promise] = {
    "A": _("No valid travel document"),
    "B": _("False, counterfeit or forged travel document"),
    "C": _("No valid visa or residence permit"),
    "D": _("False visa or residence permit"),
    "E": _("No documents justifying the purpose and conditions of stay"),
    "F": _("The authorised stay has already been used"),
    "G": _("Insufficient means of subsistence"),
    "H": _("An alert for refusal of entry"),
    "I": _(
        "A threat to public policy, internal security, public health or international relations"
    ),
}

GROUP_KINDS: dict[str, Promise] = {
    "pilgrim_bus": _("Pilgrim bus"),
    "tour": _("Tour group"),
    "delegation": _("Delegation"),
    "crew": _("Crew"),
    "other": _("Other group"),
}

SEXES: dict[str, Promise] = {
    "F": _("Female"),
    "M": _("Male"),
    "X": _("Unspecified"),
}

WATCHLIST_ACTIONS: dict[str, Promise] = {
    "arrest": _("Arrest"),
    "refuse_entry": _("Refuse entry"),
    "inform_owner": _("Inform the owning agency"),
    "monitor": _("Monitor (let pass, report)"),
}

WATCHLIST_KINDS: dict[str, Promise] = {
    "wanted_persons": _("Wanted persons"),
    "entry_ban": _("Entry ban"),
    "lost_stolen_documents": _("Lost and stolen travel documents"),
    "missing_children": _("Missing children"),
    "international": _("International list"),
}

ALERT_STATUSES: dict[str, Promise] = {
    "open": pgettext_lazy("alert", "Open"),
    "confirmed": pgettext_lazy("alert", "Confirmed"),
    "dismissed": pgettext_lazy("alert", "Dismissed"),
}

WATCHLIST_STATUSES: dict[str, Promise] = {
    "clear": pgettext_lazy("watchlist", "Clear"),
    "hit": pgettext_lazy("watchlist", "Possible match"),
    "cleared": pgettext_lazy("watchlist", "Cleared"),
    "not_screened": pgettext_lazy("watchlist", "Not screened"),
}

# The interactive API answer a carrier got for the traveller (manifests.BoardStatus).
BOARD_STATUSES: dict[str, Promise] = {
    "ok": _("OK to board"),
    "do_not_board": _("Do not board"),
    "insufficient_data": _("Insufficient data"),
}

PRE_ARRIVAL_MATCHES: dict[str, Promise] = {
    "document": _("by document"),
    "name_and_birth_date": _("by name and birth date"),
}

CUES: dict[str, Promise] = {
    "green": _("Clear to proceed"),
    "amber": _("Look closer"),
    "red": _("Stop"),
}

# How the screening engine compared a field (hudud.core.screening.fields verdicts).
FIELD_VERDICTS: dict[str, Promise] = {
    "exact": _("same date"),
    "day_month_swapped": _("day and month swapped"),
    "same_year": _("same year"),
    "same_year_other_day": _("same year, another day"),
    "one_year_apart": _("one year apart"),
    "same": _("same"),
    "different": _("different"),
    "listed": _("listed"),
}

FIELD_NAMES: dict[str, Promise] = {
    "birth_date": _("Birth date"),
    "nationality": _("Nationality"),
    "sex": _("Sex"),
    "document": _("Document"),
    "document_number": _("Document number"),
    "expiry_date": _("Expiry date"),
    "issuing_state": _("Issuing state"),
    "surname": _("Surname"),
    "given_names": _("Given names"),
    "name": _("Name"),
    "personal_number": _("Personal number"),
    "composite": _("Composite check"),
    "document_code": _("Document code"),
    "mrz": _("Machine-readable zone"),
}

# How a listed name relates to the person (watchlist entries' names).
NAME_KINDS: dict[str, Promise] = {
    "primary": _("main name"),
    "alias": _("alias"),
    "original_script": _("in the original script"),
}


def label(table: dict[str, Promise], code: str) -> str:
    """The translated label of `code`, or the code itself when the table does not know it."""
    found = table.get(code)
    return str(found) if found is not None else code
