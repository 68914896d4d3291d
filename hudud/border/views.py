"""Pages about travellers: the search and the traveller page. Adapters only: the form parses
the request, the selectors decide what the officer may see and audit it."""

from __future__ import annotations

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from hudud.border import access, selectors
from hudud.border.stays import local_day
from hudud.common.errors import AccessDenied, ServiceError
from hudud.web.http import actor_for, officer_view, pager_links


class TravellerSearchForm(forms.Form):
    name = forms.CharField(
        max_length=200, required=False, strip=True, label=_("Name (Latin or Arabic script)")
    )
    document_number = forms.CharField(
        max_length=30, required=False, strip=True, label=_("Document number")
    )
    birth_date = forms.DateField(required=False, label=_("Birth date"))
    nationality = forms.RegexField(
        regex=r"^[A-Za-z]{3}$",
        required=False,
        strip=True,
        label=_("Nationality (3 letters)"),
        error_messages={"invalid": _("Three letters, as in the passport (IRQ, IRN, TUR).")},
    )
    page = forms.IntegerField(min_value=1, max_value=100_000, required=False)

    def query(self) -> selectors.TravellerQuery:
        data = self.cleaned_data
        return selectors.TravellerQuery(
            name=data["name"],
            document_number=data["document_number"],
            birth_date=data["birth_date"],
            nationality=data["nationality"],
        )


@require_GET
@officer_view(roles=access.TRAVELLER_READ_ROLES)
def traveller_search(request: HttpRequest) -> HttpResponse:
    form = TravellerSearchForm(request.GET or None)
    context: dict[str, object] = {"form": form, "results": None, "problems": []}
    if form.is_bound and form.is_valid():
        try:
            results = selectors.travellers_search(
                actor=actor_for(request), query=form.query(), page=form.cleaned_data["page"] or 1
            )
        except AccessDenied:
            raise
        except ServiceError as error:
            context["problems"] = error.problems
        else:
            context["results"] = results
            context.update(pager_links(request, results.page))
    return render(request, "border/traveller_search.html", context)


@require_GET
@officer_view(roles=access.TRAVELLER_READ_ROLES)
def traveller_detail(request: HttpRequest, traveller_id: object) -> HttpResponse:
    page = selectors.traveller_page(
        actor=actor_for(request),
        traveller_id=str(traveller_id),
        today=local_day(timezone.now()),
    )
    return render(request, "border/traveller_detail.html", {"page": page, "t": page.traveller})
