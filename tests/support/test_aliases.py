from protevus.support.aliases import CamelAliases
from protevus.support.aliases import camel_aliases
from protevus.support.aliases import camel_name


def test_camel_name_of_snake_case_names() -> None:
    assert camel_name("where_in") == "whereIn"
    assert camel_name("get_result_array") == "getResultArray"
    assert camel_name("first_or_fail") == "firstOrFail"


def test_no_alias_for_private_single_word_or_keyword_names() -> None:
    assert camel_name("_private") is None
    assert camel_name("get") is None
    assert camel_name("with_") is None
    assert camel_name("except_") is None


class Query(CamelAliases):
    def __init__(self) -> None:
        self.calls: list[str] = []

    def order_by(self, column: str) -> "Query":
        self.calls.append(f"order_by {column}")
        return self

    @classmethod
    def find_or_fail(cls, key: int) -> int:
        return key

    @staticmethod
    def to_sql_string() -> str:
        return "select"

    @property
    def is_empty(self) -> bool:
        return not self.calls


def test_methods_classmethods_staticmethods_and_properties_get_twins() -> None:
    q = Query()
    assert q.is_empty is True
    assert q.orderBy("name") is q  # type: ignore[attr-defined]
    assert q.calls == ["order_by name"]
    assert q.isEmpty is False  # type: ignore[attr-defined]
    assert Query.findOrFail(3) == 3  # type: ignore[attr-defined]
    assert Query.toSqlString() == "select"  # type: ignore[attr-defined]


class SubQuery(Query):
    def order_by(self, column: str) -> "SubQuery":
        self.calls.append(f"sub {column}")
        return self


def test_alias_follows_the_override_in_a_subclass() -> None:
    q = SubQuery()
    q.orderBy("x")  # type: ignore[attr-defined]
    assert q.calls == ["sub x"]


def test_an_explicit_camel_case_name_is_never_replaced() -> None:
    class Explicit(CamelAliases):
        def where_in(self) -> str:
            return "snake"

        def whereIn(self) -> str:  # noqa: N802
            return "camel"

    assert Explicit().whereIn() == "camel"


def test_decorator_form_for_classes_that_cannot_inherit() -> None:
    @camel_aliases
    class Plain:
        def save_many(self) -> str:
            return "saved"

    assert Plain().saveMany() == "saved"  # type: ignore[attr-defined]
