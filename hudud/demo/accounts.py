"""Demo officers: the people of the journeys, who log in, and the line officers behind the
generated crossings, who never do (their passwords are unusable)."""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.contrib.auth import get_user_model
from django.utils import timezone

from hudud.agencies.models import Agency, Officer
from hudud.agencies.tokens import token_issue
from hudud.agencies.totp import totp_enrol
from hudud.border.models import CrossingPoint, Posting
from hudud.demo.generate import OFFICERS_PER_POINT

if TYPE_CHECKING:
    from django.contrib.auth.models import User

# Line officers' badges start with this: their presence marks a database holding demo data.
LINE_BADGE_PREFIX = "DEMO-L-"
# The name of the API token the demo issues (ApiToken.name).
CLIENT_NAME = "demo"


@dataclass(frozen=True)
class AccountSpec:
    username: str
    role: str
    agency: str
    posts: tuple[str, ...]
    title: str
    title_ar: str
    admin: bool = False


DEMO_ACCOUNTS: tuple[AccountSpec, ...] = (
    AccountSpec(
        "primary.zurbatiya",
        "primary",
        "moi-passports",
        ("zurbatiya", "baghdad-airport", "ibrahim-khalil", "najaf-airport", "safwan", "trebil"),
        "Primary-line officer, Zurbatiya",
        "ضابط الخط الأول، زرباطية",
    ),
    AccountSpec(
        "primary.baghdad",
        "primary",
        "moi-passports",
        ("baghdad-airport",),
        "Primary-line officer, Baghdad airport",
        "ضابط الخط الأول، مطار بغداد",
    ),
    AccountSpec(
        "secondary.zurbatiya",
        "secondary",
        "moi-passports",
        ("zurbatiya",),
        "Secondary-inspection officer, Zurbatiya",
        "ضابط التفتيش الثانوي، زرباطية",
    ),
    AccountSpec(
        "supervisor",
        "supervisor",
        "moi-passports",
        ("zurbatiya", "baghdad-airport"),
        "Supervisor",
        "مشرف",
    ),
    AccountSpec("analyst", "analyst", "moi", (), "Risk analyst", "محلل المخاطر"),
    AccountSpec("auditor", "auditor", "moi", (), "Auditor", "مدقق"),
    AccountSpec(
        "customs.ummqasr",
        "revenue",
        "customs",
        ("umm-qasr-north", "umm-qasr-middle", "umm-qasr-south"),
        "Customs revenue officer, Umm Qasr",
        "موظف إيرادات الجمارك، أم قصر",
    ),
    AccountSpec(
        "admin",
        "agency_admin",
        "moi-passports",
        (),
        "Agency administrator",
        "مدير الجهة",
        admin=True,
    ),
)


@dataclass(frozen=True)
class DemoAccount:
    username: str
    role: str
    agency: str
    posts: tuple[str, ...]
    password: str
    officer: Officer
    # The base32 key for an authenticator app (every login needs its one-time code).
    totp_secret: str = ""


def demo_data_present() -> bool:
    return Officer.objects.filter(badge_number__startswith=LINE_BADGE_PREFIX).exists()


def accounts_ensure() -> list[DemoAccount]:
    """Create or update the demo accounts and give each a fresh random password and TOTP
    secret (printed by `hudud demo load`, like the passwords)."""
    agencies = {
        a.code: a for a in Agency.objects.filter(code__in={s.agency for s in DEMO_ACCOUNTS})
    }
    return [
        _account_ensure(spec, agencies[spec.agency], index)
        for index, spec in enumerate(DEMO_ACCOUNTS, start=1)
    ]


def _account_ensure(spec: AccountSpec, agency: Agency, index: int) -> DemoAccount:
    user = _user(spec.username, spec.title, staff=spec.admin)
    user.is_superuser = spec.admin
    password = secrets.token_urlsafe(9)
    user.set_password(password)
    user.save()
    officer, _ = Officer.objects.update_or_create(
        user=user,
        defaults={
            "agency": agency,
            "role": spec.role,
            "badge_number": f"DEMO-{index:04d}",
            "display_name_ar": spec.title_ar,
        },
    )
    _post(officer, spec.posts)
    secret = totp_enrol(user, confirmed=True).secret
    return DemoAccount(spec.username, spec.role, spec.agency, spec.posts, password, officer, secret)


def _user(username: str, title: str, *, staff: bool) -> User:
    user_model = get_user_model()
    user, _ = user_model.objects.get_or_create(username=username)
    user.first_name, user.last_name = title[:150], "(demo)"
    user.is_staff, user.is_active = staff, True
    return user


def _post(officer: Officer, codes: Iterable[str]) -> None:
    points = CrossingPoint.objects.filter(code__in=list(codes))
    Posting.objects.filter(officer=officer).exclude(crossing_point__in=points).delete()
    for point in points:
        Posting.objects.get_or_create(officer=officer, crossing_point=point)


def demo_token_issue(officer: Officer) -> str:
    """A fresh API token for `officer`; the demo tokens issued before are revoked."""
    officer.api_tokens.filter(name=CLIENT_NAME, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )
    _, clear = token_issue(officer=officer, name=CLIENT_NAME)
    return clear


def line_officers_ensure(points: Iterable[CrossingPoint]) -> dict[tuple[str, int], Officer]:
    """Two synthetic primary-line officers posted at each crossing point, by (code, slot)."""
    agencies = {a.code: a for a in Agency.objects.filter(code__in=["moi-passports", "krg-moi"])}
    officers: dict[tuple[str, int], Officer] = {}
    for point in points:
        # Passport control is the Ministry of Interior's: the KRG's at its own crossings.
        krg = point.authority.region == "krg"
        agency = agencies["krg-moi" if krg else "moi-passports"]
        for slot in range(OFFICERS_PER_POINT):
            officers[(point.code, slot)] = _line_officer(point, slot, agency)
    return officers


def _line_officer(point: CrossingPoint, slot: int, agency: Agency) -> Officer:
    user = _user(
        f"line.{point.code}.{slot + 1}", f"Line officer {slot + 1}, {point.name_en}", staff=False
    )
    user.set_unusable_password()
    user.save()
    officer, _ = Officer.objects.update_or_create(
        user=user,
        defaults={
            "agency": agency,
            "role": Officer.Role.PRIMARY,
            "badge_number": f"{LINE_BADGE_PREFIX}{point.code.upper()}-{slot + 1}"[:30],
            "display_name_ar": f"ضابط الخط الأول {slot + 1}، {point.name_ar}",
        },
    )
    Posting.objects.get_or_create(officer=officer, crossing_point=point)
    return officer
