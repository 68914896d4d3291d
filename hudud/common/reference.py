"""Loading reference data (agencies, crossing points, stay rules) from the JSON files in the repo.

Used by data migrations, which pass in their historical models, so the loaders are re-runnable
(update_or_create on the natural key) and never import the live models.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

HUDUD_DIR = Path(__file__).resolve().parent.parent


def read_reference(relative_path: str) -> dict[str, Any]:
    with (HUDUD_DIR / relative_path).open(encoding="utf-8") as handle:
        data: dict[str, Any] = json.load(handle)
    return data


def load_agencies(agency_model: Any) -> int:
    rows = read_reference("agencies/data/agencies.json")["agencies"]
    by_code: dict[str, Any] = {}
    # Parents are listed before their children in the file, so one pass suffices.
    for row in rows:
        agency, _ = agency_model.objects.update_or_create(
            code=row["code"],
            defaults={
                "name_en": row["name_en"],
                "name_ar": row["name_ar"],
                "kind": row["kind"],
                "region": row["region"],
                "mandates": row["mandates"],
                "parent": by_code[row["parent"]] if row["parent"] else None,
            },
        )
        by_code[row["code"]] = agency
    return len(rows)


def load_crossing_points(crossing_point_model: Any, agency_model: Any) -> int:
    rows = read_reference("border/data/crossing_points.json")["crossing_points"]
    agencies = {agency.code: agency for agency in agency_model.objects.all()}
    for row in rows:
        crossing_point_model.objects.update_or_create(
            code=row["code"],
            defaults={
                "name_en": row["name_en"],
                "name_ar": row["name_ar"],
                "kind": row["kind"],
                "status": row["status"],
                "neighbour_country": row["neighbour_country"],
                "neighbour_crossing": row["neighbour_crossing"],
                "governorate": row["governorate"],
                "iata_code": row["iata"],
                "authority": agencies[row["authority"]],
                "latitude": row["lat"],
                "longitude": row["lon"],
            },
        )
    return len(rows)


def load_stay_rules(stay_rule_model: Any) -> int:
    rows = read_reference("border/data/stay_rules.json")["rules"]
    for row in rows:
        # get_or_create: an administrator's later change to a rule is not overwritten.
        stay_rule_model.objects.get_or_create(
            nationality=row["nationality"],
            defaults={"policy": row["policy"], "legal_basis": row["legal_basis"]},
        )
    return len(rows)
