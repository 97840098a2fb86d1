"""Application: bootstrapping, paths, environment, providers, callbacks."""

from __future__ import annotations

import os
import typing as t

import pytest

from protevus.config.repository import Repository
from protevus.facades import App
from protevus.facades import Config
from protevus.foundation import Application
from protevus.foundation import DeferrableProvider
from protevus.foundation import ServiceProvider
from protevus.foundation.exceptions import ProviderError
from protevus.support.facades.facade import Facade
from protevus.support.facades.facade import FacadeError


class Billing:
    def __init__(self, currency: str = "EUR") -> None:
        self.currency = currency


class BillingProvider(ServiceProvider):
    booted_with: t.ClassVar[list[t.Any]] = []

    def register(self) -> None:
        self.app.singleton("billing", lambda app: Billing())

    def boot(self, app: Application) -> None:
        BillingProvider.booted_with.append(app)


class Heavy:
    built = 0

    def __init__(self) -> None:
        Heavy.built += 1


class HeavyProvider(DeferrableProvider, ServiceProvider):
    registered = 0

    def register(self) -> None:
        HeavyProvider.registered += 1
        self.app.singleton("heavy", lambda app: Heavy())

    def provides(self) -> list[str]:
        return ["heavy"]


def test_create_loads_env_and_config_and_sets_the_facade_root(make_app: t.Any) -> None:
    app = make_app(env="APP_NAME=Shop\nAPP_ENV=staging\nAPP_DEBUG=true\n")
    assert isinstance(app, Application)
    assert Config.get("app.name") == "Shop"
    assert Config.get("app.debug") is True
    assert app.environment() == "staging"
    assert App.environment("local", "staging") is True
    assert app.environment(["prod*", "stag*"]) is True
    assert app.environment("production") is False
    assert Facade.get_facade_application() is app


def test_an_empty_app_runs_on_the_framework_defaults(make_app: t.Any) -> None:
    app = make_app()
    assert app.make("config").get("app.env") == "production"
    assert app.make("config").get("database.default") == "sqlite"
    assert app.is_production()
    assert app.has_debug_mode_enabled() is False


def test_config_files_override_defaults(make_app: t.Any) -> None:
    make_app(config={"app": "config = {'name': 'Blog', 'timezone': 'Europe/Paris'}"})
    assert Config.get("app.name") == "Blog"
    assert Config.get("app.timezone") == "Europe/Paris"
    assert Config.get("app.locale") == "en"  # default kept


def test_paths_follow_laravel_layout(make_app: t.Any, tmp_path: t.Any) -> None:
    app = make_app()
    base = str(tmp_path)
    assert app.base_path() == base
    assert app.base_path("artisan.py") == os.path.join(base, "artisan.py")
    assert app.storage_path("logs") == os.path.join(base, "storage", "logs")
    assert app.database_path() == os.path.join(base, "database")
    assert app.config_path("app.py") == os.path.join(base, "config", "app.py")
    assert app.resource_path("views") == os.path.join(base, "resources", "views")
    assert app.public_path() == os.path.join(base, "public")
    assert app.app_path("models") == os.path.join(base, "app", "models")
    app.use_storage_path(os.path.join(base, "elsewhere"))
    assert app.storage_path("x") == os.path.join(base, "elsewhere", "x")


def test_providers_register_then_boot_with_injection(make_app: t.Any) -> None:
    BillingProvider.booted_with.clear()
    app = make_app(providers=[BillingProvider])
    assert isinstance(app.make("billing"), Billing)
    assert app.make("billing") is app.make("billing")
    assert BillingProvider.booted_with == [app]
    assert app.provider_is_loaded(BillingProvider)
    assert isinstance(app.get_provider(BillingProvider), BillingProvider)


def test_registering_twice_returns_the_first_instance(make_app: t.Any) -> None:
    app = make_app(providers=[BillingProvider])
    first = app.get_provider(BillingProvider)
    assert app.register(BillingProvider) is first
    assert app.register(BillingProvider, force=True) is not first


def test_a_provider_registered_after_boot_is_booted_at_once(make_app: t.Any) -> None:
    BillingProvider.booted_with.clear()
    app = make_app()
    assert app.is_booted()
    app.register(BillingProvider)
    assert BillingProvider.booted_with == [app]


