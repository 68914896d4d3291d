"""Login with two factors and logout (mounted at the site's root by hudud.config.urls)."""

from django.urls import path

from hudud.agencies import views

urlpatterns = [
    path("login/", views.login_password, name="login"),
    path("login/code/", views.login_code, name="login-code"),
    path("login/enrol/", views.login_enrol, name="login-enrol"),
    path("logout/", views.logout_view, name="logout"),
    path("admin/login/", views.admin_login, name="admin-login"),
]
