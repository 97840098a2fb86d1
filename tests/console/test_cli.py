from click.testing import CliRunner

from protevus import __version__
from protevus.console.cli import main


def test_version() -> None:
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0
    assert f"Protevus, version {__version__}" in result.output