def test_bindings_and_singletons_attributes(make_app: t.Any) -> None:
    class AttrProvider(ServiceProvider):
        bindings = {"made": Billing}
        singletons = {"shared": Billing}

    app = make_app(providers=[AttrProvider])
    assert app.make("made") is not app.make("made")
    assert app.make("shared") is app.make("shared")


def test_deferred_provider_loads_on_first_make(make_app: t.Any) -> None:
    HeavyProvider.registered = 0
    Heavy.built = 0
    app = make_app(providers=[HeavyProvider])
    assert HeavyProvider.registered == 0
    assert app.bound("heavy")
    assert app.is_deferred_service("heavy")
    heavy = app.make("heavy")
    assert isinstance(heavy, Heavy)
    assert HeavyProvider.registered == 1
    assert app.make("heavy") is heavy
    assert not app.is_deferred_service("heavy")


def test_deferred_provider_without_services_is_an_error(make_app: t.Any) -> None:
    class Empty(DeferrableProvider, ServiceProvider):
        pass

    with pytest.raises(ProviderError, match=r"provides no services"):
        make_app(providers=[Empty])


def test_provider_by_dotted_path_and_bad_paths(make_app: t.Any) -> None:
    app = make_app(providers=[f"{__name__}.BillingProvider"])
    assert app.provider_is_loaded(BillingProvider)
    with pytest.raises(ProviderError, match=r"\[nope\.Missing\] cannot be imported"):
        app.register("nope.Missing")
    with pytest.raises(ProviderError, match=r"is not a service provider"):
        app.register(Billing)  # type: ignore[arg-type]


def test_bootstrap_providers_file_is_read(make_app: t.Any, tmp_path: t.Any) -> None:
    (tmp_path / "bootstrap").mkdir()
    (tmp_path / "bootstrap" / "providers.py").write_text(
        f"from {__name__} import BillingProvider\nproviders = [BillingProvider]\n"
    )
    app = make_app()
    assert app.provider_is_loaded(BillingProvider)


def test_bad_bootstrap_providers_file(make_app: t.Any, tmp_path: t.Any) -> None:
    (tmp_path / "bootstrap").mkdir()
    (tmp_path / "bootstrap" / "providers.py").write_text("providers = 'oops'\n")
    with pytest.raises(ProviderError, match=r"must define a list named \[providers\]"):
        make_app()


def test_booting_booted_and_terminating_callbacks(make_app: t.Any) -> None:
    events: list[str] = []
    app = make_app(
        booting=lambda: events.append("booting"),
        booted=lambda: events.append("booted"),
    )
    assert events == ["booting", "booted"]
    app.booted(lambda: events.append("late"))
    assert events[-1] == "late"
    app.terminating(lambda: events.append("term1"))
    app.terminating(lambda app: events.append(f"term2 {type(app).__name__}"))

    def injected(config: Repository) -> None:
        events.append(f"term3 {type(config).__name__}")

    app.terminating(injected)
    app.terminate()
    assert events[-3:] == ["term1", "term2 Application", "term3 Repository"]
    app.terminate()  # the same callbacks run again (their call plans are cached)
    assert events[-3:] == ["term1", "term2 Application", "term3 Repository"]


def test_a_second_app_never_sees_the_first_apps_services(
    make_app: t.Any, tmp_path: t.Any
) -> None:
    first = make_app(providers=[BillingProvider])
    assert App.make("billing") is first.make("billing")
    second = Application.configure(tmp_path / "other").create()
    assert Facade.get_facade_application() is second
    assert App.bound("billing") is False
    with pytest.raises(FacadeError, match=r"no service is bound"):
        from protevus.facades import Mail  # the mail component is not built yet

        Mail.send("x")


def test_facade_without_application_explains_the_fix() -> None:
    from protevus.facades import Cache

    with pytest.raises(FacadeError, match=r"A facade root has not been set"):
        Cache.get("x")


def test_version_and_locale(make_app: t.Any) -> None:
    app = make_app()
    assert app.version() == Application.VERSION
    assert app.get_locale() == "en"
    app.set_locale("fr")
    assert app.is_locale("fr")


