"""The versioned JSON API: /api/v1/, with its OpenAPI document at /api/v1/openapi.json and
interactive docs at /api/v1/docs."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from ninja import NinjaAPI

from hudud.audit.api import router as audit_router
from hudud.border.api import router as border_router
from hudud.common.api import AUTH, install_error_handlers
from hudud.manifests.api import router as manifests_router
from hudud.revenue.api import router as revenue_router
from hudud.watchlists.api import router as watchlists_router

api = NinjaAPI(
    title="Hudud API",
    version="1",
    description=(
        "Iraq's integrated border management system. Every endpoint needs an officer's "
        "session or an API token (Authorization: Bearer hudud_...). Errors are "
        '{"errors": [{"code", "field", "message"}]}.'
    ),
    auth=AUTH,
    urls_namespace="api-v1",
    # The schema describes personal-data endpoints: read it logged in, like everything else.
    docs_decorator=login_required,
    openapi_extra={"security": [{"OfficerToken": []}, {"OfficerSession": []}]},
)
install_error_handlers(api)
api.add_router("/", border_router)
api.add_router("/", watchlists_router)
api.add_router("/", manifests_router)
api.add_router("/", audit_router)
api.add_router("/", revenue_router)
