"""The view factory: finding, making, sharing, composers (Laravel: Illuminate\\View\\Factory)."""

from __future__ import annotations

import typing as t
from pathlib import Path

import pytest

from protevus.exceptions import InvalidArgumentError
from protevus.view.exceptions import ViewError
from protevus.view.exceptions import ViewNotFoundError
from protevus.view.factory import Factory
from protevus.view.view import View


def test_make_resolves_dotted_names_to_blade_then_plain_html(view_app: t.Any) -> None:
    app = view_app(
        {
            "posts/index.blade.html": "@foreach(posts as post){{ post }};@endforeach",
            "posts/show.html": "{% for p in [title] %}<b>{{ p }}</b>{% endfor %}",
            "both.blade.html": "blade",
            "both.html": "plain",
        }
    )
    factory = app.make("view")
    assert isinstance(factory, Factory)
    assert (
        factory.make("posts.index", {"posts": ["a", "<b>"]}).render() == "a;&lt;b&gt;;"
    )
    assert factory.make("posts.show", title="<i>").render() == "<b>&lt;i&gt;</b>"
    assert factory.make("posts/show", title="x").name() == "posts/show"
    assert factory.make("both").render() == "blade"


def test_helper_data_and_keywords_merge(view_app: t.Any) -> None:
    from protevus.helpers import view

    app = view_app({"greet.blade.html": "{{ greeting }}, {{ who }}! {{ view }}"})
    assert isinstance(view(), Factory)
    assert (
        view("greet", {"greeting": "Hi", "who": "x"}, who="Ada").render() == "Hi, Ada! "
    )
    made = app.make("view").make("greet", {"greeting": "Yo"}, who="B", view="v")
    assert made.render() == "Yo, B! v"


def test_missing_view_names_the_view_and_the_files_looked_for(
    view_app: t.Any, tmp_path: Path
) -> None:
    factory = view_app({"posts/show.blade.html": ""}).make("view")
    with pytest.raises(ViewNotFoundError) as caught:
        factory.make("posts.shwo")
    message = str(caught.value)
    assert message.startswith("View [posts.shwo] not found.")
    assert str(tmp_path / "resources/views/posts/shwo.blade.html") in message
    assert str(tmp_path / "resources/views/posts/shwo.html") in message
    assert isinstance(caught.value, InvalidArgumentError)
    assert isinstance(caught.value, ViewError)


@pytest.mark.parametrize(
    ("name", "fragment"),
    [
        ("", "has an invalid name"),
        ("a::b::c", "has an invalid name"),
        ("nope::welcome", "No hint path defined for [nope]."),
        ("../secrets.html", "'..' segments are not allowed"),
        ("../secrets", "secrets] not found."),
    ],
)
def test_bad_names_are_clear_errors(view_app: t.Any, name: str, fragment: str) -> None:
    factory = view_app({"a.blade.html": ""}).make("view")
    with pytest.raises(
        ViewNotFoundError, match=fragment.replace("[", r"\[").replace("]", r"\]")
    ):
        factory.make(name)
    assert factory.exists(name) is False


def test_non_mapping_data_is_rejected(view_app: t.Any) -> None:
    factory = view_app({"a.blade.html": ""}).make("view")
    with pytest.raises(
        InvalidArgumentError, match=r"View data must be a mapping, got \[int\]"
    ):
        factory.make("a", 3)  # type: ignore[arg-type]


def test_exists_and_first(view_app: t.Any) -> None:
    factory = view_app(
        {"custom/admin.blade.html": "custom {{ x }}", "admin.html": "admin"}
    ).make("view")
    assert factory.exists("custom.admin") and factory.exists("admin")
    assert not factory.exists("missing.view")
    assert (
        factory.first(["missing", "custom.admin", "admin"], {"x": 1}).render()
        == "custom 1"
    )
    with pytest.raises(
        ViewNotFoundError, match=r"None of the views in the given array exist"
    ):
        factory.first(["nope", "neither"])


def test_share_reaches_every_view_and_view_data_wins(view_app: t.Any) -> None:
    factory = view_app({"a.blade.html": "{{ site }}/{{ year }}"}).make("view")
    assert factory.share("site", "Shop") == "Shop"
    factory.share({"year": 2026})
    assert factory.make("a").render() == "Shop/2026"
    assert factory.make("a", site="Own").render() == "Own/2026"
    assert factory.shared("site") == "Shop" and factory.shared("nope", 1) == 1
    assert factory.get_shared() == {"site": "Shop", "year": 2026}


def test_sharing_is_scoped_to_the_block(view_app: t.Any) -> None:
    factory = view_app({"a.blade.html": "{{ who }}"}).make("view")
    factory.share("who", "everyone")
    with factory.sharing({"who": "this request"}):
        assert factory.make("a").render() == "this request"
    assert factory.make("a").render() == "everyone"


class CountComposer:
    def __init__(self) -> None:
        self.calls = 0

    def compose(self, view: View) -> None:
        self.calls += 1
        view.with_("count", self.calls)


