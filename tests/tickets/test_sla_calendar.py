"""Business-hours arithmetic: weekends, nights, holidays, time zones and daylight saving."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from freezegun import freeze_time

from tickets.models import BusinessHours
from tickets.sla.calendar import BusinessCalendar

CHICAGO = ZoneInfo("America/Chicago")
LONDON = ZoneInfo("Europe/London")
HOURS = timedelta(hours=1)


def at(*args, tz=CHICAGO):
    return datetime(*args, tzinfo=tz)


@pytest.fixture
def chicago():
    return BusinessCalendar(time_zone=CHICAGO)


def test_urgent_ticket_on_friday_at_five_is_due_monday_at_nine(chicago):
    # Friday 2026-11-20 17:00: one hour left on Friday, one more on Monday morning.
    assert chicago.add(at(2026, 11, 20, 17, 0), 2 * HOURS) == at(2026, 11, 23, 9, 0)


def test_time_within_the_day(chicago):
    assert chicago.add(at(2026, 11, 18, 9, 30), 4 * HOURS) == at(2026, 11, 18, 13, 30)


def test_a_ticket_opened_overnight_starts_counting_at_opening(chicago):
    assert chicago.add(at(2026, 11, 18, 23, 15), 2 * HOURS) == at(2026, 11, 19, 10, 0)
    assert chicago.add(at(2026, 11, 19, 5, 0), 30 * timedelta(minutes=1)) == at(2026, 11, 19, 8, 30)


def test_weekend_tickets_start_on_monday(chicago):
    assert chicago.add(at(2026, 11, 21, 12, 0), HOURS) == at(2026, 11, 23, 9, 0)


def test_long_targets_span_several_days(chicago):
    # 24 business hours from Monday 08:00 = Monday, Tuesday (20 h) + 4 h on Wednesday.
    assert chicago.add(at(2026, 11, 16, 8, 0), 24 * HOURS) == at(2026, 11, 18, 12, 0)
    # 40 business hours from Wednesday noon: 6 + 10 + 10 (weekend) + 10 + 4 on Tuesday.
    assert chicago.add(at(2026, 11, 18, 12, 0), 40 * HOURS) == at(2026, 11, 24, 12, 0)


def test_holidays_are_skipped():
    calendar = BusinessCalendar(time_zone=CHICAGO, holidays=frozenset({date(2026, 11, 26)}))

    # Wednesday 17:00 + 2 h: one hour Wednesday, Thanksgiving skipped, one hour Friday.
    assert calendar.add(at(2026, 11, 25, 17, 0), 2 * HOURS) == at(2026, 11, 27, 9, 0)


def test_the_calendars_time_zone_decides_the_hours(chicago):
    london = BusinessCalendar(time_zone=LONDON, opens=time(9), closes=time(17))
    moment = datetime(2026, 11, 18, 16, 0, tzinfo=ZoneInfo("UTC"))  # 16:00 London, 10:00 Chicago

    assert london.add(moment, 2 * HOURS) == datetime(2026, 11, 19, 10, 0, tzinfo=LONDON)
    assert chicago.add(moment, 2 * HOURS) == at(2026, 11, 18, 12, 0)


def test_daylight_saving_moves_the_hours_not_the_clock(chicago):
    # Clocks fall back on Sunday 2026-11-01: Friday 17:00 CDT + 2 h = Monday 09:00 CST,
    # which is 65 real hours later instead of 64.
    start = at(2026, 10, 30, 17, 0)
    due = chicago.add(start, 2 * HOURS)

    assert due == at(2026, 11, 2, 9, 0)
    assert due.utcoffset() == timedelta(hours=-6)
    utc = ZoneInfo("UTC")
    assert due.astimezone(utc) - start.astimezone(utc) == timedelta(hours=65)


def test_spring_forward_keeps_a_full_working_day():
    calendar = BusinessCalendar(
        time_zone=CHICAGO, weekdays=frozenset(range(7)), opens=time(0, 30), closes=time(4, 0)
    )

    # Sunday 2026-03-08: 02:00 does not exist; the window 00:30–04:00 is 2.5 real hours.
    day = calendar.between(at(2026, 3, 8, 0, 0), at(2026, 3, 8, 23, 0))

    assert day == timedelta(hours=2, minutes=30)


def test_working_time_between_two_moments(chicago):
    assert chicago.between(at(2026, 11, 20, 17, 0), at(2026, 11, 23, 9, 0)) == 2 * HOURS
    assert chicago.between(at(2026, 11, 21, 9, 0), at(2026, 11, 22, 17, 0)) == timedelta(0)
    assert chicago.between(at(2026, 11, 23, 9, 0), at(2026, 11, 20, 17, 0)) == timedelta(0)


def test_add_and_between_agree(chicago):
    start = at(2026, 11, 18, 16, 45)
    for hours in (0.5, 1, 7, 10, 13, 50):
        duration = timedelta(hours=hours)
        assert chicago.between(start, chicago.add(start, duration)) == duration


def test_a_calendar_must_be_able_to_open():
    with pytest.raises(ValueError):
        BusinessCalendar(time_zone=CHICAGO, opens=time(18), closes=time(8))
    with pytest.raises(ValueError):
        BusinessCalendar(time_zone=CHICAGO, weekdays=frozenset())


@pytest.mark.parametrize("clock", ["2026-12-02 08:00:03", "2026-12-02 17:59:58"])
def test_business_hours_pass_the_system_checks_at_opening_and_closing_time(clock):
    with freeze_time(clock):
        warnings = [message.id for message in BusinessHours.check()]

    assert "fields.W161" not in warnings
