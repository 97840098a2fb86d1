"""TestResponse: status, redirect, header, cookie and body assertions on plain Werkzeug responses."""

from __future__ import annotations

import typing as t

import pytest
from werkzeug.wrappers import Response

from protevus.testing import TestResponse


def make(
    body: str | bytes = "",
    status: int = 200,
    headers: dict[str, str] | list[tuple[str, str]] | None = None,
    mimetype: str = "text/html",
) -> TestResponse:
    return TestResponse(
        Response(body, status=status, headers=headers, mimetype=mimetype)
    )


# -- reading -------------------------------------------------------------------


def test_status_is_an_int_and_callable() -> None:
    response = make("hi", 201)
    assert response.status == 201
    assert response.status() == 201
    assert response.status_code == 201
    assert response.get_status_code() == 201


def test_content_is_bytes_and_content_call_is_text() -> None:
    response = make("héllo")
    assert response.content == "héllo".encode()
    assert response.content() == "héllo"
    assert response.text == "héllo"
    assert response.get_content() == "héllo"


def test_unknown_attributes_come_from_the_wrapped_response() -> None:
    response = make("x", mimetype="text/plain")
    assert response.mimetype == "text/plain"
    assert response.headers["Content-Type"].startswith("text/plain")


def test_camel_case_aliases() -> None:
    make("ok").assertOk().assertSee("ok").assertHeaderMissing("X-Nope")


def test_assertions_chain() -> None:
    response = make("Welcome home", 200, {"X-App": "protevus"})
    assert response.assert_ok().assert_header("X-App", "protevus") is response


# -- status ----------------------------------------------------------------------

STATUS_ASSERTIONS = [
    ("assert_ok", 200),
    ("assert_created", 201),
    ("assert_accepted", 202),
    ("assert_moved_permanently", 301),
    ("assert_found", 302),
    ("assert_bad_request", 400),
    ("assert_unauthorized", 401),
    ("assert_payment_required", 402),
    ("assert_forbidden", 403),
    ("assert_not_found", 404),
    ("assert_method_not_allowed", 405),
    ("assert_conflict", 409),
    ("assert_gone", 410),
    ("assert_unsupported_media_type", 415),
    ("assert_unprocessable", 422),
    ("assert_too_many_requests", 429),
    ("assert_internal_server_error", 500),
    ("assert_service_unavailable", 503),
]


@pytest.mark.parametrize(("method", "status"), STATUS_ASSERTIONS)
def test_named_status_assertions_pass(method: str, status: int) -> None:
    getattr(make("body", status), method)()


@pytest.mark.parametrize(("method", "status"), STATUS_ASSERTIONS)
def test_named_status_assertions_fail_with_expected_and_actual(
    method: str, status: int
) -> None:
    other = 418
    with pytest.raises(AssertionError) as info:
        getattr(make("teapot body", other), method)()
    message = str(info.value)
    assert f"Expected response status code [{status}] but received {other}." in message
    assert "teapot body" in message


def test_assert_status_failure_shows_status_type_and_body() -> None:
    with pytest.raises(AssertionError) as info:
        make("<h1>Not Found</h1>", 404).assert_status(200)
    message = str(info.value)
    assert message.startswith("Expected response status code [200] but received 404.")
    assert "status 404, text/html; charset=utf-8" in message
    assert "Body: <h1>Not Found</h1>" in message


def test_failure_snippet_is_truncated() -> None:
    with pytest.raises(AssertionError) as info:
        make("x" * 5000, 500).assert_ok()
    message = str(info.value)
    assert "[...]" in message
    assert len(message) < 1000


def test_failure_shows_an_empty_body() -> None:
    with pytest.raises(AssertionError, match=r"Body: \(empty\)"):
        make("", 204).assert_ok()


def test_failure_shows_the_recorded_exception() -> None:
    base = Response("Server Error", status=500)
    base.exception = ValueError("boom")  # type: ignore[attr-defined]
    with pytest.raises(AssertionError) as info:
        TestResponse(base).assert_ok()
    assert "The following exception occurred during the last request" in str(info.value)
    assert "ValueError: boom" in str(info.value)


