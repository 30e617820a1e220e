"""Statutory deadlines, checked against dates counted by hand on a printed calendar.

Each expected date below was counted day by day; the comment shows the count.
"[x]" marks a day skipped, "(n)" the running count of working days.
Useful shortcut: with no holiday in the way, 20 working days after a weekday is
the same weekday four weeks later; each weekday holiday in between adds a day.
"""

from __future__ import annotations

import datetime as dt

import holidays
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from foi_desktop.cli import main
from foi_desktop.core.case import Clarification, Extension, Regime
from foi_desktop.core.deadlines import (
    Deadline,
    add_working_days,
    count_working_days,
    is_working_day,
    non_working_reason,
    response_deadline,
    review_request_deadline,
    review_response_deadline,
    working_days_left,
)

D = dt.date
FOIA, EIR, FOISA, EIS = Regime.FOIA, Regime.EIR, Regime.FOISA, Regime.EIR_SCOTLAND


def due(received: dt.date, regime: Regime = FOIA, **kwargs) -> dt.date | None:
    return response_deadline(received, regime, **kwargs).due


# --------------------------------------------------------------------------- Easter


def test_good_friday_and_easter_monday_stop_the_english_clock():
    # Received Tue 19 Mar 2024. Mar 20,21,22 (3); 25,26,27,28 (7); [Fri 29 Good Friday];
    # [Mon 1 Apr Easter Monday]; Apr 2-5 (11); 8-12 (16); 15,16,17,18 (20) -> Thu 18 Apr.
    assert due(D(2024, 3, 19), FOIA) == D(2024, 4, 18)
    assert due(D(2024, 3, 19), EIR) == D(2024, 4, 18)


def test_easter_monday_is_a_working_day_in_scotland():
    # Same count as above, but Mon 1 Apr counts in Scotland: only Good Friday is skipped,
    # so day 20 is Wed 17 Apr: FOISA is one day earlier than FOIA.
    assert due(D(2024, 3, 19), FOISA) == D(2024, 4, 17)
    assert due(D(2024, 3, 19), EIS) == D(2024, 4, 17)
    assert non_working_reason(D(2024, 4, 1), FOISA) is None
    assert non_working_reason(D(2024, 3, 29), FOISA) == "Good Friday"
    assert non_working_reason(D(2024, 3, 29), FOIA) == "Good Friday"
    assert non_working_reason(D(2024, 4, 1), FOIA) == "Easter Monday (England, Wales and Northern Ireland)"


def test_skipped_days_are_listed_in_order_with_reasons():
    deadline = response_deadline(D(2024, 3, 19), FOIA)
    assert [(day.date, day.reason) for day in deadline.skipped] == [
        (D(2024, 3, 23), "Saturday"),
        (D(2024, 3, 24), "Sunday"),
        (D(2024, 3, 29), "Good Friday"),
        (D(2024, 3, 30), "Saturday"),
        (D(2024, 3, 31), "Sunday"),
        (D(2024, 4, 1), "Easter Monday (England, Wales and Northern Ireland)"),
        (D(2024, 4, 6), "Saturday"),
        (D(2024, 4, 7), "Sunday"),
        (D(2024, 4, 13), "Saturday"),
        (D(2024, 4, 14), "Sunday"),
    ]
    assert deadline.start == D(2024, 3, 19) and deadline.working_days == 20 and not deadline.on_hold


# --------------------------------------------------------------------------- moved and one-off holidays


def test_2020_early_may_bank_holiday_moved_to_ve_day():
    # Received Fri 24 Apr 2020. Apr 27-30, May 1 (5); May 4-7 (9) -- Mon 4 May is a normal
    # working day that year; [Fri 8 May VE day]; 11-15 (14); 18-22 (19);
    # [Mon 25 May spring bank holiday]; Tue 26 (20) -> Tue 26 May 2020.
    assert due(D(2020, 4, 24)) == D(2020, 5, 26)
    assert is_working_day(D(2020, 5, 4), FOIA)
    assert not is_working_day(D(2020, 5, 8), FOIA)
    assert not is_working_day(D(2020, 5, 8), FOISA)


