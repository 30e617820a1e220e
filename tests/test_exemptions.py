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
    exceptions = {f"reg12(4)({x})" for x in "abcde"} | {f"reg12(5)({x})" for x in "abcdefg"}
    personal_data = {"reg5(3)", "reg13", "reg13(2B)", "reg13(3A)"}
    assert set(eir) == exceptions | personal_data
    assert all(eir[i].needs_public_interest_test for i in exceptions)
    assert eir["reg12(5)(e)"].section == "regulation 12(5)(e)"
    # Regulation 13: the first condition is not subject to the test, the second and third are (reg.13(1)(b)).
    assert eir["reg13"].absolute and "12(3)" in eir["reg13"].note
    assert not eir["reg13(2B)"].absolute and not eir["reg13(3A)"].absolute
    assert eir["reg5(3)"].absolute  # the applicant's own personal data: outside the EIR altogether


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


# ----------------------------------------------------------------------------- accuracy against the Acts


def test_foia_absolute_exemptions_are_exactly_those_of_section_2_3(catalogue):
    """FOIA s.2(3): ss.21, 23, 32, 34, 36 (Houses of Parliament only), 37(1)(a)-(ab), 40(1), 40(2) first condition, 41, 44."""
    absolute = {e.id for e in catalogue.for_regime(Regime.FOIA) if e.absolute}
    assert absolute == {
        "s21", "s23", "s32", "s34", "s36(2)-parliament", "s37(1)(a)", "s37(1)(aa)", "s37(1)(ab)",
        "s40(1)", "s40(2)", "s41", "s44",
    }


def test_foisa_absolute_exemptions_are_exactly_those_of_section_2_2(catalogue):
    """FOISA s.2(2): ss.25, 26, 36(2), 37, 38(1)(a), (c) and (d), and 38(1)(b) where the first condition applies."""
    absolute = {e.id for e in catalogue.for_regime(Regime.FOISA) if e.absolute}
    assert absolute == {"s25", "s26", "s36(2)", "s37", "s38(1)(a)", "s38(1)(b)", "s38(1)(c)", "s38(1)(d)"}
    assert not catalogue.get("s38(2B)", Regime.FOISA).absolute and not catalogue.get("s38(3A)", Regime.FOISA).absolute
    assert not catalogue.get("s41(a)", Regime.FOISA).absolute  # unlike FOIA s.37(1)(a): qualified in Scotland


def test_statutory_headings(catalogue):
    assert catalogue.get("s23", Regime.FOIA).name == "Information supplied by, or relating to, bodies dealing with security matters"
    assert catalogue.get("s30", Regime.FOIA).name == "Investigations and proceedings conducted by public authorities"
    assert catalogue.get("s21", Regime.FOIA).name == "Information accessible to the applicant by other means"


@pytest.mark.parametrize(
    "exemption_id, regime, provision",
    [
        ("s31", Regime.FOIA, "section 31(3)"), ("s23", Regime.FOIA, "section 23(5)"), ("s40(1)", Regime.FOIA, "section 40(5A)"),
        ("s40(2)", Regime.FOIA, "section 40(5B)"), ("s43(2)", Regime.FOIA, "section 43(3)"), ("s36(2)(c)", Regime.FOIA, "section 36(3)"),
        ("s21", Regime.FOIA, ""), ("s43(1)", Regime.FOIA, ""),  # no provision excludes the duty to confirm or deny
        ("s35", Regime.FOISA, "section 18"), ("s39(1)", Regime.FOISA, "section 18"), ("s41(b)", Regime.FOISA, "section 18"),
        ("s36(2)", Regime.FOISA, ""), ("s39(2)", Regime.FOISA, ""), ("s25", Regime.FOISA, ""),  # outside s.18(1)
        ("reg12(5)(a)", Regime.EIR, "regulation 12(6)"), ("reg12(5)(b)", Regime.EIR, ""),
        ("reg10(5)(a)", Regime.EIR_SCOTLAND, "regulation 10(8)"), ("reg10(4)(b)", Regime.EIR_SCOTLAND, ""),
    ],
)
def test_neither_confirm_nor_deny_provisions(catalogue, exemption_id, regime, provision):
    exemption = catalogue.get(exemption_id, regime)
    assert exemption.neither_confirm_nor_deny == provision
    assert exemption.allows_neither_confirm_nor_deny is bool(provision)


def test_every_foia_and_foisa_entry_records_neither_confirm_nor_deny(catalogue):
    for regime in (Regime.FOIA, Regime.FOISA):
        assert [e.id for e in catalogue.for_regime(regime) if e.neither_confirm_nor_deny is None] == []
    assert catalogue.get("reg11(2)", Regime.EIR_SCOTLAND).neither_confirm_nor_deny is None  # not recorded
    assert catalogue.get("reg11(2)", Regime.EIR_SCOTLAND).allows_neither_confirm_nor_deny


def test_regime_terms_for_rights_and_cost(catalogue):
    assert catalogue.terms(Regime.FOIA)["complaint"] == "section 50 of the FOI Act"
    assert "regulation 18" in catalogue.terms(Regime.EIR)["complaint"]
    assert catalogue.terms(Regime.FOISA)["complaint"] == "section 47 of FOISA"
    assert catalogue.terms(Regime.FOISA)["appeal"] == "section 56 of FOISA"
    assert "regulation 17" in catalogue.terms(Regime.EIR_SCOTLAND)["complaint"]
    foisa = catalogue.terms(Regime.FOISA)
    assert (foisa["cost_limit_pounds"], foisa["hourly_rate"]) == (600, 15)
    for regime in (Regime.EIR, Regime.FOISA, Regime.EIR_SCOTLAND):
        assert catalogue.terms(regime)["review_request_working_days"] == 40


def test_a_bad_neither_confirm_nor_deny_value_is_named(tmp_path):
    data = _bundled()
    data["exemptions"][1]["neither_confirm_nor_deny"] = True
    with pytest.raises(CatalogueError, match="neither_confirm_nor_deny"):
        load_catalogue(_write(tmp_path, data))
