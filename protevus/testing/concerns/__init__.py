"""Mixins that make up :class:`protevus.testing.test_response.TestResponse`."""
