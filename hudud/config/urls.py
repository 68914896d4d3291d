from django.contrib import admin
from django.urls import include, path

from hudud.config.api import api

urlpatterns = [
    path("", include("hudud.web.urls")),
    path("", include("hudud.border.urls")),
    path("", include("hudud.analytics.urls")),
    # Two-factor login and logout; also the admin site's login (before admin.site.urls).
    path("", include("hudud.agencies.urls")),
    path("manifests/", include("hudud.manifests.urls")),
    path("revenue/", include("hudud.revenue.urls")),
    path("audit/", include("hudud.audit.urls")),
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
]
