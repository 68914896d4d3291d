"""The Arabic catalogue is complete, compiled and in step with the code."""

from __future__ import annotations

import gettext
import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import translation

from hudud.web.templatetags.hudud_web import day, num

LOCALE = Path(settings.BASE_DIR) / "hudud" / "locale"
PO = LOCALE / "ar" / "LC_MESSAGES" / "django.po"
MO = LOCALE / "ar" / "LC_MESSAGES" / "django.mo"


def read_po(path: Path) -> list[dict[str, Any]]:
    """Entries of a .po file: msgctxt, msgid, msgid_plural, msgstr (list), fuzzy."""
    entries = []
    for block in path.read_text(encoding="utf-8").strip().split("\n\n"):
        entry: dict[str, Any] = {"msgstr": [], "fuzzy": False}
        field = ""
        for line in block.splitlines():
            if line.startswith("#,") and "fuzzy" in line:
                entry["fuzzy"] = True
            elif match := re.match(
                r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?) (".*")$', line
            ):
                field, text = match.group(1), json.loads(match.group(2))
                if field.startswith("msgstr"):
                    entry["msgstr"].append(text)
                else:
                    entry[field] = text
            elif line.startswith('"') and field:
                text = json.loads(line)
                if field.startswith("msgstr"):
                    entry["msgstr"][-1] += text
                else:
                    entry[field] = str(entry[field]) + text
        entries.append(entry)
    return [e for e in entries if e.get("msgid")]  # the header has an empty msgid


def test_every_arabic_message_is_translated_and_none_is_fuzzy() -> None:
    missing = [e["msgid"] for e in read_po(PO) if e["fuzzy"] or not all(e["msgstr"])]
    assert missing == []


def test_the_compiled_catalogue_says_what_the_po_file_says() -> None:
    compiled = gettext.GNUTranslations(MO.open("rb"))
    for entry in read_po(PO):
        if entry["fuzzy"] or not all(entry["msgstr"]):
            continue  # not translated yet: the test above fails for it
        msgid = str(entry["msgid"])
        if "msgctxt" in entry:
            msgid = f"{entry['msgctxt']}\x04{msgid}"
        if "msgid_plural" in entry:
            forms = [compiled.ngettext(msgid, str(entry["msgid_plural"]), n) for n in (1, 2, 5)]
            assert forms[0] == entry["msgstr"][1], msgid
            assert forms[2] == entry["msgstr"][3], msgid
        else:
            assert compiled.gettext(msgid) == entry["msgstr"][0], msgid


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="gettext tools not installed")
def test_the_catalogue_holds_every_message_in_the_code(tmp_path: Path, monkeypatch, settings):
    """makemessages over a copy of the code finds no message that the catalogue lacks.

    A copy, because makemessages writes into any directory named `locale` it walks past."""
    keep = {".py", ".html", ".txt"}

    def ignore(directory: str, names: list[str]) -> set[str]:
        return {
            n
            for n in names
            if n in ("locale", "tests", "__pycache__")
            or (Path(directory, n).is_file() and Path(n).suffix not in keep)
        }

    shutil.copytree(Path(settings.BASE_DIR) / "hudud", tmp_path / "code" / "hudud", ignore=ignore)
    monkeypatch.chdir(tmp_path / "code")
    settings.LOCALE_PATHS = [tmp_path / "locale"]
    call_command("makemessages", locale=["ar"], verbosity=0)

    def keys(path: Path) -> set[tuple[object, object]]:
        return {(e.get("msgctxt"), e["msgid"]) for e in read_po(path)}

    extracted = keys(tmp_path / "locale" / "ar" / "LC_MESSAGES" / "django.po")
    assert extracted - keys(PO) == set()
    assert len(extracted) > 300


def test_arabic_dates_use_iraqi_month_names_and_eastern_digits() -> None:
    from datetime import date

    with translation.override("ar"):
        assert day(date(2026, 8, 4)) == "٤ آب، ٢٠٢٦"
        assert num(1234) == "١٬٢٣٤"
        assert num(0.5) == "٠٫٥٠"
    with translation.override("en"):
        assert num(1234) == "1,234"
    with translation.override("en"):
        assert day(date(2026, 8, 4)) == "Aug. 4, 2026"


def test_kurdish_sorani_has_room_django_knows_its_formats() -> None:
    from django.conf.locale import LANG_INFO

    assert LANG_INFO["ckb"]["bidi"] is True
