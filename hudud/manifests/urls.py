from django.urls import path

from hudud.manifests import views

app_name = "manifests"

urlpatterns = [
    path("", views.board, name="board"),
    path("flights/<uuid:flight_id>/", views.flight, name="flight"),
]
