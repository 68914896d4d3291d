"""The shared conformance cases (../shared/conformance/mrz/cases.jsonl), tested as they are.

The main test reads every case the pure ICAO way (no OCR correction, no issuer filler rule), which
is the reading the cases' verdicts describe. Separate tests show the lenient default readings of
the cases flagged for them: the Portuguese/Belgian filler check digits and the OCR-noise card.
"""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from hudud.core.mrz import MrzResult, parse

TODAY = date(2026, 11, 22)
# Keys of `expected` that are not result fields, or are asserted separately below.
NOT_FIELDS = {"birth_date", "expiry_date", "document_number_check_matches_if_filler_included"}


def shared_dir() -> Path:
    override = os.environ.get("HUDUD_SHARED_DIR")
    if override:
        return Path(override)
    return Path(__file__).resolve().parents[3] / ".." / "shared"


def load_cases(shared: Path) -> list[dict[str, Any]]:
    path = shared / "conformance" / "mrz" / "cases.jsonl"
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


try:
    CASES = load_cases(shared_dir())
except OSError:
    CASES = []  # test_the_conformance_data_is_present fails: a missing directory is not a skip
BY_ID = {case["id"]: case for case in CASES}


def icao_reading(case: dict[str, Any]) -> MrzResult:
    return parse(case["mrz"], today=TODAY, ocr_correct=False, issuer_filler_rule=False)


def test_the_conformance_data_is_present() -> None:
    path = shared_dir() / "conformance" / "mrz" / "cases.jsonl"
    assert path.is_file(), f"conformance data missing: {path} (set HUDUD_SHARED_DIR)"
    assert len(CASES) == 47


def test_a_missing_shared_directory_is_an_error_not_an_empty_list(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        load_cases(tmp_path / "nowhere")


@pytest.mark.parametrize("case", CASES, ids=[case["id"] for case in CASES])
def test_each_case_reads_as_the_conformance_data_says(case: dict[str, Any]) -> None:
    result = icao_reading(case)
    assert result.format == case["type"]
    assert result.valid is case["valid"]
    assert {error.code for error in result.errors} == set(case["errors"])
    ours = result.to_json()
    for key, expected in case["expected"].items():
        if key in NOT_FIELDS or key.endswith("_basis"):
            continue
        if key == "sex" and expected == "<":
            expected = None  # our representation of '<' (unspecified), see docs/formats/mrz.md
        assert ours[key] == expected, key


@pytest.mark.parametrize("case", CASES, ids=[case["id"] for case in CASES])
@pytest.mark.parametrize("which", ["birth_date", "expiry_date"])
def test_each_case_dates_agree_with_what_the_source_states(
    case: dict[str, Any], which: str
) -> None:
    expected, basis = case["expected"][which], case["expected"][f"{which}_basis"]
    result = icao_reading(case)
    ours = result.to_json()[which]
    if basis == "source" or basis.startswith("derived"):
        assert ours == expected
    elif expected is None:
        # The data's author did not know the century: null (ambiguous or unreadable) is right,
        # and so is any date whose YYMMDD is the raw field.
        raw = case["expected"].get(f"{which}_raw")
        if ours is None:
            ambiguous = f"{which}_century_ambiguous" in {w.code for w in result.warnings}
            assert ambiguous or raw is None or not raw.isdigit()
        else:
            assert date.fromisoformat(ours).strftime("%y%m%d") == raw


FILLER_CASES = [
    c for c in CASES if "document_number_check_matches_if_filler_included" in c["expected"]
]


@pytest.mark.parametrize("case", FILLER_CASES, ids=[c["id"] for c in FILLER_CASES])
def test_the_issuer_filler_rule_turns_only_that_error_into_a_named_warning(
    case: dict[str, Any],
) -> None:
    lenient = parse(case["mrz"], today=TODAY, ocr_correct=False, issuer_filler_rule=True)
    matches_with_filler = case["expected"]["document_number_check_matches_if_filler_included"]
    warned = "document_number_check_digit_includes_filler" in {w.code for w in lenient.warnings}
    assert warned is matches_with_filler
    expected_errors = set(case["errors"]) - ({"document_number_check_digit"} if warned else set())
    assert {error.code for error in lenient.errors} == expected_errors
    assert lenient.valid is bool(case.get("valid_if_filler_included_in_docno_check"))
    assert lenient.document_number == case["expected"]["document_number"]


def test_the_default_reading_accepts_a_portuguese_card_with_a_filler_check_digit() -> None:
    result = parse(BY_ID["td1_prt_ronaldo"]["mrz"], today=TODAY)
    assert result.valid
    assert [w.code for w in result.warnings] == ["document_number_check_digit_includes_filler"]
    assert "line 1, position 15" in result.warnings[0].message


def test_the_ocr_noise_card_is_rejected_in_strict_mode() -> None:
    case = BY_ID["td1_che_swiss_id_ocr_noise"]
    result = icao_reading(case)
    assert not result.valid
    assert {e.code for e in result.errors} == {
        "birth_date_check_digit",
        "expiry_date_check_digit",
        "composite_check_digit",
    }


def test_the_ocr_noise_card_is_corrected_by_default_except_for_its_names() -> None:
    noisy = parse(BY_ID["td1_che_swiss_id_ocr_noise"]["mrz"], today=TODAY)
    clean = parse(BY_ID["td1_che_swiss_id"]["mrz"], today=TODAY)
    assert noisy.valid
    assert not noisy.errors
    assert (noisy.birth_date, noisy.expiry_date) == (clean.birth_date, clean.expiry_date)
    assert (noisy.birth_date_raw, noisy.expiry_date_raw) == ("751025", "200901")
    assert (noisy.surname, noisy.given_names) == ("5M1TH", "J0HN AL8ERT")
    warnings = {(w.code, w.field) for w in noisy.warnings}
    assert ("ocr_corrected", "birth_date") in warnings
    assert ("ocr_corrected", "expiry_date") in warnings
    assert ("ocr_corrected", "composite_check_digit") in warnings
    assert ("name_contains_digits", "surname") in warnings
    assert ("name_contains_digits", "given_names") in warnings
    birth = next(w for w in noisy.warnings if w.field == "birth_date")
    assert birth.message == "read '7SIOZS', corrected to '751025' (check digit confirms)"


def test_the_russian_internal_passport_keeps_digits_in_names_and_has_no_expiry() -> None:
    result = parse(BY_ID["td3_rus_internal_passport_PN"]["mrz"], today=TODAY)
    assert (result.surname, result.given_names) == ("ZDRIL7K", "SERGEQ ANATOL9EVI3")
    assert result.expiry_date is None
    assert result.expiry_date_raw == "<<<<<<"
    assert [e.code for e in result.errors] == ["expiry_date_check_digit"]
