from django.urls import path

from hudud.web import alert_views, group_views, line_views, views

app_name = "web"

urlpatterns = [
    path("", views.home, name="home"),
    path("preferences/language", views.language, name="language"),
    path("line/", line_views.line, name="line"),
    path("line/check", line_views.line_check, name="line_check"),
    path("line/decide", line_views.line_decide, name="line_decide"),
    path("line/groups/", group_views.groups, name="groups"),
    path("line/groups/open", group_views.group_create, name="group_create"),
    path("line/groups/<uuid:group_id>/", group_views.group, name="group"),
    path("line/groups/<uuid:group_id>/scan", group_views.group_scan, name="group_scan"),
    path("line/groups/<uuid:group_id>/record", group_views.group_record, name="group_record"),
    path("line/groups/<uuid:group_id>/act", group_views.group_member_act, name="group_member_act"),
    path("alerts/", alert_views.alerts, name="alerts"),
    path("alerts/<uuid:alert_id>/", alert_views.alert, name="alert"),
    path("alerts/<uuid:alert_id>/confirm", alert_views.alert_confirm, name="alert_confirm"),
    path("alerts/<uuid:alert_id>/dismiss", alert_views.alert_dismiss, name="alert_dismiss"),
]
