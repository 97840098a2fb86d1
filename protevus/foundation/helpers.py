"""Global helper functions that reach the current application.

Laravel: ``Illuminate/Foundation/helpers.php``. Each helper is a thin delegation to
a service in the container; the pure helpers (``tap``, ``data_get``...) come from
``protevus.support`` and are re-exported by ``protevus.helpers``.
"""

from __future__ import annotations

import typing as t

from protevus.container.container import Container

_T = t.TypeVar("_T")


def app(
    abstract: t.Any = None, parameters: t.Mapping[str, t.Any] | None = None
) -> t.Any:
    """Get the current application, or resolve ``abstract`` from it.

    ``app()`` → the application; ``app('cache')`` / ``app(Billing)`` → the service.

    Laravel: ``app()``.
    """
    container = Container.get_instance()
    if abstract is None:
        return container
    return container.make(abstract, parameters)


def resolve(abstract: t.Any, parameters: t.Mapping[str, t.Any] | None = None) -> t.Any:
    """Resolve ``abstract`` from the container.

    Laravel: ``resolve()``.
    """
    return app(abstract, parameters)


def config(key: t.Any = None, default: t.Any = None) -> t.Any:
    """Get a configuration value with dot notation, or set values with a dict.

    ``config('app.timezone', 'UTC')``; ``config({'app.timezone': 'Europe/Paris'})``;
    ``config()`` → the repository.

    Laravel: ``config()``.
    """
    repository = app("config")
    if key is None:
        return repository
    if isinstance(key, dict):
        repository.set(key)
        return None
    return repository.get(key, default)


def _path(method: str, path: str) -> str:
    return t.cast(str, getattr(app(), method)(path))


def base_path(path: str = "") -> str:
    """Get the path to the application root. Laravel: ``base_path()``."""
    return _path("base_path", path)


def app_path(path: str = "") -> str:
    """Get the path to the ``app`` directory. Laravel: ``app_path()``."""
    return _path("app_path", path)


def config_path(path: str = "") -> str:
    """Get the path to the ``config`` directory. Laravel: ``config_path()``."""
    return _path("config_path", path)


def database_path(path: str = "") -> str:
    """Get the path to the ``database`` directory. Laravel: ``database_path()``."""
    return _path("database_path", path)


def lang_path(path: str = "") -> str:
    """Get the path to the ``lang`` directory. Laravel: ``lang_path()``."""
    return _path("lang_path", path)


def public_path(path: str = "") -> str:
    """Get the path to the ``public`` directory. Laravel: ``public_path()``."""
    return _path("public_path", path)


def resource_path(path: str = "") -> str:
    """Get the path to the ``resources`` directory. Laravel: ``resource_path()``."""
    return _path("resource_path", path)


def storage_path(path: str = "") -> str:
    """Get the path to the ``storage`` directory. Laravel: ``storage_path()``."""
    return _path("storage_path", path)


def logger(
    message: str | None = None, context: t.Mapping[str, t.Any] | None = None
) -> t.Any:
    """Get the log manager, or write ``message`` at debug level.

    Laravel: ``logger()``.
    """
    log = app("log")
    if message is None:
        return log
    log.debug(message, dict(context or {}))
    return None


def info(message: str, context: t.Mapping[str, t.Any] | None = None) -> None:
    """Write ``message`` to the log at info level.

    Laravel: ``info()``.
    """
    app("log").info(message, dict(context or {}))


def report(exception: BaseException | str) -> None:
    """Report an exception (or a message, wrapped in one) without stopping.

    Laravel: ``report()``.
    """
    if isinstance(exception, str):
        exception = RuntimeError(exception)
    app("exceptions").report(exception)


def now(tz: str | None = None) -> t.Any:
    """Get the current time as a :class:`~protevus.support.carbon.Carbon`.

    The timezone defaults to ``config('app.timezone')`` (set at boot).

    Laravel: ``now()``.
    """
    from protevus.support.carbon import Carbon

    return Carbon.now(tz)


def today(tz: str | None = None) -> t.Any:
    """Get today at midnight as a :class:`~protevus.support.carbon.Carbon`.

    Laravel: ``today()``.
    """
    from protevus.support.carbon import Carbon

    return Carbon.today(tz)


def url(
    path: str | None = None,
    parameters: t.Any = None,
    secure: bool | None = None,
) -> t.Any:
    """Get an absolute URL for ``path``, or the URL generator when called bare.

    Laravel: ``url()``.
    """
    generator = app("url")
    if path is None:
        return generator
    return generator.to(path, parameters, secure)


