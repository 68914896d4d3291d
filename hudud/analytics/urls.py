from django.urls import path

from hudud.analytics import views

app_name = "analytics"

urlpatterns = [
    path("dashboard/", views.dashboard, name="dashboard"),
    path("dashboard/map/", views.traffic_map, name="map"),
    path("dashboard/points/<slug:code>/", views.point, name="point"),
]
