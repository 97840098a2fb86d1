import pytest

from protevus.support.macroable import Macroable


class Greeter(Macroable):
    def __init__(self, name: str) -> None:
        self.name = name


@pytest.fixture(autouse=True)
def _flush() -> None:
    yield
    Greeter.flush_macros()


def test_macro_receives_the_instance_like_this() -> None:
    Greeter.macro("greet", lambda self, greeting="Hello": f"{greeting}, {self.name}")
    assert Greeter("Taylor").greet() == "Hello, Taylor"
    assert Greeter("Taylor").greet("Hi") == "Hi, Taylor"


def test_snake_case_macros_answer_to_camel_case() -> None:
    Greeter.macro("shout_name", lambda self: self.name.upper())
    assert Greeter("abc").shoutName() == "ABC"
    assert Greeter.has_macro("shout_name")
    assert Greeter.hasMacro("shoutName")


def test_flush_macros_removes_them() -> None:
    Greeter.macro("temp", lambda self: 1)
    Greeter.flush_macros()
    assert not Greeter.has_macro("temp")
    assert not hasattr(Greeter("x"), "temp")


def test_mixin_registers_public_methods() -> None:
    class Extras:
        def initials(self) -> str:
            return self.name[0]  # type: ignore[attr-defined]

        def _hidden(self) -> None: ...

    Greeter.mixin(Extras)
    assert Greeter("Taylor").initials() == "T"
    assert not Greeter.has_macro("_hidden")


def test_non_callable_macro_is_rejected() -> None:
    with pytest.raises(TypeError, match=r"Macro \[x\] on \[Greeter\] must be callable"):
        Greeter.macro("x", 3)  # type: ignore[arg-type]


def test_macros_on_a_subclass_do_not_leak_to_the_parent() -> None:
    class Child(Greeter):
        pass

    Child.macro("only_child", lambda self: "child")
    assert Child("a").only_child() == "child"
    assert not Greeter.has_macro("only_child")
    Child.flush_macros()


def test_a_macro_never_replaces_a_real_method() -> None:
    class Repo(Macroable):
        def get(self) -> str:
            return "real"

        def get_many(self) -> str:
            return "real many"

    with pytest.raises(ValueError, match=r"would replace the method \[get\]"):
        Repo.macro("get", lambda self: "macro")
    Repo.flush_macros()
    assert Repo().get() == "real"


def test_a_macro_may_be_redefined() -> None:
    Greeter.macro("twice", lambda self: 1)
    Greeter.macro("twice", lambda self: 2)
    assert Greeter("x").twice() == 2
