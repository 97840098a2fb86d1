"""Contextual bindings: ``when().needs().give()`` (Laravel's ContextualBindingTest)."""

from __future__ import annotations

import typing as t

import pytest

from protevus.container.container import Container


class Filesystem(t.Protocol):
    def name(self) -> str: ...


class LocalFilesystem:
    def name(self) -> str:
        return "local"


class S3Filesystem:
    def name(self) -> str:
        return "s3"


class PhotoController:
    def __init__(self, files: Filesystem) -> None:
        self.files = files


class VideoController:
    def __init__(self, files: Filesystem) -> None:
        self.files = files


class UploadController:
    def __init__(self, files: Filesystem) -> None:
        self.files = files

    def store(self, files: Filesystem) -> str:
        return files.name()


class Mailer:
    def __init__(self, host: str, port: int = 25, timeout: float | None = None) -> None:
        self.host = host
        self.port = port
        self.timeout = timeout


class Filter:
    def __init__(self, label: str = "filter") -> None:
        self.label = label


class NullFilter(Filter):
    pass


class ProfanityFilter(Filter):
    pass


class Firewall:
    def __init__(self, *filters: Filter) -> None:
        self.filters = filters


class Reports:
    def __init__(self, reports: list[t.Any]) -> None:
        self.reports = reports


class Settings:
    def __init__(self, values: dict[str, t.Any]) -> None:
        self.values = values

    def get(self, key: str, default: t.Any = None) -> t.Any:
        return self.values.get(key, default)


class Timezone:
    def __init__(self, zone: str, fallback: str) -> None:
        self.zone = zone
        self.fallback = fallback


class NeedsFactoryBuilt:
    def __init__(self, files: Filesystem) -> None:
        self.files = files


class Gallery:
    def __init__(self, files: Filesystem, thumbs: NeedsFactoryBuilt) -> None:
        self.files = files
        self.thumbs = thumbs


@pytest.fixture
def c() -> Container:
    return Container()


def test_different_classes_get_different_implementations(c: Container) -> None:
    c.bind(Filesystem, LocalFilesystem)
    c.when(VideoController).needs(Filesystem).give(S3Filesystem)
    assert c.make(PhotoController).files.name() == "local"
    assert c.make(VideoController).files.name() == "s3"


def test_give_a_factory(c: Container) -> None:
    c.when(PhotoController).needs(Filesystem).give(lambda app: S3Filesystem())
    c.when(VideoController).needs(Filesystem).give(lambda: LocalFilesystem())
    assert c.make(PhotoController).files.name() == "s3"
    assert c.make(VideoController).files.name() == "local"


def test_give_an_instance(c: Container) -> None:
    files = LocalFilesystem()
    c.when(PhotoController).needs(Filesystem).give(files)
    assert c.make(PhotoController).files is files


def test_give_a_bound_key(c: Container) -> None:
    c.singleton("files.s3", S3Filesystem)
    c.when(PhotoController).needs(Filesystem).give("files.s3")
    assert c.make(PhotoController).files is c.make("files.s3")


def test_when_accepts_several_classes(c: Container) -> None:
    c.when([PhotoController, VideoController]).needs(Filesystem).give(S3Filesystem)
    assert c.make(PhotoController).files.name() == "s3"
    assert c.make(VideoController).files.name() == "s3"


def test_when_accepts_a_class_path(c: Container) -> None:
    c.when(f"{__name__}.PhotoController").needs(Filesystem).give(S3Filesystem)
    assert c.make(PhotoController).files.name() == "s3"


def test_contextual_singleton_concrete_is_shared(c: Container) -> None:
    c.singleton(S3Filesystem)
    c.when([PhotoController, VideoController]).needs(Filesystem).give(S3Filesystem)
    assert c.make(PhotoController).files is c.make(VideoController).files


def test_contextual_binding_ignores_the_shared_instance_of_the_abstract(
    c: Container,
) -> None:
    c.singleton(Filesystem, LocalFilesystem)
    shared = c.make(Filesystem)
    c.when(VideoController).needs(Filesystem).give(S3Filesystem)
    assert c.make(VideoController).files.name() == "s3"
    assert c.make(PhotoController).files is shared
    assert c.make(Filesystem) is shared


