"""``@can``/``@cannot``/``@canany`` in Blade templates ask the real gate."""

from __future__ import annotations

import typing as t

PAGE = """\
@can('update', post)
edit
@elsecan('view-any', post)
list
@else
nothing
@endcan
@cannot('create', post)
no-create
@endcannot
@canany(['create', 'update'], post)
some
@endcanany
@can('admin')
admin
@endcan
"""


def render(app: t.Any, **data: t.Any) -> list[str]:
    html = str(app.make("view").make("page", data).render())
    return [line.strip() for line in html.splitlines() if line.strip()]


def test_blade_directives_use_the_gate(gate_app: t.Any, models: t.Any) -> None:
    app = gate_app(files={"resources/views/page.blade.html": PAGE})
    gate = app.make("gate")
    gate.policy(models.Post, models.PostPolicy)
    gate.define("admin", lambda user: user.admin)
    auth = app.make("auth")

    assert render(app, post=models.Post(1, 1)) == ["list", "no-create"]

    auth.login(models.User(1))
    assert render(app, post=models.Post(1, 1)) == ["edit", "no-create", "some"]
    assert render(app, post=models.Post(2, 2)) == ["list", "no-create"]

    auth.login(models.User(3, admin=True))
    assert render(app, post=models.Post(2, 2)) == ["list", "some", "admin"]
