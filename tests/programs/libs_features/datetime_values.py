import datetime as dt
from datetime import datetime, timedelta, date
d = datetime(2024, 5, 17, 8, 30, 15, 250)
print(d, repr(d), [d], f"{d:%A %d %B %Y}", "{:%H:%M}".format(d), "%s" % d)
print(d.date(), d.time(), d.weekday(), d.isoweekday(), d.isoformat(sep=" "), d.ctime())
print(d.replace(year=2025), d.timestamp(), datetime.fromtimestamp(0), date.fromtimestamp(86400))
td = timedelta(hours=1, minutes=30)
print(td, repr(td), td * 2, td / 3, td // timedelta(minutes=7), td.total_seconds(), -td, abs(-td))
print(d + td, d - td, (d + td) - d, d > d - td, sorted([d, d - td])[0])
print(datetime.strptime("2024-03-01 10:20", "%Y-%m-%d %H:%M"))
print(datetime.fromisoformat("2024-03-01T10:20:00"), date.fromisoformat("2024-03-01"))
print(isinstance(d, datetime), isinstance(d, date), isinstance(d.date(), datetime), type(d), type(td).__name__)
print(td.days, td.seconds, d.year, d.microsecond, timedelta.max, dt.MAXYEAR, datetime.min)
print(dt.time(10, 5), dt.datetime.combine(date(2020, 1, 1), dt.time(3, 4)))
try:
    datetime(2024, 2, 30)
except ValueError as e:
    print("ValueError:", e)
try:
    d + 5
except TypeError as e:
    print("TypeError:", e)
try:
    d.nope
except AttributeError as e:
    print("AttributeError:", e)
print(str(timedelta(days=2, seconds=5)), timedelta(seconds=3661))
print({d: 1}[d], d == datetime(2024, 5, 17, 8, 30, 15, 250))