def test_contextual_binding_applies_when_the_class_is_resolved_through_an_interface(
    c: Container,
) -> None:
    c.bind("controller", PhotoController)
    c.when(PhotoController).needs(Filesystem).give(S3Filesystem)
    assert c.make("controller").files.name() == "s3"


def test_needs_an_alias_defined_before_or_after(c: Container) -> None:
    c.alias(Filesystem, "files")
    c.when(PhotoController).needs("files").give(S3Filesystem)
    assert c.make(PhotoController).files.name() == "s3"

    other = Container()
    other.when(VideoController).needs("storage").give(S3Filesystem)
    other.alias(Filesystem, "storage")
    assert other.make(VideoController).files.name() == "s3"


def test_contextual_bindings_do_not_leak_into_factories(c: Container) -> None:
    c.bind(Filesystem, LocalFilesystem)
    c.bind(NeedsFactoryBuilt, lambda app: NeedsFactoryBuilt(app.make(Filesystem)))
    c.when(Gallery).needs(Filesystem).give(S3Filesystem)
    gallery = c.make(Gallery)
    assert gallery.files.name() == "s3"
    assert gallery.thumbs.files.name() == "local"


def test_primitive_bindings(c: Container) -> None:
    c.when(Mailer).needs("$host").give("smtp.example.com")
    c.when(Mailer).needs("$timeout").give(lambda app: 2.5)
    mailer = c.make(Mailer)
    assert (mailer.host, mailer.port, mailer.timeout) == ("smtp.example.com", 25, 2.5)


def test_primitive_binding_overrides_a_default(c: Container) -> None:
    c.when(Mailer).needs("$host").give("localhost")
    c.when(Mailer).needs("$port").give(lambda: 2525)
    assert c.make(Mailer).port == 2525


def test_parameters_win_over_contextual_primitives(c: Container) -> None:
    c.when(Mailer).needs("$host").give("localhost")
    assert c.make_with(Mailer, {"host": "other"}).host == "other"


def test_variadic_dependencies_from_a_list_of_classes(c: Container) -> None:
    c.when(Firewall).needs(Filter).give([NullFilter, ProfanityFilter])
    firewall = c.make(Firewall)
    assert [type(f) for f in firewall.filters] == [NullFilter, ProfanityFilter]


def test_variadic_dependency_from_one_class_and_none(c: Container) -> None:
    assert c.make(Firewall).filters == ()
    c.when(Firewall).needs(Filter).give(NullFilter)
    assert [type(f) for f in c.make(Firewall).filters] == [NullFilter]


def test_give_tagged_to_variadic_and_to_a_primitive(c: Container) -> None:
    c.tag([NullFilter, ProfanityFilter], "filters")
    c.when(Firewall).needs(Filter).give_tagged("filters")
    c.when(Reports).needs("$reports").give_tagged("filters")
    assert [type(f) for f in c.make(Firewall).filters] == [NullFilter, ProfanityFilter]
    assert [type(f) for f in c.make(Reports).reports] == [NullFilter, ProfanityFilter]


def test_give_config_reads_the_config_service(c: Container) -> None:
    c.instance("config", Settings({"app.timezone": "Europe/Paris"}))
    c.when(Timezone).needs("$zone").give_config("app.timezone")
    c.when(Timezone).needs("$fallback").giveConfig("app.missing", "UTC")
    zone = c.make(Timezone)
    assert (zone.zone, zone.fallback) == ("Europe/Paris", "UTC")


def test_contextual_binding_applies_to_method_injection(c: Container) -> None:
    c.bind(Filesystem, LocalFilesystem)
    c.when(UploadController).needs(Filesystem).give(S3Filesystem)
    assert c.call([UploadController, "store"]) == "s3"
    assert c.call(c.make(UploadController).store) == "s3"


def test_give_before_needs_is_an_error(c: Container) -> None:
    with pytest.raises(ValueError, match=r"Call needs\(\) before give\(\)"):
        c.when(PhotoController).give(S3Filesystem)