def test_failure_shows_the_traceback_of_a_raised_exception() -> None:
    def explode() -> None:
        raise KeyError("missing-key")

    try:
        explode()
    except KeyError as exc:
        caught = exc
    base = Response("Server Error", status=500)
    base.exception = caught  # type: ignore[attr-defined]
    message = ""
    try:
        TestResponse(base).assert_ok()
    except AssertionError as failure:
        message = str(failure)
    assert "Traceback (most recent call last)" in message
    assert "in explode" in message
    assert "KeyError: 'missing-key'" in message


def test_long_html_bodies_are_shown_as_text() -> None:
    page = (
        "<html><head><title>T</title><style>body { color: red; }</style></head>"
        "<body><script>var x = 1;</script><h1>Server   Error</h1>"
        + "<p>filler</p>" * 100
        + "</body></html>"
    )
    with pytest.raises(AssertionError) as info:
        make(page, 500).assert_ok()
    message = str(info.value)
    assert "Body text: Server Error filler filler" in message
    assert "color: red" not in message
    assert "var x" not in message


def test_assert_no_content() -> None:
    make("", 204).assert_no_content()
    make("", 200).assert_no_content(200)
    with pytest.raises(AssertionError, match="Response content is not empty."):
        make("oops", 204).assert_no_content()
    with pytest.raises(AssertionError, match=r"code \[204\] but received 200"):
        make("", 200).assert_no_content()


@pytest.mark.parametrize(
    ("method", "good", "bad", "words"),
    [
        ("assert_successful", 204, 302, "is not a successful status code"),
        ("assert_client_error", 422, 200, "is not a client error status code"),
        ("assert_server_error", 503, 404, "is not a server error status code"),
    ],
)
def test_status_range_assertions(method: str, good: int, bad: int, words: str) -> None:
    getattr(make("", good), method)()
    with pytest.raises(
        AssertionError, match=rf"Response status code \[{bad}\] {words}"
    ):
        getattr(make("", bad), method)()


# -- redirects ---------------------------------------------------------------------


def redirect(location: str, status: int = 302) -> TestResponse:
    return make("", status, {"Location": location})


def test_assert_redirect() -> None:
    redirect("/home").assert_redirect()
    redirect("/home", 301).assert_redirect("/home")
    redirect("/home").assert_redirect("http://localhost/home")
    redirect("http://localhost/home/").assert_redirect("/home")
    redirect("/search?q=a").assert_redirect("/search?q=a")


def test_assert_redirect_fails_on_non_redirects() -> None:
    with pytest.raises(AssertionError, match=r"\[200\] is not a redirect status code"):
        make("page").assert_redirect()
    with pytest.raises(AssertionError, match="is not a redirect status code"):
        make("", 302).assert_redirect()  # no Location header


def test_assert_redirect_to_the_wrong_place() -> None:
    with pytest.raises(AssertionError) as info:
        redirect("/login").assert_redirect("/dashboard")
    message = str(info.value)
    assert (
        "Expected the response to redirect to [http://localhost/dashboard], "
        "but it redirects to [http://localhost/login]." in message
    )
    assert "Location: /login" in message


def test_assert_redirect_checks_the_host() -> None:
    with pytest.raises(AssertionError, match="redirects to"):
        redirect("https://example.com/home").assert_redirect("/home")


def test_assert_location_without_location() -> None:
    with pytest.raises(AssertionError, match="has no Location header"):
        make("x").assert_location("/")


def test_assert_redirect_contains() -> None:
    redirect("/posts?page=2").assert_redirect_contains("page=2")
    with pytest.raises(AssertionError, match=r"does not contain \[page=3\]"):
        redirect("/posts?page=2").assert_redirect_contains("page=3")


