"""Loading the revenue reference data (receipt books, the starting fee schedule) from
`hudud/revenue/data/`.

Used by a data migration, which passes its historical models, so the loaders are re-runnable:
a book or fee already present is left as an administrator may have changed it.
"""

from __future__ import annotations

from typing import Any

from hudud.common.reference import read_reference


def load_receipt_books(book_model: Any, crossing_point_model: Any) -> int:
    rows = read_reference("revenue/data/receipt_books.json")["books"]
    points = {p.code: p for p in crossing_point_model.objects.all()}
    for row in rows:
        point = points.get(row["crossing_point"])
        if point is not None:
            book_model.objects.get_or_create(
                crossing_point=point, defaults={"prefix": row["prefix"]}
            )
    return len(rows)


def load_fees(fee_model: Any) -> int:
    rows = read_reference("revenue/data/fees.json")["fees"]
    for row in rows:
        fields = {k: v for k, v in row.items() if k != "code"}
        fee_model.objects.get_or_create(code=row["code"], defaults=fields)
    return len(rows)