def test_composers_with_names_wildcards_and_classes(view_app: t.Any) -> None:
    app = view_app(
        {
            "posts/index.blade.html": "{{ order|join(',') }} {{ count }}",
            "posts/show.blade.html": "{{ order|join(',') }}",
            "home.blade.html": "{{ order|join(',') }}",
        }
    )
    factory = app.make("view")
    calls: list[str] = []

    def add(label: str) -> t.Callable[[View], None]:
        def composer(view: View) -> None:
            calls.append(f"{label}:{view.name()}")
            view.with_("order", [*view.get_data().get("order", []), label])

        return composer

    factory.composer("*", add("star"))
    factory.composer("posts.*", add("posts"))
    factory.composer(["posts.index", "home"], add("exact"))
    app.singleton(CountComposer)
    factory.composer("posts.index", CountComposer)
    assert factory.make("posts.index").render() == "exact,star,posts 1"
    assert factory.make("posts.show").render() == "star,posts"
    assert factory.make("home").render() == "exact,star"
    assert factory.make("posts.index").render().endswith(" 2")
    assert "star:home" in calls


def test_composer_class_by_dotted_path_and_method(view_app: t.Any) -> None:
    factory = view_app(
        {"a.blade.html": "{{ count }}"},
        files={
            "factory_composers/counter.py": (
                "class Counter:\n"
                "    def compose(self, view):\n"
                "        view.with_('count', 'composed')\n"
                "    def other(self, view):\n"
                "        view.with_('count', 'other')\n"
            )
        },
    ).make("view")
    import sys

    sys.path.insert(0, str(Path(factory.get_finder().get_paths()[0]).parents[1]))
    try:
        factory.composer("a", "factory_composers.counter.Counter")
        assert factory.make("a").render() == "composed"
        factory.flush_composers()
        factory.composer("a", "factory_composers.counter.Counter@other")
        assert factory.make("a").render() == "other"
    finally:
        sys.path.pop(0)
        # a package name of its own: the showcase's `app` may already be imported
        for name in [m for m in sys.modules if m.startswith("factory_composers")]:
            del sys.modules[name]


def test_composer_errors_are_clear(view_app: t.Any) -> None:
    factory = view_app({"a.blade.html": ""}).make("view")
    with pytest.raises(
        InvalidArgumentError, match=r"View composer \[3\] is not callable"
    ):
        factory.composer("a", 3)

    class NoCompose:
        pass

    factory.composer("a", NoCompose)
    with pytest.raises(ViewError, match=r"has no \[compose\] method"):
        factory.make("a").render()


def test_creators_run_at_make_time(view_app: t.Any) -> None:
    factory = view_app({"a.blade.html": "{{ made }}"}).make("view")
    factory.creator("a", lambda view: view.with_("made", "yes"))
    view = factory.make("a")
    assert view.get_data() == {"made": "yes"}
    assert factory.make("a", made="data").render() == "yes"


def test_namespaces_and_extra_locations(view_app: t.Any, tmp_path: Path) -> None:
    mail = tmp_path / "packages" / "mail"
    (mail / "partials").mkdir(parents=True)
    (mail / "welcome.blade.html").write_text(
        "Hi {{ name }} @include('mail::partials.sig')"
    )
    (mail / "partials" / "sig.blade.html").write_text("-- team")
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "late.html").write_text("late")
    factory = view_app({"home.blade.html": "home"}).make("view")
    factory.add_namespace("mail", str(mail))
    factory.add_location(str(extra))
    assert factory.make("mail::welcome", name="Ada").render() == "Hi Ada -- team"
    assert factory.exists("mail::welcome") and not factory.exists("mail::nope")
    assert factory.make("late").render() == "late"
    override = tmp_path / "override"
    override.mkdir()
    (override / "welcome.blade.html").write_text("overridden")
    factory.prepend_namespace("mail", str(override))
    assert factory.make("mail::welcome").render() == "overridden"
    factory.replace_namespace("mail", [str(mail)])
    assert factory.make("mail::welcome", name="B").render() == "Hi B -- team"
    with pytest.raises(ValueError, match=r"View namespace \[a::b\] is invalid"):
        factory.add_namespace("a::b", str(mail))


def test_file_renders_a_template_outside_the_view_paths(
    view_app: t.Any, tmp_path: Path
) -> None:
    outside = tmp_path / "outside.blade.html"
    outside.write_text("@if(ok)\nyes\n@endif\n")
    factory = view_app({"a.blade.html": ""}).make("view")
    assert factory.file(str(outside), {"ok": True}).render().strip() == "yes"
    with pytest.raises(
        ViewNotFoundError, match=r"View file \[.*missing.html\] not found"
    ):
        factory.file(str(tmp_path / "missing.html"))


def test_render_each_when_and_unless(view_app: t.Any) -> None:
    factory = view_app(
        {"row.blade.html": "[{{ key }}={{ item }}]", "none.blade.html": "nothing"}
    ).make("view")
    assert factory.render_each("row", ["a", "b"], "item") == "[0=a][1=b]"
    assert factory.render_each("row", {"x": 1}, "item") == "[x=1]"
    assert factory.render_each("row", [], "item", "raw|<i>empty</i>") == "<i>empty</i>"
    assert factory.render_each("row", [], "item", "none") == "nothing"
    assert factory.render_when(True, "none") == "nothing"
    assert factory.render_unless(True, "none") == ""


def test_views_are_cached_by_name_in_production_and_looked_up_again_in_debug(
    view_app: t.Any, tmp_path: Path
) -> None:
    factory = view_app({"page.html": "plain"}, debug=True).make("view")
    assert factory.make("page").render() == "plain"
    (tmp_path / "resources/views/page.blade.html").write_text("blade")
    assert factory.make("page").render() == "blade"