def test_assert_redirect_to_route_uses_the_url_generator() -> None:
    class Url:
        def route(self, name: str, parameters: t.Any) -> str:
            return f"http://localhost/{name.replace('.', '/')}/{parameters['id']}"

    class App:
        def make(self, key: str) -> t.Any:
            assert key == "url"
            return Url()

    base = Response("", status=302, headers={"Location": "/posts/show/3"})
    TestResponse(base, App()).assert_redirect_to_route("posts.show", {"id": 3})
    with pytest.raises(AssertionError, match="redirects to"):
        TestResponse(base, App()).assert_redirect_to_route("posts.show", {"id": 4})


# -- headers -------------------------------------------------------------------------


def test_assert_header() -> None:
    response = make("", headers={"X-Count": "3"})
    response.assert_header("X-Count").assert_header("x-count", 3)
    with pytest.raises(
        AssertionError, match=r"Header \[X-Missing\] not present on response."
    ):
        response.assert_header("X-Missing")
    with pytest.raises(
        AssertionError,
        match=r"Header \[X-Count\] was found, but value \[3\] does not match \[4\].",
    ):
        response.assert_header("X-Count", "4")


def test_assert_header_missing() -> None:
    response = make("", headers={"X-Count": "3"})
    response.assert_header_missing("X-Other")
    with pytest.raises(
        AssertionError, match=r"Unexpected header \[X-Count\] is present on response"
    ):
        response.assert_header_missing("X-Count")


# -- cookies --------------------------------------------------------------------------


def with_cookies() -> TestResponse:
    base = Response("")
    base.set_cookie("theme", "dark", path="/", httponly=True, samesite="Lax")
    base.set_cookie("spaced", "a b;c")
    base.delete_cookie("old")
    return TestResponse(base)


def test_cookie_reads_value_and_attributes() -> None:
    cookie = with_cookies().cookie("theme")
    assert cookie is not None
    assert cookie.value == "dark"
    assert cookie.path == "/"
    assert cookie.http_only is True
    assert cookie.same_site == "Lax"
    assert cookie.is_expired() is False
    assert with_cookies().cookie("spaced").value == "a b;c"  # type: ignore[union-attr]
    assert with_cookies().cookie("nope") is None


def test_assert_cookie() -> None:
    response = with_cookies()
    response.assert_cookie("theme").assert_cookie("theme", "dark").assert_plain_cookie(
        "theme"
    )
    with pytest.raises(AssertionError) as info:
        response.assert_cookie("session")
    assert "Cookie [session] not present on response." in str(info.value)
    assert "Cookies set: [theme, spaced, old]" in str(info.value)
    with pytest.raises(
        AssertionError,
        match=r"Cookie \[theme\] was found, but value \[dark\] does not match \[light\].",
    ):
        response.assert_cookie("theme", "light")


def test_assert_cookie_missing() -> None:
    response = with_cookies()
    response.assert_cookie_missing("session")
    with pytest.raises(
        AssertionError, match=r"Cookie \[theme\] is present on response."
    ):
        response.assert_cookie_missing("theme")


def test_assert_cookie_expired() -> None:
    response = with_cookies()
    response.assert_cookie_expired("old").assert_cookie_not_expired("theme")
    with pytest.raises(AssertionError, match=r"Cookie \[theme\] is not expired"):
        response.assert_cookie_expired("theme")
    with pytest.raises(AssertionError, match=r"Cookie \[old\] is expired"):
        response.assert_cookie_not_expired("old")
    with pytest.raises(AssertionError, match="not present"):
        response.assert_cookie_expired("ghost")


# -- body -------------------------------------------------------------------------------


def test_assert_see_escapes_by_default() -> None:
    response = make("<p>Tom &amp; Jerry say &#39;hi&#39; &lt;b&gt;</p>")
    response.assert_see("Tom & Jerry").assert_see("'hi'").assert_see("<b>")
    response.assert_see("<p>Tom", escape=False)
    response.assert_see(["Tom", "Jerry"])
    with pytest.raises(AssertionError) as info:
        response.assert_see("Spike")
    assert "Failed asserting that the response contains [Spike]." in str(info.value)
    assert "Tom &amp; Jerry" in str(info.value)


