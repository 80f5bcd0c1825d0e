"""Working days in Vietnam: weekends, the public holidays of the Bộ luật Lao động (the
``holidays`` package, Tết included) and the days the administrator records (the government's
yearly bridging days off, or a Saturday worked in exchange)."""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache


@lru_cache(maxsize=16)
def _public_holidays(year: int) -> frozenset[date]:
    import holidays  # its calendars take a while to import; needed only when counting days

    return frozenset(holidays.country_holidays("VN", years=year))


def _recorded() -> dict[date, bool]:
    """Days recorded by the administrator: day → is a working day."""
    from .models import DayOff

    return dict(DayOff.objects.values_list("day", "is_working_day"))


def is_working_day(day: date, recorded: dict[date, bool] | None = None) -> bool:
    recorded = _recorded() if recorded is None else recorded
    if day in recorded:
        return recorded[day]
    return day.weekday() < 5 and day not in _public_holidays(day.year)


def working_days_between(start: date, end: date) -> int:
    """Working days after ``start`` up to and including ``end`` (0 when ``end`` ≤ ``start``)."""
    if end <= start:
        return 0
    recorded = _recorded()
    count = 0
    day = start
    while day < end:
        day += timedelta(days=1)
        count += is_working_day(day, recorded)
    return count


def add_working_days(start: date, days: int) -> date:
    """The date ``days`` working days after ``start`` (a time limit given in working days)."""
    recorded = _recorded()
    day = start
    while days > 0:
        day += timedelta(days=1)
        days -= is_working_day(day, recorded)
    return day


def days_left_label(today: date, due: date) -> str:
    """“còn 3 ngày làm việc”, “hết hạn hôm nay”, “quá hạn 2 ngày làm việc”."""
    if due == today:
        return "hết hạn hôm nay"
    if due > today:
        return f"còn {working_days_between(today, due)} ngày làm việc"
    return f"quá hạn {max(working_days_between(due, today), 1)} ngày làm việc"