def secure_url(path: str, parameters: t.Any = None) -> str:
    """Get an ``https`` URL for ``path``. Laravel: ``secure_url()``."""
    return t.cast(str, app("url").to(path, parameters, True))


def asset(path: str, secure: bool | None = None) -> str:
    """Get the URL of a public asset. Laravel: ``asset()``."""
    return t.cast(str, app("url").asset(path, secure))


def secure_asset(path: str) -> str:
    """Get the ``https`` URL of a public asset. Laravel: ``secure_asset()``."""
    return asset(path, True)


def route(name: str, parameters: t.Any = None, absolute: bool = True) -> str:
    """Get the URL of a named route; extra parameters become the query string.

    Laravel: ``route()``.
    """
    return t.cast(str, app("url").route(name, parameters, absolute))


def action(name: t.Any, parameters: t.Any = None, absolute: bool = True) -> str:
    """Get the URL of a controller action (``[PostController, 'show']``).

    Laravel: ``action()``.
    """
    return t.cast(str, app("url").action(name, parameters, absolute))


def redirect(
    to: str | None = None,
    status: int = 302,
    headers: t.Mapping[str, str] | None = None,
    secure: bool | None = None,
) -> t.Any:
    """Get a redirect response to ``to``, or the redirector when called bare.

    ``redirect('/home')``, ``redirect().route('profile', {'id': 1})``,
    ``redirect().back()``.

    Laravel: ``redirect()``.
    """
    redirector = app("redirect")
    if to is None:
        return redirector
    return redirector.to(to, status, headers, secure)


def back(
    status: int = 302,
    headers: t.Mapping[str, str] | None = None,
    fallback: str | bool = False,
) -> t.Any:
    """Get a redirect response to the previous URL.

    Laravel: ``back()``.
    """
    return app("redirect").back(status, headers, fallback)


def to_route(
    name: str,
    parameters: t.Any = None,
    status: int = 302,
    headers: t.Mapping[str, str] | None = None,
) -> t.Any:
    """Get a redirect response to a named route.

    Laravel: ``to_route()``.
    """
    return app("redirect").route(name, parameters, status, headers)


def response(
    content: t.Any = None,
    status: int = 200,
    headers: t.Mapping[str, str] | None = None,
) -> t.Any:
    """Get a response, or the response factory when called bare.

    ``response('Hello', 200)``; ``response().json({...})``; ``response().download(path)``.

    Laravel: ``response()``.
    """
    factory = app("response")
    if content is None and status == 200 and headers is None:
        return factory
    return factory.make("" if content is None else content, status, headers)


def request(key: t.Any = None, default: t.Any = None) -> t.Any:
    """Get the current request, one input value, or several as a dict.

    ``request()`` → the request; ``request('name')`` → ``input('name')``;
    ``request(['name', 'email'])`` → ``only(...)``.

    Laravel: ``request()``.
    """
    current = app("request")
    if key is None:
        return current
    if isinstance(key, list | tuple):
        return current.only(*key)
    return current.input(key, default)


def abort(
    code: t.Any, message: str = "", headers: t.Mapping[str, str] | None = None
) -> t.NoReturn:
    """Stop the request with an HTTP error (``abort(404)``) or a prepared response.

    Laravel: ``abort()``. (Imports the HTTP layer on first use, so importing the
    helpers stays light for the console.)
    """
    from protevus.http.exceptions import abort as _abort

    _abort(code, message, headers)


def abort_if(
    condition: t.Any,
    code: t.Any,
    message: str = "",
    headers: t.Mapping[str, str] | None = None,
) -> None:
    """Call :func:`abort` when ``condition`` is truthy. Laravel: ``abort_if()``."""
    if condition:
        abort(code, message, headers)


def abort_unless(
    condition: t.Any,
    code: t.Any,
    message: str = "",
    headers: t.Mapping[str, str] | None = None,
) -> None:
    """Call :func:`abort` unless ``condition`` is truthy. Laravel: ``abort_unless()``."""
    if not condition:
        abort(code, message, headers)


# -- views, session, cookies, CSRF, encryption, translation, validation --------------


def view(
    name: str | None = None,
    data: t.Mapping[str, t.Any] | None = None,
    /,
    **variables: t.Any,
) -> t.Any:
    """Get a view (``view('posts.index', posts=posts)``), or the view factory when called bare.

    Laravel: ``view()``.
    """
    factory = app("view")
    if name is None:
        return factory
    return factory.make(name, {**(data or {}), **variables})


