"""Retention of revenue records (the retention hook, docs/security.md).

A receipt names who paid, and sometimes links a traveller: it is kept `receipt` days after it
was issued (5 years by default, like an overstayer's file, so that a fine stays provable as
long as the overstay it was for), then erased with its voided fellows. The legal period for
financial records is the Ministry of Finance's to confirm; whatever it is, the audit trail's
own period must stay longer, or "who issued this receipt" could not be answered while it
exists. A legal hold on a receipt, or on the traveller it names, keeps it.

A declaration reference (a company's, no person's) goes `declaration` days after its
registration once no kept receipt names it. Receipt books and their yearly counters stay:
they hold no personal data and keep numbering gapless.
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef

from hudud.audit.purgers import in_batches
from hudud.audit.retention import Policy, PurgeContext
from hudud.revenue.models import Declaration, Receipt


def purge_receipts(context: PurgeContext, days: int) -> int:
    rows = (
        Receipt.objects.filter(issued_at__lt=context.cutoff(days))
        .exclude(pk__in=context.held.ids("receipt"))
        .exclude(traveller_id__in=context.held.ids("traveller"))
    )
    return in_batches(
        rows, lambda ids: Receipt.objects.filter(pk__in=ids).delete(), context.dry_run
    )


def purge_declarations(context: PurgeContext, days: int) -> int:
    rows = (
        Declaration.objects.filter(registered_at__lt=context.cutoff(days))
        .exclude(pk__in=context.held.ids("declaration"))
        .exclude(Exists(Receipt.objects.filter(declaration=OuterRef("pk"))))
    )
    return in_batches(
        rows, lambda ids: Declaration.objects.filter(pk__in=ids).delete(), context.dry_run
    )


# Receipts first: a declaration goes only once no receipt names it.
POLICIES = [
    Policy(
        "receipt",
        5 * 365,
        "receipts (they name who paid), 5 years after issue; the legal period for financial "
        "records to be confirmed",
        purge_receipts,
    ),
    Policy(
        "declaration",
        5 * 365,
        "customs declaration references, 5 years after registration, once no receipt names them",
        purge_declarations,
    ),
]
