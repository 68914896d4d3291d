"""Django settings for Hudud, read from the environment (see .env.example).

SQLite under var/ by default, so a fresh clone runs with no service; DATABASE_URL selects
PostgreSQL in production and in CI.
"""

from __future__ import annotations

from pathlib import Path

import dj_database_url

from hudud.common.env import EnvError, env_bool, env_int, env_list, env_secret, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(env_str("HUDUD_VAR_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("HUDUD_DEBUG", default=True)
SECRET_KEY = env_str("HUDUD_SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise EnvError("HUDUD_SECRET_KEY must be set when HUDUD_DEBUG is false")
    # Development only: a fixed key is harmless for a laptop demo and keeps sessions across
    # restarts. Production refuses to start without its own key (above).
    SECRET_KEY = "hudud-insecure-development-key-never-use-in-production"  # noqa: S105

# Keys kept apart from SECRET_KEY, because rotating SECRET_KEY (sessions, CSRF) must not break
# the audit chain's hashes or unseal officers' TOTP secrets (docs/security.md, "Keys").
HUDUD_AUDIT_KEY = env_secret(
    "HUDUD_AUDIT_KEY", debug=DEBUG, development="hudud-development-audit-key"
)
HUDUD_AUDIT_KEY_FALLBACKS = env_list("HUDUD_AUDIT_KEY_FALLBACKS", [])
HUDUD_FIELD_KEY = env_secret(
    "HUDUD_FIELD_KEY", debug=DEBUG, development="hudud-development-field-key"
)
HUDUD_FIELD_KEY_FALLBACKS = env_list("HUDUD_FIELD_KEY_FALLBACKS", [])

ALLOWED_HOSTS = env_list("HUDUD_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "ninja",
    "hudud.agencies",
    "hudud.audit",
    "hudud.border",
    "hudud.watchlists",
    "hudud.web",
    "hudud.manifests",
    "hudud.analytics",
    "hudud.revenue",
]

MIDDLEWARE = [
    "hudud.common.middleware.TrustedProxyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "hudud.common.middleware.NoStoreMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "hudud.common.middleware.SessionExpiryMiddleware",
    "hudud.web.languages.UserLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "hudud.config.urls"
WSGI_APPLICATION = "hudud.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "hudud" / "config" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "hudud.web.context.workspace",
            ],
            # {% load protected %}: {% reveal "document_number" value %} masks by role.
            "libraries": {"protected": "hudud.common.templatetags.protected"},
        },
    },
]

_default_db = f"sqlite:///{VAR_DIR / 'hudud.sqlite3'}"
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL") or _default_db,
        conn_max_age=env_int("HUDUD_DB_CONN_MAX_AGE", 60),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the primary-line readers work while a crossing is being written; IMMEDIATE
    # transactions take the write lock up front, so two writers queue instead of failing.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Argon2id for new and changed passwords; the others only read hashes made before (Django
# upgrades them at the next login).
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
# Kurdish (Sorani) joins as ("ckb", "کوردی") with a catalogue under hudud/locale/ckb/.
LANGUAGES = [("en", "English"), ("ar", "العربية")]
LOCALE_PATHS = [BASE_DIR / "hudud" / "locale"]
TIME_ZONE = env_str("HUDUD_TIME_ZONE", "Asia/Baghdad")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"

LOGIN_URL = "/login/"
LOGIN_REDIRECT_URL = "/"

# --- Security (docs/security.md) -------------------------------------------------------------
# Sessions: logged out after HUDUD_SESSION_IDLE_MINUTES without a request, and after
# HUDUD_SESSION_MAX_HOURS in any case (hudud.common.middleware.SessionExpiryMiddleware).
HUDUD_SESSION_IDLE_MINUTES = env_int("HUDUD_SESSION_IDLE_MINUTES", 30)
HUDUD_SESSION_MAX_HOURS = env_int("HUDUD_SESSION_MAX_HOURS", 12)
SESSION_COOKIE_AGE = HUDUD_SESSION_MAX_HOURS * 3600
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
# Logins: both factors; lockout after repeated failures (hudud.agencies.throttle).
HUDUD_LOGIN_MAX_FAILURES = env_int("HUDUD_LOGIN_MAX_FAILURES", 5)
HUDUD_LOGIN_MAX_FAILURES_PER_ADDRESS = env_int("HUDUD_LOGIN_MAX_FAILURES_PER_ADDRESS", 30)
HUDUD_LOGIN_LOCKOUT_MINUTES = env_int("HUDUD_LOGIN_LOCKOUT_MINUTES", 15)
# An account without a second factor enrols one right after its password (off: an operator
# issues every secret with `hudud account totp-reset`).
HUDUD_TOTP_SELF_ENROL = env_bool("HUDUD_TOTP_SELF_ENROL", default=True)
# Headers. HSTS is sent on HTTPS responses only (Django), so it is safe to keep on.
SECURE_HSTS_SECONDS = env_int("HUDUD_HSTS_SECONDS", 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("HUDUD_HSTS_INCLUDE_SUBDOMAINS", default=False)
SECURE_SSL_REDIRECT = env_bool("HUDUD_SSL_REDIRECT", default=False)
# The reverse proxies whose X-Forwarded-For is believed (their addresses, comma-separated).
HUDUD_TRUSTED_PROXIES = env_list("HUDUD_TRUSTED_PROXIES", [])
if env_bool("HUDUD_BEHIND_TLS_PROXY", default=False):
    # Only behind a proxy that sets this header itself and strips it from clients.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# No inline script or style anywhere: templates load static files only, data for scripts
# travels in `json_script` blocks (which the policy does not execute).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    }
}

# How many recent crossings the primary-line check shows.
HUDUD_RECENT_CROSSINGS = env_int("HUDUD_RECENT_CROSSINGS", 10)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("HUDUD_LOG_LEVEL", "WARNING")},
}
