"""Setting Django up for the subcommands that need it (imported lazily: `hudud mrz` and
`hudud stay` never pay for it)."""

from __future__ import annotations

import os


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hudud.config.settings")
    import django

    django.setup()
