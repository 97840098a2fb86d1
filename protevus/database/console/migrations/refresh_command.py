"""``migrate:refresh``: roll back every migration (or ``--step`` of them) and migrate again.

Laravel: ``Illuminate\\Database\\Console\\Migrations\\RefreshCommand``.
"""

from __future__ import annotations

import typing as t

from protevus.database.console.migrations.base_command import DEFAULT_SEEDER
from protevus.database.console.migrations.base_command import BaseCommand


class RefreshCommand(BaseCommand):
    """Reset and re-run all migrations.

    Laravel: ``Illuminate\\Database\\Console\\Migrations\\RefreshCommand``.
    """

    signature = (
        "migrate:refresh {--database= : The database connection to use}"
        " {--force : Force the operation to run when in production}"
        " {--path=* : The path(s) to the migrations files to be executed}"
        " {--realpath : Indicate any provided migration file paths are pre-resolved"
        " absolute paths}"
        " {--seed : Indicates if the seed task should be re-run}"
        " {--seeder= : The class name of the root seeder}"
        " {--step= : The number of migrations to be reverted & re-run}"
    )
    description = "Reset and re-run all migrations"

    def handle(self) -> int:
        """Roll back (all, or ``--step``), migrate, then seed with ``--seed``."""
        if not self.confirm_to_proceed():
            return self.FAILURE
        database = self.option("database")
        common: dict[str, t.Any] = {
            "--database": database,
            "--path": self.option("path") or None,
            "--realpath": self.option("realpath"),
            "--force": True,
        }
        step = int(self.option("step") or 0)
        if step > 0:
            code = self.call("migrate:rollback", {**common, "--step": step})
        else:
            code = self.call("migrate:reset", common)
        if code != 0:
            return code
        code = self.call("migrate", common)
        if code != 0:
            return code
        if self.option("seed") or self.option("seeder"):
            return self.call(
                "db:seed",
                {
                    "--database": database,
                    "--class": self.option("seeder") or DEFAULT_SEEDER,
                    "--force": True,
                },
            )
        return self.SUCCESS
