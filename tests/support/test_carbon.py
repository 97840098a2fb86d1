"""Carbon: Laravel's date API on pendulum."""

from __future__ import annotations

import datetime as dt
import json
import typing as t

import pendulum
import pytest

from protevus.exceptions import InvalidArgumentError
from protevus.support.carbon import Carbon


@pytest.fixture(autouse=True)
def frozen() -> t.Iterator[Carbon]:
    Carbon.set_test_now("2026-03-15 10:30:45.123456")
    yield Carbon.now()
    Carbon.set_test_now(None)


def test_set_test_now_freezes_now() -> None:
    assert Carbon.has_test_now() is True
    assert Carbon.now().to_date_time_string() == "2026-03-15 10:30:45"
    assert Carbon.now() == Carbon.now()
    assert Carbon.now("Europe/Paris").to_date_time_string() == "2026-03-15 11:30:45"
    assert Carbon.today().to_date_time_string() == "2026-03-15 00:00:00"
    assert Carbon.tomorrow().to_date_string() == "2026-03-16"
    assert Carbon.yesterday().to_date_string() == "2026-03-14"
    assert Carbon.parse("now") == Carbon.now()
    Carbon.set_test_now(None)
    assert Carbon.has_test_now() is False
    assert Carbon.now().year >= 2024
    assert Carbon.get_test_now() is None


def test_with_test_now_restores() -> None:
    seen = Carbon.with_test_now("2000-01-01", lambda: Carbon.now().year)
    assert seen == 2000
    assert Carbon.now().year == 2026


def test_now_returns_carbon_and_arithmetic_stays_carbon() -> None:
    now = Carbon.now()
    for value in [
        now.add_days(2),
        now.sub_hours(3),
        now.add(days=1),
        now.subtract(days=1),
        now + dt.timedelta(days=1),
        now.start_of_day(),
        now.in_timezone("Asia/Tokyo"),
        now.copy(),
        Carbon.parse("2020-01-01"),
        Carbon.create(2020, 1, 1),
    ]:
        assert isinstance(value, Carbon)


def test_create_and_parse() -> None:
    assert (
        Carbon.create(2020, 5, 17, 8, 9, 10).to_date_time_string()
        == "2020-05-17 08:09:10"
    )
    assert Carbon.create(2020).to_date_time_string() == "2020-01-01 00:00:00"
    assert Carbon.create(2020, 1, 1, tz="Europe/Paris").timezone_name == "Europe/Paris"
    assert Carbon.create(2020, 1, 1).timezone_name == "UTC"
    assert Carbon.create(None, None, None).to_date_string() == "2026-03-15"
    assert (
        Carbon.parse("2019-02-01 03:45:27").to_date_time_string()
        == "2019-02-01 03:45:27"
    )
    assert Carbon.parse("2019-02-01T03:45:27+02:00").format("P") == "+02:00"
    assert Carbon.parse("2019-02-01").to_date_time_string() == "2019-02-01 00:00:00"
    assert Carbon.parse(dt.datetime(2020, 1, 2, tzinfo=dt.UTC)).day == 2
    with pytest.raises(InvalidArgumentError, match=r"\[not a date\]"):
        Carbon.parse("not a date")
    with pytest.raises(InvalidArgumentError, match=r"\[Mars/Base\]"):
        Carbon.now("Mars/Base")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("tomorrow", "2026-03-16 00:00:00"),
        ("yesterday", "2026-03-14 00:00:00"),
        ("today", "2026-03-15 00:00:00"),
        ("+2 days", "2026-03-17 10:30:45"),
        ("-1 week", "2026-03-08 10:30:45"),
        ("3 days ago", "2026-03-12 10:30:45"),
        ("+1 month 2 days", "2026-04-17 10:30:45"),
        ("+1 hour", "2026-03-15 11:30:45"),
    ],
)
def test_parse_relative(text: str, expected: str) -> None:
    assert Carbon.parse(text).to_date_time_string() == expected


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [
        ("Y-m-d H:i:s", "2026-03-05 14:07:09"),
        ("D, d M Y", "Thu, 05 Mar 2026"),
        ("l jS \\of F Y h:i:s A", "Thursday 5th of March 2026 02:07:09 PM"),
        ("N j n y G g a", "4 5 3 26 14 2 pm"),
        ("u v", "012345 012"),
        ("e T P O p Z", "UTC UTC +00:00 +0000 Z 0"),
        ("c", "2026-03-05T14:07:09+00:00"),
        ("r", "Thu, 05 Mar 2026 14:07:09 +0000"),
        ("U", "1772719629"),
        ("w z t L W o", "4 63 31 0 10 2026"),
        ("\\Y\\e\\s", "Yes"),
    ],
)
def test_php_format(fmt: str, expected: str) -> None:
    date = Carbon.create(2026, 3, 5, 14, 7, 9, 12345)
    assert date.format(fmt) == expected


