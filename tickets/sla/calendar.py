"""Business-hours arithmetic: adding working time to a moment, and measuring it between two.

All arithmetic on real elapsed time happens in UTC; the calendar's time zone only decides where
each working day starts and ends, so daylight-saving changes move the hours, not the clock.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

UTC = ZoneInfo("UTC")
# Years of closed days in a row after which a calendar is considered never open.
MAX_DAYS = 366 * 5
# A working day unless the team says otherwise.
OPENS = time(8, 0)
CLOSES = time(18, 0)


def default_opening():
    """OPENS, as a model field's default: a callable, so Django's check for fixed time defaults
    (fields.W161, which fires when a fixed time falls within seconds of the clock) never trips."""
    return OPENS


def default_closing():
    return CLOSES


@dataclass(frozen=True)
class BusinessCalendar:
    time_zone: ZoneInfo
    weekdays: frozenset = frozenset(range(5))
    opens: time = OPENS
    closes: time = CLOSES
    holidays: frozenset = field(default_factory=frozenset)

    def __post_init__(self):
        if self.opens >= self.closes:
            raise ValueError("A working day must close after it opens.")
        if not self.weekdays:
            raise ValueError("A calendar needs at least one working day.")

    def is_working_day(self, day: date) -> bool:
        return day.weekday() in self.weekdays and day not in self.holidays

    def _window(self, day: date):
        """The day's opening hours as two UTC datetimes."""
        start = datetime.combine(day, self.opens, tzinfo=self.time_zone).astimezone(UTC)
        end = datetime.combine(day, self.closes, tzinfo=self.time_zone).astimezone(UTC)
        return start, end

    def _windows_from(self, moment: datetime):
        """Working windows, in order, from the day of `moment` (local) onwards."""
        day = moment.astimezone(self.time_zone).date()
        for _ in range(MAX_DAYS):
            if self.is_working_day(day):
                yield self._window(day)
            day += timedelta(days=1)
        raise ValueError("This calendar has no working hours in the next five years.")

    def add(self, start: datetime, duration: timedelta) -> datetime:
        """The moment `duration` of working time after `start`, in the calendar's time zone."""
        start = start.astimezone(UTC)
        remaining = duration
        for opens, closes in self._windows_from(start):
            if closes <= start:
                continue
            begin = max(opens, start)
            available = closes - begin
            if remaining <= available:
                return (begin + remaining).astimezone(self.time_zone)
            remaining -= available
        raise AssertionError("unreachable")

    def between(self, start: datetime, end: datetime) -> timedelta:
        """Working time from `start` to `end` (zero if end is not after start)."""
        start, end = start.astimezone(UTC), end.astimezone(UTC)
        total = timedelta(0)
        if end <= start:
            return total
        for opens, closes in self._windows_from(start):
            if opens >= end:
                break
            overlap = min(closes, end) - max(opens, start)
            if overlap > timedelta(0):
                total += overlap
        return total
