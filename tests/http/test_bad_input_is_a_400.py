"""Input the client got wrong (JSON that is not JSON, a date that is not a date, a
redirect target with a line break) answers 400, never 500."""

from __future__ import annotations

import json
import typing as t

import pytest

from protevus.facades import Route
from protevus.http.exceptions import BadRequestHttpException
from protevus.http.request import Request
from protevus.http.response import RedirectResponse
from protevus.testing import TestClient

JSON = {"Accept": "application/json", "Content-Type": "application/json"}
ACCEPT = {"Accept": "application/json"}


@pytest.fixture
def client(make_app: t.Any) -> TestClient:
    app = make_app()

    def echo(request: Request) -> t.Any:
        return {"input": request.all()}

    def date(request: Request) -> t.Any:
        found = request.date("x", request.query("format"))
        return {"date": None if found is None else found.to_date_string()}

    def go(request: Request) -> t.Any:
        return RedirectResponse(request.query("next"))

    Route.post("/echo", echo)
    Route.get("/date", date)
    Route.get("/go", go)
    return TestClient(app)


# -- JSON bodies -------------------------------------------------------------------


@pytest.mark.parametrize("depth", [5_000, 100_000])
def test_deeply_nested_json_is_a_400(client: TestClient, depth: int) -> None:
    body = "[" * depth + "]" * depth
    response = client.post("/echo", body, JSON).assert_status(400)
    assert response.json("message") == (
        "The request body is not valid JSON: it is nested too deeply. Send a valid "
        "JSON document or change the Content-Type header."
    )


@pytest.mark.parametrize(
    ("body", "constant"),
    [
        ('{"a": NaN}', "NaN"),
        ('{"a": Infinity}', "Infinity"),
        ('{"a": [1, -Infinity]}', "-Infinity"),
    ],
)
def test_nan_and_infinity_are_not_json(
    client: TestClient, body: str, constant: str
) -> None:
    response = client.post("/echo", body, JSON).assert_status(400)
    message = response.json("message")
    assert message.startswith("The request body is not valid JSON: ")
    assert f"[{constant}] is not a JSON value" in message


@pytest.mark.parametrize("number", ["1e999", "-1E400", "1.5e309"])
def test_numbers_too_large_for_a_float_are_a_400(
    client: TestClient, number: str
) -> None:
    response = client.post("/echo", '{"n": ' + number + "}", JSON).assert_status(400)
    assert f"the number [{number}] is out of range" in response.json("message")


def test_valid_json_still_reads_including_moderate_nesting(client: TestClient) -> None:
    nested: t.Any = "leaf"
    for _ in range(200):
        nested = [nested]
    body = json.dumps({"n": 1.5e300, "deep": nested, "text": "NaN"})
    response = client.post("/echo", body, JSON).assert_ok()
    assert response.json("input.n") == 1.5e300
    assert response.json("input.text") == "NaN"
    assert client.post("/echo", "", JSON).assert_ok().json("input") == {}


# -- dates -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (
            {"x": "notadate"},
            "The [x] field must be a date such as [2026-01-31] or "
            "[2026-01-31 14:00:00] (ISO 8601); send it in that form.",
        ),
        (
            {"x": "31/01/2026", "format": "Y-m-d"},
            "The [x] field must be a date in the format [Y-m-d]; send it in that form.",
        ),
        (
            {"x": "2026-13-45", "format": "Y-m-d"},
            "The [x] field must be a date in the format [Y-m-d]; send it in that form.",
        ),
    ],
)
def test_a_value_that_is_not_a_date_is_a_400(
    client: TestClient, query: dict[str, str], expected: str
) -> None:
    response = client.get("/date", query, ACCEPT).assert_status(400)
    assert response.json("message") == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"x": "2026-01-31"}, "2026-01-31"),
        ({"x": "31/01/2026", "format": "d/m/Y"}, "2026-01-31"),
        ({}, None),
        ({"x": ""}, None),
    ],
)
def test_valid_or_missing_dates_still_read(
    client: TestClient, query: dict[str, str], expected: str | None
) -> None:
    assert client.get("/date", query).assert_ok().json("date") == expected


def test_a_bad_time_zone_stays_the_callers_error() -> None:
    request = Request.from_values("/?x=2026-01-31")
    with pytest.raises(ValueError, match="timezone") as raised:
        request.date("x", tz="Nowhere/Land")
    assert not isinstance(raised.value, BadRequestHttpException)


# -- redirect targets --------------------------------------------------------------


@pytest.mark.parametrize(
    "target", ["/x\r\nSet-Cookie: a=1", "/x\nY: 1", "/x\ry", "/x\0y"]
)
def test_a_redirect_target_with_a_line_break_is_a_400(
    client: TestClient, target: str
) -> None:
    response = client.get("/go", {"next": target}, ACCEPT).assert_status(400)
    assert response.json("message") == (
        f"Cannot redirect to [{target!r}]: the URL holds a line break or NUL; "
        "encode or remove it before redirecting."
    )
    assert "Set-Cookie" not in response.headers
    assert "Location" not in response.headers


def test_a_clean_redirect_target_still_redirects(client: TestClient) -> None:
    response = client.get("/go", {"next": "/home?a=1"})
    response.assert_redirect("/home?a=1")


def test_set_target_url_rejects_line_breaks_too() -> None:
    redirect = RedirectResponse("/ok")
    with pytest.raises(BadRequestHttpException, match="line break") as raised:
        redirect.set_target_url("/a\r\nb")
    assert raised.value.get_status_code() == 400
    assert redirect.get_target_url() == "/ok"
    with pytest.raises(BadRequestHttpException):
        redirect.with_fragment("a\nb")
