"""An example feature test: send a request through the whole application."""

from protevus.testing import TestClient


def test_the_application_returns_a_successful_response(client: TestClient) -> None:
    client.get("/").assert_ok()
