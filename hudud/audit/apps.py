from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "hudud.audit"
    label = "audit"
    verbose_name = "Audit trail"
