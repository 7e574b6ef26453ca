"""Read a programme's "on air" line ("18:00 hằng ngày trên KTTV", "6:30 thứ Hai, thứ Năm")
into a time of day and the weekdays it airs, so episodes can be dated as they really aired."""

import re
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.utils import timezone

from language.vietnamese import fold

EVERY_DAY = frozenset(range(7))
# Folded (no tone marks, lower case) weekday names; Monday is 0 as in Python.
WEEKDAYS = {
    "thu hai": 0,
    "thu ba": 1,
    "thu tu": 2,
    "thu nam": 3,
    "thu sau": 4,
    "thu bay": 5,
    "chu nhat": 6,
}
WEEKDAYS |= {f"thu {number + 2}": number for number in range(6)}  # "thứ 2" … "thứ 7"
DAILY_WORDS = ("hang ngay", "moi ngay")
TIME = re.compile(r"(?<!\d)(\d{1,2})\s*[:hg]\s*(\d{2})(?!\d)")


@dataclass(frozen=True)
class Schedule:
    at: time
    weekdays: frozenset

    def airs_at(self, moment):
        """Whether a (local) datetime is one of this schedule's slots."""
        return (
            moment.weekday() in self.weekdays
            and moment.time().replace(second=0, microsecond=0) == self.at
        )

    def last_airings(self, count, before):
        """The ``count`` latest slots on or before the date ``before``, newest first (aware,
        in the site's time zone)."""
        found, day = [], before
        while len(found) < count:
            if day.weekday() in self.weekdays:
                found.append(timezone.make_aware(datetime.combine(day, self.at)))
            day -= timedelta(days=1)
        return found


def parse(text):
    """The Schedule in ``text``, or None when it names no time or no day."""
    folded = fold(text or "").lower()
    found = TIME.search(folded)
    if found is None:
        return None
    hour, minute = int(found.group(1)), int(found.group(2))
    if hour > 23 or minute > 59:
        return None
    if any(word in folded for word in DAILY_WORDS):
        days = EVERY_DAY
    else:
        days = frozenset(
            number
            for name, number in WEEKDAYS.items()
            if re.search(rf"(?<!\w){name}(?!\w)", folded)
        )
    if not days:
        return None
    return Schedule(time(hour, minute), days)
