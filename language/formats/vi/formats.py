"""Input formats for forms, as people in Vietnam write dates (day first).

Wagtail's admin renders and its date picker writes WAGTAIL_DATE_FORMAT ("22/10/2020") and
WAGTAIL_DATETIME_FORMAT ("22/10/2020 08:30"); Django reads form input with *_INPUT_FORMATS,
which neither Django's Vietnamese nor its English locale sets to day-first. Without these,
any admin form with a date (a campaign's period, a conference, a decision date, scheduled
publishing) came back "Enter a valid date". The ISO forms stay accepted for scripts.
"""

DATE_INPUT_FORMATS = ["%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d"]
DATETIME_INPUT_FORMATS = [
    "%d/%m/%Y %H:%M",
    "%d/%m/%Y %H:%M:%S",
    "%d-%m-%Y %H:%M",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%d",
    "%d/%m/%Y",
]
TIME_INPUT_FORMATS = ["%H:%M", "%H:%M:%S"]
