"""stdlib/datetime.py: dates, times and durations a program makes and computes with (not the
clock's now(), which is the simulation's: tests/test_clock_logging.py), against CPython 3.13
(the `cpython_worker` fixture)."""

from __future__ import annotations

import datetime
import os
import subprocess
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.support.cpython import CPYTHON_313, CPYTHON_TIMEOUT
from tests.support.running import as_cpython_worker, outcome

Answer = Callable[[str], dict[str, Any]]

PRELUDE = "import datetime\nfrom datetime import date, datetime as dt, time, timedelta\n"

PROGRAMS = [
    "d = dt(2024, 2, 28, 23, 30)\nprint(d, repr(d), d + timedelta(hours=1), d.isoformat(), "
    "d.date(), d.time(), d.weekday(), d.year, d.month, d.day, d.hour, d.minute)",
    "print(dt(2024, 3, 1) - dt(2024, 2, 1), (dt(2024, 3, 1) - dt(2024, 2, 1)).days, "
    "timedelta(days=1, seconds=90).total_seconds(), timedelta(minutes=-1))",
    "print(dt(2024, 1, 5, 7, 8, 9).strftime('%Y-%m-%d %H:%M:%S %A %j'), "
    "f'{dt(2024, 1, 5):%d/%m/%y}', format(date(2020, 5, 17), '%B'))",
    "print(dt.fromisoformat('2024-05-06T07:08:09'), date.fromisoformat('2024-05-06'), "
    "dt.strptime('06/05/24 10:11', '%d/%m/%y %H:%M'))",
    "print(date(2024, 1, 1) < date(2024, 1, 2), max(date(2023, 5, 1), date(2022, 1, 1)), "
    "sorted([timedelta(1), timedelta(hours=2)]), date(2024, 1, 1) == date(2024, 1, 1))",
    "print(time(10, 30), time(10, 30).isoformat(), timedelta(seconds=3661), timedelta(0.5), "
    "timedelta(weeks=1) // timedelta(days=2), timedelta(hours=3) / 2)",
    "date(2023, 2, 29)", "dt(2024, 13, 1)", "time(25)", "dt.fromisoformat('nope')",
    "dt.strptime('x', '%Y')", "date(2024, 1, 1) + 1", "dt(2024, 1, 1) - date(2024, 1, 1)",
    "timedelta(days=10**10)", "date(2024, 1, 1).replace(month=2)",
    "print(date(2024, 1, 1).replace(month=2), dt(2024, 1, 1, 5).replace(hour=6, minute=7))",
    "print(datetime.MINYEAR, datetime.MAXYEAR, date(2024, 1, 1).toordinal())",
    "date.nope", "dt.nope", "timedelta.nope", "print(type(date), date, dt.min, timedelta.max)",
]


@pytest.mark.parametrize("program", PROGRAMS)
def test_datetime_answers_as_in_cpython(cpython_worker: Answer, program):
    source = PRELUDE + "try:\n" + "".join(f"    {line}\n" for line in program.splitlines()) + (
        "except Exception as e:\n    print(type(e).__name__, e)\n")
    assert as_cpython_worker(source) == cpython_worker(source)


@settings(max_examples=40, deadline=None)
@given(st.datetimes(min_value=datetime.datetime(1900, 1, 1),
                    max_value=datetime.datetime(2200, 1, 1)),
       st.timedeltas(min_value=datetime.timedelta(days=-9999),
                     max_value=datetime.timedelta(days=9999)))
def test_arithmetic_on_random_dates_answers_as_cpython(cpython_worker: Answer, when, delta):
    source = (PRELUDE + f"d = dt.fromisoformat('{when.isoformat()}')\n"
              f"t = timedelta(days={delta.days}, seconds={delta.seconds}, "
              f"microseconds={delta.microseconds})\n"
              "try:\n    print(d + t, d - t, repr(t), t * 3, -t, abs(t), d.weekday(), d.date(), "
              "d.strftime('%a %d %b %Y %H:%M:%S.%f'))\nexcept Exception as e:\n"
              "    print(type(e).__name__, e)\n")
    assert as_cpython_worker(source) == cpython_worker(source)


@pytest.mark.xfail(strict=True, reason="not modelled: date.fromordinal and isocalendar()")
def test_ordinals_and_iso_calendars(cpython_worker: Answer):
    source = PRELUDE + ("print(date.fromordinal(738886), date(2024, 1, 1).isocalendar())\n")
    assert as_cpython_worker(source) == cpython_worker(source)



TIME_ZONES = """from datetime import datetime, timezone, timedelta, UTC
import datetime as dt
d = datetime(2024,1,2,3,4,5,tzinfo=timezone.utc)
print(repr(d), d, repr(timezone.utc), timezone.utc, timezone(timedelta(hours=2)))
print(repr(timezone(timedelta(hours=-3), 'X')))
print(d.astimezone(timezone(timedelta(hours=1))), d.utcoffset(), d.tzname(), d.timestamp())
print(d.tzinfo)
print(datetime.fromtimestamp(0, timezone.utc), datetime.fromisoformat('2024-01-01T00:00:00+02:00'))
print(f'{d:%Y-%m-%d %H:%M %Z %z}', d.isoformat(), UTC is timezone.utc, dt.timezone.utc)
n = datetime(2024, 5, 5, 12, 0)
print(n.replace(tzinfo=timezone.utc), n.astimezone(), n.astimezone(timezone(timedelta(hours=-5))))
print(d - datetime(2024, 1, 1, tzinfo=timezone(timedelta(hours=1))))
print(isinstance(timezone.utc, timezone), type(timezone.utc))
print(datetime.now(timezone.utc).tzinfo, datetime.now(tz=timezone.utc).utcoffset())
try:
    datetime(2024, 1, 1, tzinfo="UTC")
except TypeError as e:
    print(e)
try:
    d - n
except TypeError as e:
    print(e)
"""


def test_fixed_offset_time_zones_as_in_cpython():
    """`timezone.utc`, offsets, `astimezone`, `now(tz)`, aware arithmetic and their errors,
    against CPython 3.13 run with TZ=UTC (the simulated process's zone)."""
    real = subprocess.run([str(CPYTHON_313), "-c", TIME_ZONES], capture_output=True, text=True,
                          timeout=CPYTHON_TIMEOUT, env={**os.environ, "TZ": "UTC"})
    assert real.returncode == 0, real.stderr
    done = outcome(TIME_ZONES)
    assert done.kind == "done", (done.reason, done.errors)
    assert list(done.output) == real.stdout.splitlines()