def session(key: t.Any = None, default: t.Any = None) -> t.Any:
    """Get the session manager, one session value, or store several with a dict.

    ``session()`` → the manager; ``session('key')`` → the value;
    ``session({'key': 'value'})`` → stores it. Laravel: ``session()``.
    """
    manager = app("session")
    if key is None:
        return manager
    if isinstance(key, t.Mapping):
        manager.put(dict(key))
        return None
    return manager.get(key, default)


def old(key: str | None = None, default: t.Any = None) -> t.Any:
    """Get input flashed by the previous request (``old('title')``). Laravel: ``old()``."""
    return app("request").old(key, default)


def csrf_token() -> str:
    """Get the session's CSRF token. Laravel: ``csrf_token()``."""
    from protevus.view.globals import csrf_token as _csrf_token

    return _csrf_token()


def csrf_field() -> t.Any:
    """Get the hidden ``_token`` form field (safe HTML). Laravel: ``csrf_field()``."""
    from protevus.view.globals import csrf_field as _csrf_field

    return _csrf_field()


def method_field(method: str) -> t.Any:
    """Get the hidden ``_method`` form field (safe HTML). Laravel: ``method_field()``."""
    from protevus.view.globals import method_field as _method_field

    return _method_field(method)


def cookie(name: str | None = None, value: t.Any = None, **options: t.Any) -> t.Any:
    """Make a cookie (``cookie('name', 'value', minutes=60)``), or get the cookie jar.

    Laravel: ``cookie()``.
    """
    jar = app("cookie")
    if name is None:
        return jar
    return jar.make(name, value, **options)


def encrypt(value: t.Any, serialize: bool = True) -> str:
    """Encrypt a value with the application key. Laravel: ``encrypt()``."""
    return str(app("encrypter").encrypt(value, serialize))


def decrypt(payload: str, unserialize: bool = True) -> t.Any:
    """Decrypt a payload made by :func:`encrypt`. Laravel: ``decrypt()``."""
    return app("encrypter").decrypt(payload, unserialize)


def trans(
    key: str | None = None,
    replace: t.Mapping[str, t.Any] | None = None,
    locale: str | None = None,
) -> t.Any:
    """Translate ``key`` (``trans('messages.welcome', {'name': 'Ada'})``), or get the translator.

    Laravel: ``trans()``.
    """
    from protevus.view.globals import trans as _trans

    return _trans(key, replace, locale)


def __(
    key: str | None = None,
    replace: t.Mapping[str, t.Any] | None = None,
    locale: str | None = None,
) -> t.Any:
    """Translate ``key``; the key itself when no translation exists. Laravel: ``__()``."""
    from protevus.view.globals import __ as _translate

    return _translate(key, replace, locale)


def trans_choice(
    key: str,
    number: t.Any,
    replace: t.Mapping[str, t.Any] | None = None,
    locale: str | None = None,
) -> str:
    """Translate ``key`` choosing the plural form for ``number``. Laravel: ``trans_choice()``."""
    from protevus.view.globals import trans_choice as _trans_choice

    return _trans_choice(key, number, replace, locale)


def validator(
    data: t.Mapping[str, t.Any] | None = None,
    rules: t.Mapping[str, t.Any] | None = None,
    messages: t.Mapping[str, str] | None = None,
    attributes: t.Mapping[str, str] | None = None,
) -> t.Any:
    """Make a validator, or get the validation factory when called bare. Laravel: ``validator()``."""
    factory = app("validator")
    if data is None:
        return factory
    return factory.make(data, rules or {}, messages or {}, attributes or {})


def bcrypt(value: str | bytes, options: t.Mapping[str, t.Any] | None = None) -> str:
    """Hash a value with the bcrypt driver, whatever ``HASH_DRIVER`` says. Laravel: ``bcrypt()``."""
    return str(app("hash").driver("bcrypt").make(value, options))


def cache(key: t.Any = None, default: t.Any = None) -> t.Any:
    """Get the cache manager, a cached value, or store a dict of values for ``default`` seconds.

    ``cache()`` → the manager; ``cache('key', 'default')`` → the value;
    ``cache({'key': 'value'}, 600)`` → stores every pair. Laravel: ``cache()``.
    """
    manager = app("cache")
    if key is None:
        return manager
    if isinstance(key, str):
        return manager.get(key, default)
    if not isinstance(key, t.Mapping):
        from protevus.exceptions import InvalidArgumentError

        raise InvalidArgumentError(
            "When setting a value in the cache, pass a dict of key / value pairs."
        )
    return manager.put_many(dict(key), default)
