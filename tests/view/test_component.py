"""The class-component base (Laravel: Illuminate\\View\\Component)."""

from __future__ import annotations

import typing as t

import pytest

from protevus.view.component import Component
from protevus.view.component import InvokableComponentVariable
from protevus.view.component_attribute_bag import ComponentAttributeBag


class Alert(Component):
    except_ = ("secret",)
    level = "info"

    def __init__(
        self, type: str = "info", message_type: str = "", *, extra: int = 0
    ) -> None:
        self.type = type
        self.message_type = message_type
        self.secret = "hidden"
        self._private = 1

    @property
    def upper(self) -> str:
        return self.type.upper()

    def label(self) -> str:
        return f"[{self.type}]"

    def is_selected(self, value: str) -> bool:
        return value == self.type

    def _helper(self) -> None:
        pass

    def render(self) -> str:
        return "components.alert"


def test_data_exposes_public_attributes_properties_and_methods() -> None:
    alert = Alert("error")
    alert.with_name("alert").with_attributes({"class": "x"})
    data = alert.data()
    assert set(data) == {
        "type",
        "message_type",
        "level",
        "upper",
        "label",
        "is_selected",
        "attributes",
    }
    assert data["upper"] == "ERROR" and data["level"] == "info"
    assert data["is_selected"]("error") is True
    assert isinstance(data["attributes"], ComponentAttributeBag)
    assert data["attributes"].all() == {"class": "x"}
    assert alert.component_name == "alert"


def test_methods_without_arguments_work_with_or_without_a_call() -> None:
    label = Alert("warn").data()["label"]
    assert isinstance(label, InvokableComponentVariable)
    assert str(label) == "[warn]" and label() == "[warn]" and label == "[warn]"
    assert bool(label) and list(label)[0] == "[" and label.upper() == "[WARN]"
    assert label.resolve_displayable_value() == "[warn]"


def test_defaults_and_errors() -> None:
    class Plain(Component):
        pass

    plain = Plain()
    assert plain.should_render() is True
    assert plain.data() == {"attributes": ComponentAttributeBag()}
    assert Alert.ignored_parameter_names() == ["type", "message_type", "extra"]
    assert Plain.ignored_parameter_names() == []
    with pytest.raises(NotImplementedError, match=r"must define render\(\)"):
        plain.render()
    assert Alert().resolve_view() == "components.alert"


def test_with_attributes_merges_a_passed_bag() -> None:
    alert = Alert()
    outer = ComponentAttributeBag({"class": "a"})
    alert.with_attributes(t.cast(dict, {"attributes": outer, "class": "b"}))
    assert alert.attributes is not None and alert.attributes.all() == {"class": "b a"}
