"""The component attribute bag and slots (Laravel: ComponentAttributeBag, ComponentSlot tests)."""

from __future__ import annotations

import pytest
from markupsafe import Markup
from markupsafe import escape

from protevus.view.component_attribute_bag import ComponentAttributeBag
from protevus.view.component_attribute_bag import prop_spellings
from protevus.view.component_slot import ComponentSlot


def test_prints_escaped_pairs_bare_true_and_skips_false_and_none() -> None:
    bag = ComponentAttributeBag(
        {
            "class": "btn",
            "title": '"><script>alert(1)</script>',
            "required": True,
            "disabled": False,
            "hidden": None,
            "data-id": 5,
            "x-on:click": "open = !open",
        }
    )
    html = str(bag)
    assert html == (
        'class="btn" title="&#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt;" required '
        'data-id="5" x-on:click="open = !open"'
    )
    assert bag.__html__() == html == bag.to_html()
    assert escape(bag) == Markup(html)


def test_markup_values_are_not_escaped_twice_but_quotes_are() -> None:
    bag = ComponentAttributeBag(
        {"title": Markup("a &amp; b"), "alt": Markup('say "hi"')}
    )
    assert str(bag) == 'title="a &amp; b" alt="say &quot;hi&quot;"'
    assert str(ComponentAttributeBag()) == ""


def test_merge_appends_class_and_style_and_defaults_others() -> None:
    bag = ComponentAttributeBag(
        {"class": "mt-4", "type": "submit", "style": "color: red"}
    )
    merged = bag.merge(
        {"class": "btn", "type": "button", "id": "save", "style": "margin: 0;"}
    )
    assert merged.get_attributes() == {
        "class": "btn mt-4",
        "type": "submit",
        "id": "save",
        "style": "margin: 0; color: red;",
    }
    assert list(merged) == ["class", "type", "id", "style"]
    assert ComponentAttributeBag().merge({"class": "btn"})["class"] == "btn"
    assert (
        ComponentAttributeBag({"class": "btn"}).merge({"class": "btn"})["class"]
        == "btn"
    )
    assert bag({"class": "x"})["class"] == "x mt-4"  # invoking a bag merges
    assert bag["class"] == "mt-4"  # merge returns a new bag


def test_merge_keeps_markup_of_given_values_and_escapes_the_rest() -> None:
    bag = ComponentAttributeBag({"class": Markup("a&amp;b")})
    merged = bag.merge({"class": "x<y"})
    assert str(merged) == 'class="x&lt;y a&amp;b"'


def test_prepends_puts_the_default_before_the_given_value() -> None:
    bag = ComponentAttributeBag({"data-controller": "user"})
    merged = bag.merge({"data-controller": bag.prepends("profile")})
    assert merged["data-controller"] == "profile user"
    alone = ComponentAttributeBag().merge({"data-controller": bag.prepends("profile")})
    assert alone["data-controller"] == "profile"


def test_class_and_style_take_conditional_lists_and_dicts() -> None:
    bag = ComponentAttributeBag({"class": "mt-4"})
    assert str(bag.class_({"p-4": True, "bg-red": False})) == 'class="p-4 mt-4"'
    assert (
        str(bag.class_(["p-4", {"font-bold": True, "hidden": 0}]))
        == 'class="p-4 font-bold mt-4"'
    )
    styled = ComponentAttributeBag().style(["color: red", {"display: none": False}])
    assert str(styled) == 'style="color: red;"'


def test_narrowing_and_reading() -> None:
    bag = ComponentAttributeBag(
        {"wire:model": "name", "wire:key": "k", "class": "x", "id": "a"}
    )
    assert bag.only("class").get_attributes() == {"class": "x"}
    assert bag.only(["class", "id"]).all() == {"class": "x", "id": "a"}
    assert bag.except_(["class", "id"]).all() == {"wire:model": "name", "wire:key": "k"}
    assert bag.where_starts_with("wire:").all() == {
        "wire:model": "name",
        "wire:key": "k",
    }
    assert bag.whereStartsWith("wire:model").all() == {"wire:model": "name"}
    assert bag.where_doesnt_start_with("wire:").all() == {"class": "x", "id": "a"}
    assert bag.that_start_with("id").all() == {"id": "a"}
    assert bag.filter(lambda value, key: value == "x").all() == {"class": "x"}
    assert bag.has("class") and bag.has(["class", "id"]) and not bag.has(["class", "z"])
    assert bag.has_any(["z", "id"]) and not bag.has_any(["z"])
    assert bag.missing("z") and not bag.missing("id")
    assert bag.get("id") == "a" and bag.get("z", "d") == "d" and bag.first() == "name"
    assert ComponentAttributeBag().first("none") == "none"
    assert "id" in bag and len(bag) == 4 and bag.is_not_empty()
    assert ComponentAttributeBag().is_empty() and not ComponentAttributeBag()
    assert bag == {"wire:model": "name", "wire:key": "k", "class": "x", "id": "a"}
    with pytest.raises(KeyError):
        bag["missing"]


def test_props_match_every_spelling() -> None:
    assert prop_spellings(["message_type"]) == [
        "message_type",
        "message-type",
        "messageType",
    ]
    bag = ComponentAttributeBag({"message-type": "e", "messageType": "f", "class": "x"})
    assert bag.except_props(["message_type"]).all() == {"class": "x"}
    assert bag.only_props(["message_type"]).all() == {
        "message-type": "e",
        "messageType": "f",
    }


def test_set_attributes_merges_a_passed_bag() -> None:
    parent = ComponentAttributeBag({"class": "outer", "id": "p"})
    bag = ComponentAttributeBag()
    bag.set_attributes({"attributes": parent, "class": "inner", "type": "button"})
    assert bag.all() == {"class": "inner outer", "type": "button", "id": "p"}


def test_bag_is_macroable() -> None:
    ComponentAttributeBag.macro("ids", lambda self: self.where_starts_with("id"))
    try:
        assert ComponentAttributeBag({"id": 1, "x": 2}).ids().all() == {"id": 1}
    finally:
        ComponentAttributeBag.flush_macros()


def test_slot_contents_emptiness_and_attributes() -> None:
    slot = ComponentSlot("<b>hi</b>", {"class": "x"})
    assert escape(slot) == Markup("<b>hi</b>") and str(slot) == "<b>hi</b>"
    assert slot.to_html() == Markup("<b>hi</b>")
    assert str(slot.attributes) == 'class="x"'
    assert slot.is_not_empty() and not slot.is_empty() and bool(slot)
    assert slot.has_actual_content() and slot == "<b>hi</b>"
    comment = ComponentSlot("  <!-- nothing -->\n ")
    assert comment.is_not_empty() and not comment.has_actual_content()
    assert comment.has_actual_content(lambda text: text.strip())
    empty = ComponentSlot()
    assert empty.is_empty() and not empty and empty.attributes.is_empty()
    assert empty.with_attributes({"id": "a"}).attributes.all() == {"id": "a"}
    assert empty.isEmpty() and repr(empty) == "ComponentSlot('')"