def test_2022_spring_bank_holiday_moved_and_platinum_jubilee():
    # Received Fri 20 May 2022. May 23-27 (5); Mon 30, Tue 31 -- the usual spring bank holiday
    # Monday is a working day that year -- and Wed 1 Jun (8); [Thu 2 Jun spring bank holiday];
    # [Fri 3 Jun platinum jubilee]; Jun 6-10 (13); 13-17 (18); 20, 21 (20) -> Tue 21 Jun 2022.
    assert due(D(2022, 5, 20)) == D(2022, 6, 21)
    assert due(D(2022, 5, 20), FOISA) == D(2022, 6, 21)  # UK-wide: same in Scotland
    assert is_working_day(D(2022, 5, 30), FOIA)
    assert non_working_reason(D(2022, 6, 3), FOIA) == "Platinum Jubilee of Elizabeth II"


def test_2022_state_funeral():
    # Received Mon 5 Sep 2022. Sep 6-9 (4); 12-16 (9); [Mon 19 Sep state funeral]; 20-23 (13);
    # 26-30 (18); Oct 3, 4 (20) -> Tue 4 Oct 2022 (Mon 3 Oct without the funeral).
    assert due(D(2022, 9, 5)) == D(2022, 10, 4)
    assert due(D(2022, 9, 5), FOISA) == D(2022, 10, 4)


def test_2023_coronation():
    # Received Thu 20 Apr 2023. Fri 21 (1); Apr 24-28 (6); [Mon 1 May early May bank holiday];
    # May 2-5 (10); [Mon 8 May coronation]; 9-12 (14); 15-19 (19); Mon 22 (20) -> Mon 22 May 2023.
    assert due(D(2023, 4, 20)) == D(2023, 5, 22)
    assert due(D(2023, 4, 20), FOISA) == D(2023, 5, 22)


# --------------------------------------------------------------------------- Scotland and Northern Ireland


def test_scotlands_2_january_stops_the_english_clock_too():
    # Received Wed 20 Dec 2023. Dec 21, 22 (2); [25 Christmas]; [26 Boxing Day]; 27, 28, 29 (5);
    # [Mon 1 Jan New Year]; [Tue 2 Jan, Scotland]; Jan 3, 4, 5 (8); 8-12 (13); 15-19 (18);
    # 22, 23 (20) -> Tue 23 Jan 2024 (Mon 22 Jan if 2 January were ignored).
    assert due(D(2023, 12, 20), FOIA) == D(2024, 1, 23)
    assert due(D(2023, 12, 20), FOISA) == D(2024, 1, 23)
    assert non_working_reason(D(2024, 1, 2), FOIA) == "2 January bank holiday (Scotland)"
    assert non_working_reason(D(2024, 1, 2), FOISA) == "2 January bank holiday"


def test_st_andrews_day_on_a_weekday():
    # Received Mon 20 Nov 2023. Nov 21-24 (4); 27, 28, 29 (7); [Thu 30 Nov St Andrew's Day];
    # Fri 1 Dec (8); Dec 4-8 (13); 11-15 (18); 18, 19 (20) -> Tue 19 Dec 2023.
    assert due(D(2023, 11, 20), FOIA) == D(2023, 12, 19)
    assert due(D(2023, 11, 20), FOISA) == D(2023, 12, 19)
    assert non_working_reason(D(2023, 11, 30), FOIA) == "St Andrew's Day (Scotland)"


def test_st_andrews_day_on_a_saturday_moves_to_monday():
    # 30 Nov 2024 is a Saturday; the substitute is Mon 2 Dec. Received Mon 25 Nov 2024.
    # Nov 26-29 (4); [Sat 30]; [Sun 1 Dec]; [Mon 2 Dec substitute]; Dec 3-6 (8); 9-13 (13);
    # 16-20 (18); 23, 24 (20) -> Tue 24 Dec 2024 (Mon 23 Dec without the substitute).
    assert due(D(2024, 11, 25), FOISA) == D(2024, 12, 24)
    assert due(D(2024, 11, 25), FOIA) == D(2024, 12, 24)
    assert non_working_reason(D(2024, 11, 30), FOISA) == "Saturday: St Andrew's Day"
    assert non_working_reason(D(2024, 12, 2), FOIA) == "Substitute day for St Andrew's Day (Scotland)"


