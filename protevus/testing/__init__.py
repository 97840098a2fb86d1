"""HTTP testing: the ``app``/``client`` pytest fixtures, ``TestClient``, ``TestResponse``.

Laravel: ``Illuminate\\Testing`` and ``Illuminate\\Foundation\\Testing``.
"""

from .assertable_json_string import AssertableJsonString as AssertableJsonString
from .client import TestClient as TestClient
from .creates_application import TESTING_ENVIRONMENT as TESTING_ENVIRONMENT
from .fluent.assertable_json import AssertableJson as AssertableJson
from .test_case import TestCase as TestCase
from .test_response import TestResponse as TestResponse
