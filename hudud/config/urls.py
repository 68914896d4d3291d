from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from hudud.config.api import api

urlpatterns = [
    path("", include("hudud.web.urls")),
    path("", include("hudud.border.urls")),
    path("", include("hudud.analytics.urls")),
    path("login/", auth_views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(next_page="/"), name="logout"),
    path("manifests/", include("hudud.manifests.urls")),
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
]