def test_st_patricks_day():
    # 17 Mar 2023 is a Friday. Received Mon 6 Mar 2023. Mar 7-10 (4); 13-16 (8); [Fri 17];
    # 20-24 (13); 27-31 (18); Apr 3, 4 (20) -> Tue 4 Apr 2023.
    # FOISA ignores it: four weeks after Mon 6 Mar is Mon 3 Apr 2023.
    assert due(D(2023, 3, 6), FOIA) == D(2023, 4, 4)
    assert due(D(2023, 3, 6), FOISA) == D(2023, 4, 3)
    assert non_working_reason(D(2023, 3, 17), FOIA) == "St Patrick's Day (Northern Ireland)"
    # 17 Mar 2024 is a Sunday: its substitute Mon 18 Mar stops the English clock, not the Scottish.
    assert non_working_reason(D(2024, 3, 18), FOIA) == "Substitute day for St Patrick's Day (Northern Ireland)"
    assert is_working_day(D(2024, 3, 18), FOISA)


def test_twelfth_of_july():
    # 12 Jul 2023 is a Wednesday. Received Mon 3 Jul 2023. Jul 4-7 (4); 10, 11 (6); [Wed 12];
    # 13, 14 (8); 17-21 (13); 24-28 (18); Mon 31 (19); Tue 1 Aug (20) -> Tue 1 Aug 2023.
    # FOISA: four weeks after Mon 3 Jul is Mon 31 Jul 2023.
    assert due(D(2023, 7, 3), FOIA) == D(2023, 8, 1)
    assert due(D(2023, 7, 3), FOISA) == D(2023, 7, 31)
    assert non_working_reason(D(2023, 7, 12), FOIA) == "Battle of the Boyne (Northern Ireland)"
    # 12 Jul 2020 was a Sunday: the substitute Mon 13 Jul.
    assert non_working_reason(D(2020, 7, 13), FOIA) == "Substitute day for Battle of the Boyne (Northern Ireland)"
    assert is_working_day(D(2020, 7, 13), FOISA)


def test_august_bank_holidays_differ_between_scotland_and_england():
    # Scotland: Mon 7 Aug 2023; England, Wales, NI: Mon 28 Aug 2023. Received Mon 31 Jul 2023.
    # FOIA skips both: Aug 1-4 (4); [7]; 8-11 (8); 14-18 (13); 21-25 (18); [28]; 29, 30 (20) -> Wed 30 Aug.
    # FOISA skips only 7 Aug: ... 21-25 (18); 28, 29 (20) -> Tue 29 Aug 2023.
    assert due(D(2023, 7, 31), FOIA) == D(2023, 8, 30)
    assert due(D(2023, 7, 31), FOISA) == D(2023, 8, 29)
    assert non_working_reason(D(2023, 8, 7), FOIA) == "Summer bank holiday (Scotland)"
    assert non_working_reason(D(2023, 8, 28), FOIA) == "Late summer bank holiday (England, Wales and Northern Ireland)"
    assert is_working_day(D(2023, 8, 28), FOISA)


# --------------------------------------------------------------------------- Christmas, weekends, holidays


def test_christmas_and_new_year():
    # Received Fri 20 Dec 2024. Dec 23, 24 (2); [25 Christmas]; [26 Boxing Day]; 27 (3); 30, 31 (5);
    # [Wed 1 Jan]; [Thu 2 Jan, Scotland]; Fri 3 (6); Jan 6-10 (11); 13-17 (16); 20-23 (20) -> Thu 23 Jan 2025.
    assert due(D(2024, 12, 20), FOIA) == D(2025, 1, 23)
    assert due(D(2024, 12, 20), FOISA) == D(2025, 1, 23)
    assert non_working_reason(D(2024, 12, 25), FOIA) == "Christmas Day"
    assert non_working_reason(D(2024, 12, 26), FOISA) == "Boxing Day"


def test_christmas_on_a_weekend_gives_substitute_days():
    # 25 Dec 2021 Sat, 26 Sun: substitutes Mon 27 and Tue 28.
    assert non_working_reason(D(2021, 12, 25), FOIA) == "Saturday: Christmas Day"
    assert non_working_reason(D(2021, 12, 27), FOIA) == "Substitute day for Christmas Day"
    assert non_working_reason(D(2021, 12, 28), FOISA) == "Substitute day for Boxing Day"