def test_format_with_timezone_and_iso_format() -> None:
    date = Carbon.create(2026, 7, 1, 9, 0, 0, tz="America/New_York")
    assert date.format("e T P O") == "America/New_York EDT -04:00 -0400"
    assert date.iso_format("YYYY-MM-DD HH:mm") == "2026-07-01 09:00"
    assert f"{date:Y/m/d}" == "2026/07/01"
    assert str(date) == "2026-07-01 09:00:00"


@pytest.mark.parametrize(
    ("fmt", "value", "expected"),
    [
        ("Y-m-d H:i:s", "2020-02-03 04:05:06", "2020-02-03 04:05:06.000000"),
        ("d/m/Y H:i", "25/12/2021 18:30", "2021-12-25 18:30:00.000000"),
        ("!Y-m-d", "2021-12-25", "2021-12-25 00:00:00.000000"),
        ("Y-m-d|", "2021-12-25", "2021-12-25 00:00:00.000000"),
        ("Y-m-d", "2021-12-25", "2021-12-25 10:30:45.123456"),
        ("j M y g:i a", "5 Jan 99 3:04 pm", "1999-01-05 15:04:00.000000"),
        ("F j, Y H", "March 1, 2024 07", "2024-03-01 07:00:00.000000"),
        ("Y-m-d H:i:s.u", "2020-01-01 00:00:00.5", "2020-01-01 00:00:00.500000"),
        ("U", "1580515200", "2020-02-01 00:00:00.000000"),
    ],
)
def test_create_from_format(fmt: str, value: str, expected: str) -> None:
    assert Carbon.create_from_format(fmt, value).format("Y-m-d H:i:s.u") == expected


def test_create_from_format_timezones_and_errors() -> None:
    date = Carbon.create_from_format("Y-m-d H:i P", "2020-01-01 10:00 +02:00")
    assert date.format("P") == "+02:00"
    assert date.utc().format("H") == "08"
    paris = Carbon.create_from_format("Y-m-d H:i", "2020-01-01 10:00", "Europe/Paris")
    assert paris.timezone_name == "Europe/Paris"
    with pytest.raises(InvalidArgumentError, match=r"Could not parse \[2020/01/01\]"):
        Carbon.create_from_format("Y-m-d", "2020/01/01")


def test_string_forms() -> None:
    date = Carbon.create(1975, 12, 25, 14, 15, 16)
    assert date.to_date_string() == "1975-12-25"
    assert date.to_time_string() == "14:15:16"
    assert date.to_date_time_string() == "1975-12-25 14:15:16"
    assert date.to_day_datetime_string() == "Thu, Dec 25, 1975 2:15 PM"
    assert date.to_formatted_date_string() == "Dec 25, 1975"
    assert date.to_iso8601_string() == "1975-12-25T14:15:16+00:00"
    assert date.to_rfc2822_string() == "Thu, 25 Dec 1975 14:15:16 +0000"
    assert date.toDateString() == "1975-12-25"


def test_to_json_is_utc_with_microseconds() -> None:
    date = Carbon.create(2019, 2, 1, 5, 45, 27, 612584, tz="Europe/Kyiv")
    assert date.to_json() == "2019-02-01T03:45:27.612584Z"
    assert date.to_iso_string(keep_offset=True) == "2019-02-01T05:45:27.612584+02:00"
    assert json.loads(json.dumps({"at": date.to_json()}))["at"].endswith("Z")
    assert date.to_array()["timestamp"] == date.get_timestamp()


