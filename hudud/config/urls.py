from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import path

from hudud.config.api import api
from hudud.config.views import home

urlpatterns = [
    path("", home, name="home"),
    path("login/", auth_views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(next_page="/"), name="logout"),
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
]