@pytest.mark.parametrize("received", [D(2024, 1, 5), D(2024, 1, 6), D(2024, 1, 7)])
def test_received_on_a_weekend_counts_from_the_next_working_day(received):
    # Fri 5, Sat 6 or Sun 7 Jan 2024: day 1 is Mon 8 Jan. Jan 8-12 (5); 15-19 (10); 22-26 (15);
    # 29, 30, 31, Feb 1, 2 (20) -> Fri 2 Feb 2024 in every case.
    assert due(received) == D(2024, 2, 2)


def test_received_on_a_holiday():
    # Received Good Friday 29 Mar 2024; [Mon 1 Apr Easter Monday]; day 1 is Tue 2 Apr.
    # Apr 2-5 (4); 8-12 (9); 15-19 (14); 22-26 (19); Mon 29 (20) -> Mon 29 Apr 2024.
    assert due(D(2024, 3, 29)) == D(2024, 4, 29)
    # Received Christmas Day 2024: [26]; 27 (1); 30, 31 (3); [1 Jan]; [2 Jan]; 3 (4); 6-10 (9);
    # 13-17 (14); 20-24 (19); Mon 27 (20) -> Mon 27 Jan 2025.
    assert due(D(2024, 12, 25)) == D(2025, 1, 27)


# --------------------------------------------------------------------------- extensions


def test_public_interest_extension_is_forty_working_days():
    # Received Mon 3 Jun 2024. Jun 4-7 (4); 10-14 (9); 17-21 (14); 24-28 (19); Mon 1 Jul (20)
    # -> 20 days: Mon 1 Jul 2024. Carry on: Jul 2-5 (24); 8-11 (28); [Fri 12 Jul Boyne];
    # 15-19 (33); 22-26 (38); 29, 30 (40) -> 40 days: Tue 30 Jul 2024.
    assert due(D(2024, 6, 3), FOIA) == D(2024, 7, 1)
    extended = response_deadline(D(2024, 6, 3), FOIA, extension=Extension.PUBLIC_INTEREST)
    assert extended.due == D(2024, 7, 30) and extended.working_days == 40


def test_eir_complex_and_voluminous_is_forty_working_days_in_all():
    # Same count as above; the Scottish regulations ignore 12 July: 29 Jul is day 40 -> Mon 29 Jul 2024.
    assert due(D(2024, 6, 3), EIR, extension=Extension.EIR_COMPLEX) == D(2024, 7, 30)
    assert due(D(2024, 6, 3), EIS, extension=Extension.EIR_COMPLEX) == D(2024, 7, 29)


def test_foisa_has_no_extension():
    # FOISA allows no extension: four weeks after Mon 3 Jun 2024 -> Mon 1 Jul 2024.
    deadline = response_deadline(D(2024, 6, 3), FOISA, extension=Extension.PUBLIC_INTEREST)
    assert deadline.due == D(2024, 7, 1) and deadline.working_days == 20


# --------------------------------------------------------------------------- clarification


def test_clarification_restarts_the_count_from_the_day_it_arrives():
    # Received Mon 3 Jun 2024, clarification asked Wed 5 Jun, answered Mon 17 Jun: count afresh.
    # Jun 18-21 (4); 24-28 (9); Jul 1-5 (14); 8-11 (18); [Fri 12 Jul Boyne]; 15, 16 (20) -> Tue 16 Jul 2024.
    clarification = Clarification(requested=D(2024, 6, 5), received=D(2024, 6, 17))
    deadline = response_deadline(D(2024, 6, 3), FOIA, clarification=clarification)
    assert deadline.start == D(2024, 6, 17)
    assert deadline.due == D(2024, 7, 16)
    assert not deadline.on_hold


def test_awaiting_clarification_puts_the_deadline_on_hold():
    clarification = Clarification(requested=D(2024, 6, 5))
    deadline = response_deadline(D(2024, 6, 3), FOIA, clarification=clarification)
    assert deadline.on_hold and deadline.due is None and deadline.skipped == ()
    assert deadline.held_since == D(2024, 6, 5)
    assert deadline.working_days == 20


def test_an_empty_clarification_changes_nothing():
    assert due(D(2024, 6, 3), clarification=Clarification()) == D(2024, 7, 1)


def test_a_clarification_dated_before_the_request_never_brings_the_deadline_forward():
    clarification = Clarification(requested=D(2024, 5, 1), received=D(2024, 5, 2))
    assert due(D(2024, 6, 3), clarification=clarification) == D(2024, 7, 1)