class NeedsHeavy:
    def __init__(self, heavy: Heavy) -> None:
        self.heavy = heavy


class HeavyByClassProvider(DeferrableProvider, ServiceProvider):
    def register(self) -> None:
        self.app.singleton(Heavy, lambda app: Heavy())

    def provides(self) -> list[t.Any]:
        return [Heavy]


def test_deferred_service_loads_when_autowired(make_app: t.Any) -> None:
    app = make_app(providers=[HeavyByClassProvider])
    assert not app.provider_is_loaded(HeavyByClassProvider)
    built = app.make(NeedsHeavy)
    assert app.provider_is_loaded(HeavyByClassProvider)
    assert built.heavy is app.make(Heavy)


def test_resolve_path_sends_storage_paths_through_storage_path(
    make_app: t.Any, tmp_path: t.Any
) -> None:
    app = make_app()
    assert app.resolve_path("database/x.sqlite") == os.path.join(
        str(tmp_path), "database/x.sqlite"
    )
    assert app.resolve_path("/abs/file") == "/abs/file"
    app.use_storage_path(str(tmp_path / "elsewhere"))
    assert app.resolve_path("storage/logs/protevus.log") == os.path.join(
        str(tmp_path), "elsewhere", "logs/protevus.log"
    )


def test_logs_follow_a_moved_storage_directory(tmp_path: t.Any) -> None:
    os.environ["PROTEVUS_STORAGE_PATH"] = str(tmp_path / "store")
    (tmp_path / ".env").write_text("LOG_CHANNEL=single\n")
    app = Application.configure(tmp_path).create()
    app.make("log").info("moved")
    app.make("log").close()
    assert "moved" in (tmp_path / "store" / "logs" / "protevus.log").read_text()


def test_provider_booted_when_registered_during_boot(make_app: t.Any) -> None:
    booted: list[str] = []

    class Late(ServiceProvider):
        def boot(self) -> None:
            booted.append("late")

    class Lazy(DeferrableProvider, ServiceProvider):
        def register(self) -> None:
            self.app.singleton("lazy", lambda app: object())

        def boot(self) -> None:
            booted.append("lazy")

        def provides(self) -> list[str]:
            return ["lazy"]

    class Early(ServiceProvider):
        def boot(self) -> None:
            self.app.make("lazy")
            self.app.register(Late)

    make_app(providers=[Lazy, Early])
    assert booted == ["lazy", "late"]


def test_concurrent_first_make_of_a_deferred_service(make_app: t.Any) -> None:
    import threading
    import time

    class Slow(DeferrableProvider, ServiceProvider):
        def register(self) -> None:
            time.sleep(0.05)
            self.app.singleton("mailer", lambda app: object())

        def provides(self) -> list[str]:
            return ["mailer"]

    app = make_app(providers=[Slow])
    results: list[t.Any] = []
    errors: list[BaseException] = []

    def worker() -> None:
        try:
            results.append(app.make("mailer"))
        except BaseException as exc:  # noqa: BLE001 - collected for the assertion
            errors.append(exc)

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert errors == []
    assert len({id(r) for r in results}) == 1


def test_deferred_provider_loads_on_its_event(make_app: t.Any) -> None:
    class Dispatcher:
        def __init__(self) -> None:
            self.listeners: dict[str, list[t.Any]] = {}

        def listen(self, event: str, listener: t.Any) -> None:
            self.listeners.setdefault(event, []).append(listener)

        def dispatch(self, event: str) -> None:
            for listener in self.listeners.get(event, []):
                listener(event)

    class OnEvent(DeferrableProvider, ServiceProvider):
        def register(self) -> None:
            self.app.instance("on.event", True)

        def provides(self) -> list[str]:
            return ["on.event"]

        def when(self) -> list[str]:
            return ["user.registered"]

    class Events(ServiceProvider):
        def register(self) -> None:
            self.app.singleton("events", lambda app: Dispatcher())

    app = make_app(providers=[OnEvent, Events])
    assert not app.provider_is_loaded(OnEvent)
    app.make("events").dispatch("user.registered")
    assert app.provider_is_loaded(OnEvent)