@pytest.mark.parametrize(
    ("method", "amount", "expected"),
    [
        ("add_seconds", 30, "2026-03-15 10:31:15"),
        ("sub_minutes", 31, "2026-03-15 09:59:45"),
        ("add_hours", 14, "2026-03-16 00:30:45"),
        ("add_days", 20, "2026-04-04 10:30:45"),
        ("sub_days", 15, "2026-02-28 10:30:45"),
        ("add_weeks", 2, "2026-03-29 10:30:45"),
        ("add_months", 1, "2026-04-15 10:30:45"),
        ("sub_years", 6, "2020-03-15 10:30:45"),
        ("add_quarters", 1, "2026-06-15 10:30:45"),
    ],
)
def test_add_and_sub_family(method: str, amount: int, expected: str) -> None:
    assert getattr(Carbon.now(), method)(amount).to_date_time_string() == expected


def test_singular_forms_and_camel_case() -> None:
    now = Carbon.now()
    assert now.add_day() == now.add_days(1)
    assert now.sub_week() == now.sub_weeks(1)
    assert now.addDays(2) == now.add_days(2)
    assert now.subMonths(1) == now.sub_months(1)
    assert now.diffForHumans() == now.diff_for_humans()


def test_month_overflow_like_carbon() -> None:
    jan31 = Carbon.create(2021, 1, 31)
    assert jan31.add_month().to_date_string() == "2021-03-03"
    assert jan31.add_month_no_overflow().to_date_string() == "2021-02-28"
    assert Carbon.create(2020, 2, 29).add_year().to_date_string() == "2021-03-01"


def test_generic_add_and_sub() -> None:
    now = Carbon.now()
    assert now.add("days", 3) == now.add_days(3)
    assert now.add(3, "days") == now.add_days(3)
    assert now.add("2 hours") == now.add_hours(2)
    assert now.sub("1 day") == now.sub_day()
    assert now.add(dt.timedelta(minutes=5)) == now.add_minutes(5)
    assert now.sub("week", 1) == now.sub_week()
    with pytest.raises(InvalidArgumentError, match=r"Unit \[fortnite\]"):
        now.add("fortnite", 1)


def test_start_and_end_of() -> None:
    now = Carbon.now()  # Sunday 2026-03-15
    assert now.start_of_day().to_date_time_string() == "2026-03-15 00:00:00"
    assert now.end_of_day().format("H:i:s.u") == "23:59:59.999999"
    assert now.start_of_month().to_date_string() == "2026-03-01"
    assert now.end_of_month().to_date_string() == "2026-03-31"
    assert now.start_of_week().to_date_string() == "2026-03-09"
    assert now.end_of_week().to_date_string() == "2026-03-15"
    assert now.start_of_year().to_date_string() == "2026-01-01"


def test_diff_in_units_are_signed_floats() -> None:
    start = Carbon.create(2020, 1, 1)
    end = Carbon.create(2020, 1, 3, 12)
    assert start.diff_in_days(end) == 2.5
    assert end.diff_in_days(start) == -2.5
    assert end.diff_in_days(start, absolute=True) == 2.5
    assert start.diff_in_hours(end) == 60
    assert start.diff_in_minutes(end) == 3600
    assert start.diff_in_seconds(end) == 216000
    assert start.diff_in_weeks(Carbon.create(2020, 1, 15)) == 2
    assert start.diff_in_months(Carbon.create(2020, 3, 1)) == 2
    assert start.diff_in_months(Carbon.create(2020, 1, 16, 12)) == 0.5
    assert start.diff_in_years(Carbon.create(2023, 1, 1)) == 3
    assert Carbon.create(2023, 1, 1).diff_in_years(start) == -3
    assert int(Carbon.now().sub_days(3).diff_in_days()) == 3