# --------------------------------------------------------------------------- internal review


def test_review_request_deadline_forty_working_days_after_the_letter():
    # Letter Mon 1 Jul 2024. FOIA: Jul 2-5 (4); 8-11 (8); [Fri 12 Boyne]; 15-19 (13); 22-26 (18);
    # Jul 29-Aug 2 (23); [Mon 5 Aug Scotland, which stops the FOIA clock too]; 6-9 (27); 12-16 (32);
    # 19-23 (37); [Mon 26 Aug England]; 27, 28, 29 (40) -> Thu 29 Aug 2024.
    # FOISA: Jul 2-5 (4); 8-12 (9); 15-19 (14); 22-26 (19); Jul 29-Aug 2 (24); [Mon 5 Aug Scotland];
    # 6-9 (28); 12-16 (33); 19-23 (38); 26, 27 (40) -> Tue 27 Aug 2024.
    assert review_request_deadline(D(2024, 7, 1), FOIA).due == D(2024, 8, 29)
    assert review_request_deadline(D(2024, 7, 1), FOISA).due == D(2024, 8, 27)


def test_review_request_period_from_the_organisation_profile():
    # 20 working days after Mon 1 Jul 2024 under FOIA: ... 22-26 (18); 29, 30 (20) -> Tue 30 Jul 2024.
    assert review_request_deadline(D(2024, 7, 1), FOIA, working_days=20).due == D(2024, 7, 30)


def test_review_response_deadline():
    # Review asked Thu 19 Dec 2024 (FOISA s.21: 20 working days). Fri 20 (1); 23, 24 (3); [25, 26];
    # 27 (4); 30, 31 (6); [1 Jan, 2 Jan]; 3 (7); Jan 6-10 (12); 13-17 (17); 20, 21, 22 (20) -> Wed 22 Jan 2025.
    assert review_response_deadline(D(2024, 12, 19), FOISA).due == D(2025, 1, 22)
    assert review_response_deadline(D(2024, 12, 19), FOIA).due == D(2025, 1, 22)


# --------------------------------------------------------------------------- working days left


def test_working_days_left_before_on_and_after_the_due_day():
    deadline_day = D(2024, 4, 17)  # a Wednesday
    assert working_days_left(D(2024, 4, 17), deadline_day, FOIA) == 0
    assert working_days_left(D(2024, 4, 16), deadline_day, FOIA) == 1
    # From Thu 28 Mar: [29 Good Friday]; [1 Apr Easter Monday]; Apr 2-5 (4); 8-12 (9); 15, 16, 17 (12).
    assert working_days_left(D(2024, 3, 28), deadline_day, FOIA) == 12
    assert working_days_left(D(2024, 3, 28), deadline_day, FOISA) == 13  # Easter Monday counts
    # Overdue: Thu 18 is one working day late, Fri 19 two, the weekend still two, Mon 22 three.
    assert working_days_left(D(2024, 4, 18), deadline_day, FOIA) == -1
    assert working_days_left(D(2024, 4, 19), deadline_day, FOIA) == -2
    assert working_days_left(D(2024, 4, 20), deadline_day, FOIA) == -2
    assert working_days_left(D(2024, 4, 22), deadline_day, FOIA) == -3


def test_a_weekend_after_a_friday_deadline_is_already_late():
    assert working_days_left(D(2024, 4, 20), D(2024, 4, 19), FOIA) == -1
    # And a weekend before a Monday deadline leaves that one day.
    assert working_days_left(D(2024, 4, 13), D(2024, 4, 15), FOIA) == 1


def test_count_working_days_over_a_year():
    # 2023 in England and Wales terms, for FOIA: 260 weekdays (365 days, 52 weeks + Sunday 1 Jan).
    # Weekday holidays anywhere in the UK: 2 Jan (substitute New Year and Scottish 2 Jan), 3 Jan
    # (Scottish substitute), 17 Mar, 7 Apr, 10 Apr, 1 May, 8 May, 29 May, 12 Jul, 7 Aug, 28 Aug,
    # 30 Nov, 25 Dec, 26 Dec = 14 -> 246 working days.
    assert count_working_days(D(2022, 12, 31), D(2023, 12, 31), FOIA) == 246
    # Scotland: 2 Jan, 3 Jan, 7 Apr, 1 May, 8 May, 29 May, 7 Aug, 30 Nov, 25 Dec, 26 Dec = 10 -> 250.
    assert count_working_days(D(2022, 12, 31), D(2023, 12, 31), FOISA) == 250


