from django.urls import path

from hudud.web import views

app_name = "web"

urlpatterns = [
    path("", views.home, name="home"),
    path("preferences/language", views.language, name="language"),
]
