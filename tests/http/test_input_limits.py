"""PHP's input limits: many ``a[]`` pairs stay linear, too many or too deep answer 400."""

from __future__ import annotations

import time
import typing as t

import pytest

pytest.importorskip("protevus.foundation.http.kernel")

from protevus.facades import Route  # noqa: E402
from protevus.http.concerns.php_input import InputLimits  # noqa: E402
from protevus.http.concerns.php_input import parse_pairs  # noqa: E402
from protevus.http.exceptions import BadRequestHttpException  # noqa: E402
from protevus.http.request import Request  # noqa: E402
from protevus.testing import TestClient  # noqa: E402

FORM = {
    "Content-Type": "application/x-www-form-urlencoded",
    "Accept": "application/json",
}
JSON = {"Accept": "application/json"}


@pytest.fixture
def client(make_app: t.Any) -> TestClient:
    app = make_app()

    def echo(request: Request) -> t.Any:
        return {"input": request.all()}

    Route.match(["GET", "POST"], "/echo", echo)
    return TestClient(app)


def test_many_append_keys_parse_in_linear_time(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(InputLimits, "max_input_vars", 50_000)
    body = "a[]=1&" * 20_000
    started = time.perf_counter()
    response = client.post("/echo", body, FORM)
    elapsed = time.perf_counter() - started
    response.assert_ok()
    assert len(response.json("input.a")) == 20_000
    assert elapsed < 3, f"20,000 a[] pairs took {elapsed:.1f}s"


@pytest.mark.parametrize("url", ["/echo", "/no-such-route"])
def test_too_many_input_variables_answer_400_on_any_url(
    client: TestClient, url: str
) -> None:
    response = client.post(url, "a[]=1&" * 1001, FORM)
    response.assert_status(400).assert_json_path(
        "message", "The request has too many input variables (max 1000)."
    )


def test_the_limit_is_per_bag_and_inclusive(client: TestClient) -> None:
    query = "&".join(f"q{i}=1" for i in range(1000))
    body = "&".join(f"b{i}=1" for i in range(1000))
    response = client.post(f"/echo?{query}", body, FORM)
    response.assert_ok()
    assert len(response.json("input")) == 2000
    client.get("/echo?" + query + "&one=more").assert_status(400)


def test_the_variable_limit_is_a_class_knob(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(InputLimits, "max_input_vars", 2)
    client.get("/echo?a=1&b=2").assert_ok()
    response = client.get("/echo?a=1&b=2&c=3", None, JSON)
    response.assert_status(400).assert_json_path(
        "message", "The request has too many input variables (max 2)."
    )


def test_deep_nesting_answers_400_instead_of_crashing(client: TestClient) -> None:
    key = "a" + "[x]" * 5000
    response = client.get(f"/echo?{key}=1", None, JSON)
    response.assert_status(400).assert_json_path(
        "message", "The request input is nested too deeply (max 64 levels)."
    )
    client.post("/echo", f"{key}=1", FORM).assert_status(400)


def test_sixty_four_levels_are_allowed_sixty_five_are_not(client: TestClient) -> None:
    ok = client.get("/echo?a" + "[x]" * 64 + "=deep")
    ok.assert_ok().assert_json_path("input.a" + ".x" * 64, "deep")
    client.get("/echo?a" + "[]" * 65 + "=1").assert_status(400)


def test_the_depth_limit_is_a_class_knob(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(InputLimits, "max_input_nesting_level", 1)
    assert parse_pairs([("a[b]", "1")]) == {"a": {"b": "1"}}
    with pytest.raises(BadRequestHttpException, match=r"max 1 levels"):
        parse_pairs([("a[b][c]", "1")])


def test_append_keys_follow_php_next_free_index() -> None:
    parsed = parse_pairs(
        [("a[]", "x"), ("a[5]", "y"), ("a[]", "z"), ("a[name]", "n"), ("a[]", "w")]
    )
    assert parsed == {"a": {0: "x", 5: "y", 6: "z", "name": "n", 7: "w"}}
    # A nested array replaced by a scalar, then a new array: counters never mix.
    parsed = parse_pairs(
        [("b[x][]", "1"), ("b[x][]", "2"), ("b[x]", "s"), ("b[y][]", "3")]
    )
    assert parsed == {"b": {"x": "s", "y": ["3"]}}


def test_odd_numeric_keys_stay_strings(client: TestClient) -> None:
    # "²" passes str.isdigit() but is no integer; huge numbers overflow PHP's int.
    response = client.get("/echo?a[%C2%B2]=1&b[99999999999999999999]=2&c[07]=3")
    response.assert_ok().assert_exact_json(
        {
            "input": {
                "a": {"²": "1"},
                "b": {"99999999999999999999": "2"},
                "c": {"07": "3"},
            }
        }
    )
