"""The exemption catalogue: complete for each regime, right about absolute and qualified, strict when damaged."""

from __future__ import annotations

import json
import re

import pytest

from foi_desktop.core.case import Regime
from foi_desktop.core.exemptions import CatalogueError, default_catalogue_path, load_catalogue


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue()


def _section_numbers(exemptions):
    return {re.match(r"s(\d+)", e.id).group(1) for e in exemptions}


def test_foia_covers_sections_21_to_44(catalogue):
    numbers = _section_numbers(catalogue.for_regime(Regime.FOIA))
    # Section 25 only deals with the certificates of ss.23-24; it is no exemption of its own.
    expected = {str(n) for n in range(21, 45)} - {"25"}
    assert numbers == expected
    assert catalogue.get("s22A", Regime.FOIA).name == "Research"


@pytest.mark.parametrize(
    "exemption_id, absolute",
    [
        ("s21", True), ("s22", False), ("s23", True), ("s24", False), ("s31", False), ("s32", True),
        ("s34", True), ("s35", False), ("s41", True), ("s42", False), ("s43(2)", False), ("s44", True),
    ],
)
def test_foia_absolute_or_qualified(catalogue, exemption_id, absolute):
    assert catalogue.get(exemption_id, Regime.FOIA).absolute is absolute


@pytest.mark.parametrize("prefix", ["s36", "s37", "s40"])
def test_split_sections_have_parts_of_both_kinds(catalogue, prefix):
    parts = [e for e in catalogue.for_regime(Regime.FOIA) if e.id.startswith(prefix)]
    assert {e.absolute for e in parts} == {True, False}, [e.id for e in parts]


def test_s40_parts(catalogue):
    assert catalogue.get("s40(1)", Regime.FOIA).absolute
    assert catalogue.get("s40(2)", Regime.FOIA).absolute  # first condition: contravenes the principles
    assert not catalogue.get("s40(4A)", Regime.FOIA).absolute
    assert not catalogue.get("s36(2)(b)(i)", Regime.FOIA).absolute
    assert catalogue.get("s36(2)-parliament", Regime.FOIA).absolute


def test_eir_exceptions_all_need_the_public_interest_test(catalogue):
    eir = {e.id: e for e in catalogue.for_regime(Regime.EIR)}
    expected = {f"reg12(4)({x})" for x in "abcde"} | {f"reg12(5)({x})" for x in "abcdefg"} | {"reg13"}
    assert set(eir) == expected
    assert all(eir[i].needs_public_interest_test for i in expected - {"reg13"})
    assert eir["reg12(5)(e)"].section == "regulation 12(5)(e)"


def test_foisa_equivalents(catalogue):
    entry = catalogue.get("s33(1)(b)", Regime.FOISA)
    assert entry.regime is Regime.FOISA and not entry.absolute and "Commercial" in entry.name
    assert catalogue.get("s25", Regime.FOISA).absolute  # otherwise accessible
    assert catalogue.get("s38(1)(b)", Regime.FOISA).absolute
    assert catalogue.get("s30(b)(ii)", Regime.FOISA).needs_public_interest_test
    assert {e.id for e in catalogue.for_regime(Regime.EIR_SCOTLAND)} >= {"reg10(4)(b)", "reg10(5)(f)", "reg11(2)"}


def test_ids_are_per_regime(catalogue):
    assert catalogue.get("s26", Regime.FOIA).name == "Defence"
    assert catalogue.get("s26", Regime.FOISA).name == "Prohibitions on disclosure"
    assert catalogue.get("s26").regime is Regime.FOIA  # no regime: FOIA first
    assert catalogue.get("reg12(4)(b)", Regime.FOIA) is None
    assert catalogue.get("s99", Regime.FOIA) is None


def test_ids_as_officers_type_them(catalogue):
    assert catalogue.get("S.43 (2)", Regime.FOIA).id == "s43(2)"
    assert catalogue.get(" reg 12(4)(b) ", Regime.EIR).id == "reg12(4)(b)"


def test_regime_terms_name_the_regulator(catalogue):
    assert "Wycliffe House" in catalogue.terms(Regime.EIR)["regulator"]["address"]
    assert catalogue.terms(Regime.FOISA)["regulator"]["name"] == "Scottish Information Commissioner"
    assert catalogue.terms(Regime.FOIA)["cost_limit"] == "section 12"


def test_bundled_catalogue_is_read_once():
    assert load_catalogue() is load_catalogue()


def _write(tmp_path, data):
    path = tmp_path / "catalogue.json"
    path.write_text(json.dumps(data) if not isinstance(data, str) else data, encoding="utf-8")
    return path


def _bundled():
    return json.loads(default_catalogue_path().read_text(encoding="utf-8"))


def test_missing_catalogue(tmp_path):
    with pytest.raises(CatalogueError, match="missing"):
        load_catalogue(tmp_path / "nope.json")


def test_damaged_catalogue(tmp_path):
    with pytest.raises(CatalogueError, match="damaged at line"):
        load_catalogue(_write(tmp_path, '{"format": '))
    with pytest.raises(CatalogueError, match="not an FOI Desktop exemption catalogue"):
        load_catalogue(_write(tmp_path, {"format": "other"}))


def test_catalogue_entry_problems_are_named(tmp_path):
    data = _bundled()
    data["exemptions"].append(dict(data["exemptions"][0]))
    with pytest.raises(CatalogueError, match="appears twice"):
        load_catalogue(_write(tmp_path, data))
    data = _bundled()
    del data["exemptions"][3]["absolute"]
    with pytest.raises(CatalogueError, match="exemption 4 .* \"absolute\""):
        load_catalogue(_write(tmp_path, data))
    data = _bundled()
    data["exemptions"][0]["regime"] = "mars"
    with pytest.raises(CatalogueError, match="unknown regime"):
        load_catalogue(_write(tmp_path, data))
    data = _bundled()
    del data["regimes"]["foisa"]["cost_limit"]
    with pytest.raises(CatalogueError, match="foisa entry lacks cost_limit"):
        load_catalogue(_write(tmp_path, data))


def test_names_read_well_inside_brackets(catalogue):
    """The letter prints "section 43(2) (Commercial interests: ...)": a name with its own brackets would nest."""
    assert not [e.id for e in catalogue.exemptions if "(" in e.name or ")" in e.name]
