from django.urls import path

from hudud.web import line_views, views

app_name = "web"

urlpatterns = [
    path("", views.home, name="home"),
    path("preferences/language", views.language, name="language"),
    path("line/", line_views.line, name="line"),
    path("line/check", line_views.line_check, name="line_check"),
    path("line/decide", line_views.line_decide, name="line_decide"),
]
