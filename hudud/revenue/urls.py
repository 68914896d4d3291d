from django.urls import path

from hudud.revenue import views

app_name = "revenue"

urlpatterns = [
    path("", views.workspace, name="workspace"),
    path("receipts/new", views.receipt_new, name="receipt_new"),
    path("receipts/<uuid:receipt_id>/", views.receipt, name="receipt"),
    path("receipts/<uuid:receipt_id>/void", views.receipt_void, name="receipt_void"),
    path("declarations/<uuid:declaration_id>/", views.declaration, name="declaration"),
]
