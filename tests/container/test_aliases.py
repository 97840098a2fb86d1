"""Class aliases given by dotted path: made the first time the class is resolved."""

from __future__ import annotations

from protevus.container.container import Container


class Mailer:
    def __init__(self, transport: str = "smtp") -> None:
        self.transport = transport


PATH = f"{__name__}.Mailer"


def test_a_class_alias_by_path_reaches_the_binding() -> None:
    container = Container()
    container.singleton("mailer", lambda app: Mailer("log"))
    container.alias_class("mailer", PATH)

    assert container.bound(Mailer)
    first = container.make(Mailer)
    assert first.transport == "log"
    assert container.make(Mailer) is first is container.make("mailer")
    assert container.get_alias(Mailer) == "mailer"


def test_type_hints_reach_the_aliased_binding() -> None:
    container = Container()
    container.singleton("mailer", lambda app: Mailer("log"))
    container.alias_class("mailer", PATH)

    def send(mailer: Mailer) -> str:
        return mailer.transport

    assert container.call(send) == "log"


def test_without_the_alias_the_class_is_autowired_and_flush_forgets_it() -> None:
    container = Container()
    container.singleton("mailer", lambda app: Mailer("log"))
    container.alias_class("mailer", "elsewhere.Mailer")
    assert not container.bound(Mailer)
    assert container.make(Mailer).transport == "smtp"

    container.alias_class("mailer", PATH)
    container.flush()
    assert not container.bound(Mailer)
