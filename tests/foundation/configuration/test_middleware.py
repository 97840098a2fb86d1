"""The middleware registrar behind ``with_middleware``: Laravel's Configuration\\Middleware."""

from __future__ import annotations

import typing as t

import pytest

from protevus.foundation.configuration.middleware import DEFAULT_GLOBAL
from protevus.foundation.configuration.middleware import Middleware
from protevus.foundation.configuration.middleware import import_middleware


class First:
    def handle(self, request: t.Any, next: t.Any) -> t.Any:
        return next(request)


class Second(First):
    pass


class Third(First):
    pass


def _defaults() -> list[t.Any]:
    return [cls for cls in map(import_middleware, DEFAULT_GLOBAL) if cls is not None]


def test_global_stack_defaults_keep_laravels_order() -> None:
    names = [cls.__name__ for cls in Middleware().get_global_middleware()]
    expected = [
        "TrustProxies",
        "HandleCors",
        "PreventRequestsDuringMaintenance",
        "ValidatePostSize",
        "TrimStrings",
        "ConvertEmptyStringsToNull",
    ]
    assert names == [n for n in expected if n in names]
    assert "PreventRequestsDuringMaintenance" in names


def test_append_prepend_remove_replace_and_use() -> None:
    m = Middleware().append(First).prepend([Second]).append(First)
    stack = m.get_global_middleware()
    assert stack[0] is Second and stack[-1] is First
    assert stack.count(First) == 1
    assert stack[1:-1] == _defaults()

    m.remove(First).replace(Second, Third)
    assert First not in m.get_global_middleware()
    assert m.get_global_middleware()[0] is Second  # prepends are not replaced

    used = Middleware().use([First, Second]).replace(First, Third)
    assert used.get_global_middleware() == [Third, Second]


def test_trust_hosts_joins_the_front_of_the_stack_once_it_exists() -> None:
    plain = Middleware().get_global_middleware()
    trusting = Middleware().trust_hosts(at=["example.com"])
    assert trusting.trusted_hosts == {"at": ["example.com"], "subdomains": True}
    stack = trusting.get_global_middleware()
    trust_hosts = import_middleware("protevus.http.middleware.trust_hosts.TrustHosts")
    assert stack == ([trust_hosts, *plain] if trust_hosts else plain)


def test_web_and_api_groups_have_substitute_bindings_when_routing_exists() -> None:
    groups = Middleware().get_middleware_groups()
    assert set(groups) == {"web", "api"}
    if import_middleware(
        "protevus.routing.middleware.substitute_bindings.SubstituteBindings"
    ):
        assert [c.__name__ for c in groups["api"]] == ["SubstituteBindings"]
        assert groups["web"][-1].__name__ == "SubstituteBindings"


def test_group_changes_apply_in_laravels_order() -> None:
    # Laravel: replacements and removals touch the group's own items, then the
    # prepends and appends are added (so they are never removed or replaced).
    m = (
        Middleware()
        .group("admin", [First, Second])
        .replace_in_group("admin", First, Third)
        .remove_from_group("admin", Second)
        .append_to_group("admin", Second)
        .prepend_to_group("admin", First)
        .append_to_group("admin", First)
    )
    assert m.get_middleware_groups()["admin"] == [First, Third, Second]


def test_changes_to_an_unknown_group_create_it() -> None:
    m = Middleware().append_to_group("new", First).remove_from_group("other", First)
    groups = m.get_middleware_groups()
    assert groups["new"] == [First]
    assert groups["other"] == []


def test_web_and_api_shortcuts() -> None:
    m = Middleware().group("web", [First, Second]).web(append=[Third], prepend=Second)
    assert m.get_middleware_groups()["web"] == [Second, First, Third]
    # the group's own [First, Second] becomes [First, First], then both go.
    m.web(remove=[First], replace={Second: First})
    assert m.get_middleware_groups()["web"] == [Second, Third]
    m2 = Middleware().group("web", [First, Second]).web(remove=First)
    assert m2.get_middleware_groups()["web"] == [Second]
    m3 = Middleware().group("api", [First]).api(replace={First: Third}, append=Second)
    assert m3.get_middleware_groups()["api"] == [Third, Second]


def test_throttle_api_and_authenticate_sessions_extend_the_groups() -> None:
    groups = Middleware().throttle_api().authenticate_sessions().get_middleware_groups()
    assert groups["api"][0] == "throttle:api"
    assert groups["web"][-1] == "auth.session"
    assert Middleware().throttle_api("uploads").get_middleware_groups()["api"][0] == (
        "throttle:uploads"
    )


def test_aliases_merge_custom_over_defaults() -> None:
    aliases = (
        Middleware().alias({"role": First, "auth": Second}).get_middleware_aliases()
    )
    assert aliases["role"] is First
    assert aliases["auth"] is Second


def test_priority_list_and_insertions() -> None:
    m = Middleware().priority([First, Third])
    m.prepend_to_priority_list(Third, Second)
    assert m.get_middleware_priority() == [First, Second, Third]
    m2 = Middleware().priority([First]).append_to_priority_list(First, Third)
    m2.append_to_priority_list("missing", Second)
    assert m2.get_middleware_priority() == [First, Third, Second]
    m3 = Middleware().priority([First]).prepend_to_priority_list("missing", Third)
    assert m3.get_middleware_priority() == [Third, First]


def test_settings_are_stored_for_the_middleware_that_read_them() -> None:
    skip = lambda request: True  # noqa: E731
    m = (
        Middleware()
        .redirect_to(guests="/login", users="/home")
        .validate_csrf_tokens(except_=["stripe/*"])
        .encrypt_cookies(except_=["theme"])
        .trim_strings(except_=["secret", skip])
        .convert_empty_strings_to_null(except_=[skip])
        .prevent_requests_during_maintenance(except_=["status"])
        .trust_proxies(at="*")
        .stateful_api()
        .throttle_with_redis()
    )
    assert (m.redirect_guests, m.redirect_users) == ("/login", "/home")
    assert m.csrf_except == ["stripe/*"]
    assert m.encrypt_cookies_except == ["theme"]
    assert m.trim_strings_except == ["secret"] and m.trim_strings_skip_when == [skip]
    assert m.convert_empty_strings_skip_when == [skip]
    assert m.maintenance_except == ["status"]
    assert m.trusted_proxies == {"at": "*", "headers": None}
    assert m.stateful_api_ and m.throttle_with_redis_


def test_camel_case_aliases() -> None:
    m = Middleware()
    m.appendToGroup("web", First)
    assert m.getMiddlewareGroups()["web"][-1] is First


def test_import_middleware_skips_missing_modules_only() -> None:
    assert import_middleware("protevus.nowhere.middleware.Thing") is None
    with pytest.raises(AttributeError):
        import_middleware("protevus.foundation.configuration.middleware.Nope")
