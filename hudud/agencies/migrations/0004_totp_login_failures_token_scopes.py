"""Second factors, failed logins for throttling, and scopes on API tokens.

Tokens issued before scopes existed keep working as before: they get "*" (every area their
officer's role allows). Re-runnable: only tokens without scopes are touched.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def scope_existing_tokens(apps, schema_editor):
    ApiToken = apps.get_model("agencies", "ApiToken")
    for token in ApiToken.objects.all().iterator():
        if not token.scopes:
            ApiToken.objects.filter(pk=token.pk).update(scopes=["*"])


class Migration(migrations.Migration):

    dependencies = [
        ('agencies', '0003_officer_role_carrier'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='LoginFailure',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('username', models.CharField(db_index=True, max_length=150)),
                ('source_ip', models.GenericIPAddressField(blank=True, db_index=True, null=True)),
                ('stage', models.CharField(max_length=10)),
                ('at', models.DateTimeField(db_index=True)),
            ],
        ),
        migrations.AddField(
            model_name='apitoken',
            name='scopes',
            field=models.JSONField(blank=True, default=list),
        ),
        migrations.CreateModel(
            name='TotpDevice',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('secret_sealed', models.TextField()),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('confirmed_at', models.DateTimeField(blank=True, null=True)),
                ('last_step', models.BigIntegerField(default=0)),
                ('user', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='totp_device', to=settings.AUTH_USER_MODEL)),
            ],
        ),
        migrations.RunPython(scope_existing_tokens, migrations.RunPython.noop),
    ]
