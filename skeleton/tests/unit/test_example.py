"""An example unit test: plain Python, no application needed."""


def test_that_true_is_true() -> None:
    assert True
