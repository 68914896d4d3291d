"""The revenue pages: a port's day (receipts with totals, recent declarations), a receipt, a
declaration, and the forms that issue and void receipts. Adapters only: forms parse, the
selectors and services decide and audit."""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from hudud.common.errors import ServiceError
from hudud.revenue import access, labels, selectors, services
from hudud.revenue.forms import ReceiptFilterForm, ReceiptForm, VoidForm
from hudud.revenue.route_access import CASHIERS, READERS
from hudud.web.http import actor_for, officer_view

# The service names fields as the API does; the form names one of them differently.
_FORM_FIELDS = {"crossing_point": "point"}


@require_GET
@officer_view(READERS)
def workspace(request: HttpRequest) -> HttpResponse:
    form = ReceiptFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    day = data.get("day") or timezone.localdate()
    shown = selectors.workspace(
        actor=actor_for(request),
        crossing_point_code=data.get("point") or "",
        day=day,
        kind=data.get("kind") or "",
    )
    return render(request, "revenue/workspace.html", {"form": form, "ws": shown, "day": day})


@require_GET
@officer_view(READERS)
def receipt(request: HttpRequest, receipt_id: uuid.UUID) -> HttpResponse:
    actor = actor_for(request)
    found = selectors.receipt_detail(actor=actor, receipt_id=str(receipt_id))
    may_void = not found.voided and access.may_issue_at(actor.officer, found.crossing_point)
    context = {"receipt": found, "void_form": VoidForm() if may_void else None}
    return render(request, "revenue/receipt.html", context)


@require_GET
@officer_view(READERS)
def declaration(request: HttpRequest, declaration_id: uuid.UUID) -> HttpResponse:
    actor = actor_for(request)
    detail = selectors.declaration_detail(actor=actor, declaration_id=str(declaration_id))
    may_issue = access.may_issue_at(actor.officer, detail.declaration.crossing_point)
    context = {"detail": detail, "d": detail.declaration, "may_issue": may_issue}
    return render(request, "revenue/declaration.html", context)


def _issue_form(request: HttpRequest, data: Any = None) -> ReceiptForm:
    actor = actor_for(request)
    points = [
        p for p in access.points_readable(actor.officer) if access.may_issue_at(actor.officer, p)
    ]
    fees = selectors.fees_in_force(on_day=timezone.localdate())
    initial = {k: request.GET[k] for k in ("point", "kind", "declaration_id") if k in request.GET}
    return ReceiptForm(data, points=points, fees=fees, initial=initial)


def _problem_text(code: str) -> str:
    return labels.label("problems", code) if code in labels.PROBLEMS else ""


@require_http_methods(["GET", "POST"])
@officer_view(CASHIERS)
def receipt_new(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        return render(request, "revenue/receipt_new.html", {"form": _issue_form(request)})
    form = _issue_form(request, request.POST)
    if form.is_valid():
        try:
            issued = services.receipt_issue(actor=actor_for(request), request=_request_of(form))
        except ServiceError as error:
            if error.status in (403, 404):
                raise
            for problem in error.problems:
                field = _FORM_FIELDS.get(problem.field, problem.field)
                text = f"{_problem_text(problem.code)} ({problem.message})".strip()
                form.add_error(field if field in form.fields else None, text)
        else:
            if issued.replayed:
                messages.info(
                    request, _("This receipt was already issued (the form was sent twice).")
                )
            else:
                messages.success(request, _("Receipt issued."))
            return redirect("revenue:receipt", receipt_id=issued.receipt.pk)
    return render(request, "revenue/receipt_new.html", {"form": form}, status=422)


def _request_of(form: ReceiptForm) -> services.ReceiptRequest:
    data = form.cleaned_data
    return services.ReceiptRequest(
        client_id=data["client_id"],
        crossing_point_code=data["point"],
        kind=data["kind"],
        payer_name=data["payer_name"],
        payer_document=data["payer_document"],
        fee_code=data["fee_code"],
        days=data["days"],
        amount=data["amount"],
        currency=data["currency"] or None,
        traveller_id=data["traveller_id"],
        declaration_id=data["declaration_id"],
        note=data["note"],
    )


@require_POST
@officer_view(CASHIERS)
def receipt_void(request: HttpRequest, receipt_id: uuid.UUID) -> HttpResponse:
    form = VoidForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Say why the receipt is void."))
        return redirect("revenue:receipt", receipt_id=receipt_id)
    try:
        services.receipt_void(
            actor=actor_for(request), receipt_id=str(receipt_id), reason=form.cleaned_data["reason"]
        )
    except ServiceError as error:
        if error.status in (403, 404):
            raise
        for problem in error.problems:
            messages.error(request, _problem_text(problem.code) or problem.message)
    else:
        messages.success(request, _("The receipt is void."))
    return redirect("revenue:receipt", receipt_id=receipt_id)