# --------------------------------------------------------------------------- edges and speed


def test_add_zero_working_days_is_the_start():
    assert add_working_days(D(2024, 6, 1), 0, FOIA) == Deadline(D(2024, 6, 1), 0, D(2024, 6, 1), ())


def test_negative_count_is_refused():
    with pytest.raises(ValueError):
        add_working_days(D(2024, 6, 3), -1, FOIA)


@pytest.mark.parametrize("day", [D(1990, 1, 1), D(2100, 12, 20), D(2100, 12, 31), D(1, 1, 1)])
def test_any_date_from_1990_to_2100_works(day):
    for regime in Regime:
        deadline = response_deadline(day, regime)
        assert deadline.due is not None and deadline.due > day


def test_the_end_of_the_calendar_is_a_clear_error():
    with pytest.raises(ValueError, match="past the end"):
        response_deadline(D(9999, 12, 20), FOIA)


# --------------------------------------------------------------------------- properties

_TABLES: dict[tuple[int, bool], set[dt.date]] = {}


def _simple_is_working_day(day: dt.date, scottish: bool) -> bool:
    """The statutory test written out plainly from the holidays package, for comparison."""
    if day.weekday() >= 5:
        return False
    key = (day.year, scottish)
    if key not in _TABLES:
        parts = ["SCT"] if scottish else ["ENG", "WLS", "SCT", "NIR"]
        _TABLES[key] = {d for p in parts for d in holidays.country_holidays("GB", subdiv=p, years=day.year)}
    return day not in _TABLES[key]


@settings(max_examples=300, deadline=None)
@given(
    received=st.dates(min_value=D(1990, 1, 1), max_value=D(2100, 11, 30)),
    regime=st.sampled_from(list(Regime)),
)
def test_due_date_is_the_twentieth_working_day_after_receipt(received, regime):
    deadline = response_deadline(received, regime)
    assert deadline.due > received
    assert _simple_is_working_day(deadline.due, regime.is_scottish)
    counted, skipped, day = 0, [], received
    while day < deadline.due:
        day += dt.timedelta(days=1)
        if _simple_is_working_day(day, regime.is_scottish):
            counted += 1
        else:
            skipped.append(day)
    assert counted == 20
    assert [d.date for d in deadline.skipped] == skipped
    assert all(d.reason for d in deadline.skipped)
    assert working_days_left(received, deadline.due, regime) == 20


@settings(max_examples=200, deadline=None)
@given(received=st.dates(min_value=D(1990, 1, 1), max_value=D(2100, 11, 30)))
def test_scotland_is_never_later_than_the_rest_of_the_uk(received):
    # Every Scottish bank holiday also stops the FOIA clock, not the other way round.
    assert due(received, FOISA) <= due(received, FOIA)


# --------------------------------------------------------------------------- command line


def test_cli_prints_the_due_date_then_the_skipped_days(capsys):
    assert main(["deadline", "2024-12-20"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "2025-01-23"  # counted in test_christmas_and_new_year
    assert "2024-12-25  Wed  Christmas Day" in lines
    assert "2025-01-02  Thu  2 January bank holiday (Scotland)" in lines
    assert lines[1] == "2024-12-21  Sat  Saturday"
    assert len(lines) == 1 + 14  # 5 weekends and 4 holidays between 20 Dec and 23 Jan


def test_cli_extension_and_clarification(capsys):
    assert main(["deadline", "2024-06-03", "--extend"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "2024-07-30"
    assert main(["deadline", "2024-06-03", "--clarified", "2024-06-17"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "2024-07-16"
    assert main(["deadline", "2024-06-03", "--regime", "eir-scotland", "--extend"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "2024-07-29"


@pytest.mark.parametrize(
    "argv",
    [
        ["deadline", "2024-13-01"],
        ["deadline", "next tuesday"],
        ["deadline", "2024-06-03", "--clarified", "soon"],
        ["deadline", "2024-06-03", "--regime", "foisa", "--extend"],
        ["deadline", "9999-12-31"],
    ],
)
def test_cli_bad_input_is_one_line_and_exit_2(argv, capsys):
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1 and captured.err.startswith("foi-desktop: error: ")
