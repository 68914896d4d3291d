from django.urls import path

from hudud.border import views

app_name = "border"

urlpatterns = [
    path("travellers/", views.traveller_search, name="traveller_search"),
    path("travellers/<uuid:traveller_id>/", views.traveller_detail, name="traveller_detail"),
]
