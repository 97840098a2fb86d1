"""Template globals resolve their services per call (Laravel: the helpers Blade templates call)."""

from __future__ import annotations

import threading
import typing as t

import pytest

from protevus.support.message_bag import MessageBag
from protevus.support.view_error_bag import ViewErrorBag
from protevus.testing.client import TestClient
from protevus.translation.translator import make_replacements
from protevus.view.globals import Guest


class FakeSession:
    """The slice of the session Store API the globals call."""

    def __init__(self, data: dict[str, t.Any] | None = None) -> None:
        self.data = dict(data or {})

    def get(self, key: str, default: t.Any = None) -> t.Any:
        return self.data.get(key, default)

    def put(self, values: dict[str, t.Any]) -> None:
        self.data.update(values)

    def token(self) -> str:
        return "tok<en>"

    def get_old_input(self, key: str | None = None, default: t.Any = None) -> t.Any:
        old = self.data.get("_old_input", {})
        return old if key is None else old.get(key, default)


def render(app: t.Any, source: str, **data: t.Any) -> str:
    return str(app.make("view").get_environment().from_string(source).render(**data))


def test_urls_routes_assets_and_config(view_app: t.Any) -> None:
    app = view_app(
        {
            "links.blade.html": "{{ route('posts.show', {'post': 3}) }} {{ asset('app.css') }}"
        }
    )
    router = app.make("router")
    router.get("/posts/{post}", lambda post: post).name("posts.show")
    router.get("/", lambda: app.make("view").make("links").render())
    html = TestClient(app).get("/").get_data(as_text=True)
    assert html == "http://localhost/posts/3 http://localhost/app.css"
    assert (
        render(app, "{{ config('app.name') }}|{{ config('nope.key', 'd') }}")
        == "Protevus|d"
    )
    assert render(app, "{{ url('/a') }}") == "http://localhost/a"


def test_request_and_old_input_inside_a_request(view_app: t.Any) -> None:
    app = view_app(
        {
            "form.blade.html": "{{ request().path() }} {{ request('q') }} [{{ old('title', 'none') }}]"
        }
    )

    def page(request: t.Any) -> str:
        request.set_session(FakeSession({"_old_input": {"title": "Old <t>"}}))
        return str(app.make("view").make("form").render())

    app.make("router").get("/search", page)
    html = TestClient(app).get("/search?q=cats").get_data(as_text=True)
    assert html == "search cats [Old &lt;t&gt;]"
    # Outside a request old() falls back to its default.
    assert render(app, "[{{ old('title', 'none') }}]") == "[none]"


def test_session_and_csrf_globals_use_the_bound_session(view_app: t.Any) -> None:
    app = view_app()
    del app["session"]  # an app without the session provider
    with pytest.raises(RuntimeError, match="Application session store not set."):
        render(app, "{{ csrf_token() }}")
    assert render(app, "[{{ session('status', 'none') }}]") == "[none]"
    session = FakeSession({"status": "Saved!"})
    app.instance("session", session)
    assert render(app, "{{ session('status') }}") == "Saved!"
    assert render(app, "{{ csrf_token() }}") == "tok&lt;en&gt;"
    assert render(app, "{{ csrf_field() }}") == (
        '<input type="hidden" name="_token" value="tok&lt;en&gt;" autocomplete="off">'
    )
    assert (
        render(app, "{{ method_field('PUT') }}")
        == '<input type="hidden" name="_method" value="PUT">'
    )
    render(app, "{% set _ = session({'k': 'v'}) %}")
    assert session.data["k"] == "v"


def test_auth_is_a_guest_until_auth_is_bound(view_app: t.Any) -> None:
    app = view_app()
    del app["auth"]  # an app without the auth provider
    assert (
        render(app, "{{ auth().check() }} {{ auth().guest() }} [{{ auth().user() }}]")
        == "False True []"
    )
    assert render(app, "{{ auth('admin').check() }}") == "False"
    assert isinstance(Guest().guard("web"), Guest) and Guest().id() is None

    class Manager:
        def check(self) -> bool:
            return True

        def guard(self, name: str) -> str:
            return f"guard:{name}"

    app.instance("auth", Manager())
    assert render(app, "{{ auth().check() }} {{ auth('api') }}") == "True guard:api"


def test_translation_without_and_with_a_translator(view_app: t.Any) -> None:
    app = view_app()
    source = (
        "{{ __('Welcome, :name! :NAME :Name', {'name': 'ada'}) }}|{{ trans('plain') }}"
    )
    assert render(app, source) == "Welcome, ada! ADA Ada|plain"
    assert render(app, "{{ trans_choice(':count apples', 3) }}") == "3 apples"
    assert make_replacements(":a :ab", {"a": 1, "ab": 2}) == "1 2"

    class Translator:
        def get(self, key: str, replace: dict[str, t.Any], locale: str | None) -> str:
            return f"T({key},{replace},{locale})"

        def choice(
            self, key: str, number: t.Any, replace: dict[str, t.Any], locale: str | None
        ) -> str:
            return f"C({key},{number})"

    app.instance("translator", Translator())
    assert render(app, "{{ __('k', {'a': 1}, 'fr') }} {{ trans_choice('k', 2) }}") == (
        "T(k,{&#39;a&#39;: 1},fr) C(k,2)"
    )


def test_errors_is_an_empty_bag_unless_shared_for_the_request(view_app: t.Any) -> None:
    app = view_app()
    factory = app.make("view")
    source = "{{ errors.any() }} {{ errors.first('title') }} {{ errors.get_bag('login').first('pw') }}"
    assert render(app, source) == "False  "
    bag = ViewErrorBag(
        {
            "default": MessageBag({"title": ["Required."]}),
            "login": MessageBag({"pw": ["No."]}),
        }
    )
    with factory.sharing({"errors": bag}):
        assert render(app, source) == "True Required. No."
        assert render(app, "{{ errors.login.first('pw') }}") == "No."
        assert (
            render(app, "{% if errors %}yes{% endif %} {{ errors|length }}") == "yes 1"
        )
    assert render(app, source) == "False  "


def test_errors_shared_in_one_thread_stay_in_that_thread(view_app: t.Any) -> None:
    app = view_app()
    factory = app.make("view")
    inside = threading.Event()
    done = threading.Event()
    seen: list[str] = []

    def other() -> None:
        inside.wait(5)
        seen.append(render(app, "{{ errors.count() }}"))
        done.set()

    thread = threading.Thread(target=other)
    thread.start()
    with factory.sharing(
        {"errors": ViewErrorBag({"default": MessageBag({"a": ["x"]})})}
    ):
        inside.set()
        done.wait(5)
        assert render(app, "{{ errors.count() }}") == "1"
    thread.join(5)
    assert seen == ["0"]