def test_assert_see_accepts_other_escaping_styles() -> None:
    make("say &quot;hi&quot; &#x27;you&#x27;").assert_see("\"hi\" 'you'")
    make("it&#039;s").assert_see("it's")


def test_assert_dont_see() -> None:
    response = make("<p>Tom &amp; Jerry</p>")
    response.assert_dont_see("Spike").assert_dont_see(["Spike", "Tyke"])
    with pytest.raises(
        AssertionError,
        match=r"Failed asserting that the response does not contain \[Tom & Jerry\].",
    ):
        response.assert_dont_see("Tom & Jerry")
    response.assert_dont_see("Tom & Jerry", escape=False)


def test_assert_see_in_order() -> None:
    response = make("<li>one</li><li>two</li><li>three</li>")
    response.assert_see_in_order(["one", "two", "three"])
    with pytest.raises(AssertionError) as info:
        response.assert_see_in_order(["two", "one"])
    assert (
        "contains [two], [one] in that order: [one] was not found after [two]."
        in str(info.value)
    )
    with pytest.raises(AssertionError, match=r"\[four\] was not found\."):
        response.assert_see_in_order(["four"])


def test_assert_see_text_strips_tags() -> None:
    response = make("<p>Hello <b>World</b></p><!-- secret -->")
    response.assert_see_text("Hello World").assert_dont_see_text("secret")
    response.assert_see_text_in_order(["Hello", "World"])
    response.assert_dont_see_text("<b>")
    with pytest.raises(AssertionError, match=r"response text contains \[Hello <b>\]"):
        response.assert_see_text("Hello <b>", escape=False)
    with pytest.raises(AssertionError, match=r"does not contain \[World\]"):
        response.assert_dont_see_text("World")
    with pytest.raises(AssertionError, match="response text contains"):
        response.assert_see_text_in_order(["World", "Hello"])


def test_assert_content() -> None:
    make("exact").assert_content("exact")
    with pytest.raises(AssertionError, match=r"response content is \[other\]"):
        make("exact").assert_content("other")


def test_assert_download() -> None:
    headers = {"Content-Disposition": 'attachment; filename="report.pdf"'}
    make("%PDF", headers=headers).assert_download().assert_download("report.pdf")
    encoded = {
        "Content-Disposition": "attachment; filename*=UTF-8''r%C3%A9sum%C3%A9.pdf"
    }
    make("%PDF", headers=encoded).assert_download("résumé.pdf")
    with pytest.raises(AssertionError, match="does not offer a file download"):
        make("page").assert_download()
    with pytest.raises(
        AssertionError, match=r"Expected file \[other.pdf\] is not present"
    ):
        make("%PDF", headers=headers).assert_download("other.pdf")


def test_dump_prints_and_returns_the_response(
    capsys: pytest.CaptureFixture[str],
) -> None:
    response = make("hello body", headers={"X-A": "1"})
    assert response.dump().dump_headers() is response
    out = capsys.readouterr().out
    assert "hello body" in out
    assert "X-A: 1" in out
    json_response = make('{"a": {"b": 1}}', mimetype="application/json")
    json_response.dump().dump("a")
    assert '"b": 1' in capsys.readouterr().out


def test_macros() -> None:
    TestResponse.macro("assert_teapot", lambda self: self.assert_status(418))
    try:
        make("", 418).assert_teapot()  # type: ignore[attr-defined]
        make("", 418).assertTeapot()  # type: ignore[attr-defined]
    finally:
        TestResponse.flush_macros()


def test_missing_attribute_names_both_objects() -> None:
    with pytest.raises(
        AttributeError, match=r"\[TestResponse\] has no attribute \[nope\]"
    ):
        make("x").nope  # noqa: B018


def test_repr_shows_status_and_type() -> None:
    assert repr(make("x", 404)) == "<TestResponse [404] 'text/html; charset=utf-8'>"


def test_from_base_response() -> None:
    base = Response("x")
    response = TestResponse.from_base_response(base)
    assert response.base_response is base