@pytest.mark.parametrize(
    ("shift", "expected"),
    [
        (lambda n: n, "1 second ago"),
        (lambda n: n.sub_seconds(5), "5 seconds ago"),
        (lambda n: n.sub_minutes(1), "1 minute ago"),
        (lambda n: n.sub_minutes(59).sub_seconds(59), "59 minutes ago"),
        (lambda n: n.sub_hours(2), "2 hours ago"),
        (lambda n: n.sub_days(1).sub_hours(23), "1 day ago"),
        (lambda n: n.sub_days(3), "3 days ago"),
        (lambda n: n.sub_days(10), "1 week ago"),
        (lambda n: n.sub_weeks(2), "2 weeks ago"),
        (lambda n: n.sub_months(1), "1 month ago"),
        (lambda n: n.sub_months(11), "11 months ago"),
        (lambda n: n.sub_years(2), "2 years ago"),
        (lambda n: n.add_hours(1), "1 hour from now"),
        (lambda n: n.add_days(3), "3 days from now"),
        (lambda n: n.add_years(1), "1 year from now"),
    ],
)
def test_diff_for_humans_relative_to_now(
    shift: t.Callable[[Carbon], Carbon], expected: str
) -> None:
    assert shift(Carbon.now()).diff_for_humans() == expected


def test_diff_for_humans_against_another_date_and_options() -> None:
    now = Carbon.now()
    assert now.sub_weeks(2).diff_for_humans(now) == "2 weeks before"
    assert now.add_days(1).diff_for_humans(now) == "1 day after"
    assert now.sub_days(3).diff_for_humans(absolute=True) == "3 days"
    assert now.sub_days(3).diff_for_humans(None, True) == "3 days"
    assert now.sub_days(3).diff_for_humans(short=True) == "3d ago"
    assert now.sub_months(2).diff_for_humans(short=True) == "2mos ago"
    assert now.sub_years(1).diff_for_humans(short=True) == "1yr ago"
    assert now.sub_minutes(4).diff_for_humans(short=True) == "4m ago"
    assert now.sub_days(1).sub_hours(3).diff_for_humans(parts=2) == "1 day 3 hours ago"
    assert now.sub_days(1).diff_for_humans(now, syntax=2) == "1 day ago"


def test_comparisons() -> None:
    now = Carbon.now()
    later = now.add_hour()
    assert later.gt(now) and later.gte(now) and now.lt(later) and now.lte(later)
    assert now.eq(Carbon.now()) and now.ne(later)
    assert now.eq("2026-03-15 10:30:45.123456")
    assert now.between(later, now.sub_hour())
    assert not now.between(now, later, equal=False)
    assert now.min(later) == now and now.max(later) == later
    assert later.min() == now
    assert now.greaterThan(now.sub_day())


def test_relative_checks() -> None:
    now = Carbon.now()
    assert now.sub_second().is_past() and now.add_second().is_future()
    assert (
        now.is_today() and now.add_day().is_tomorrow() and now.sub_day().is_yesterday()
    )
    assert now.is_weekend() and not now.is_weekday()
    assert now.add_day().is_weekday()
    assert now.is_same_day(now.start_of_day()) and not now.is_same_day(now.add_day())
    assert now.isSameDay("2026-03-15")


def test_timezones() -> None:
    now = Carbon.now()
    tokyo = now.set_timezone("Asia/Tokyo")
    assert tokyo.format("H:i e") == "19:30 Asia/Tokyo"
    assert tokyo == now
    shifted = now.shift_timezone("Asia/Tokyo")
    assert shifted.format("H:i") == "10:30" and shifted != now
    assert now.set_timezone("+05:30").format("P") == "+05:30"
    assert isinstance(now.timezone, pendulum.Timezone)
    assert now.timestamp() == now.get_timestamp() + 0.123456


def test_default_timezone() -> None:
    Carbon.set_test_now(None)
    try:
        Carbon.set_default_timezone("Europe/Paris")
        assert Carbon.now().timezone_name == "Europe/Paris"
        assert Carbon.create(2020, 1, 1).timezone_name == "Europe/Paris"
    finally:
        Carbon.set_default_timezone("UTC")
    assert Carbon.get_default_timezone() == "UTC"


def test_parse_refuses_over_long_text() -> None:
    from protevus.exceptions import InvalidArgumentError

    # user input reaches Carbon.parse through the date rules: a long text is refused
    # before any pattern runs over it
    with pytest.raises(InvalidArgumentError, match="at most 255 characters"):
        Carbon.parse("1" * 10_000)
    with pytest.raises(InvalidArgumentError, match="Could not parse"):
        Carbon.parse("1" * 255)
    assert Carbon.parse("+2 days") == Carbon.now().add_days(2)
