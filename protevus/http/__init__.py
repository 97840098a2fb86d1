"""HTTP requests, responses, uploaded files, HTTP exceptions and input middleware.

Laravel: ``Illuminate\\Http``.
"""

import typing as t

from protevus.support.lazy import lazy_exports

if t.TYPE_CHECKING:
    from protevus.http.concerns.php_input import InputLimits as InputLimits
    from protevus.http.exceptions import (
        AccessDeniedHttpException as AccessDeniedHttpException,
    )
    from protevus.http.exceptions import (
        BadRequestHttpException as BadRequestHttpException,
    )
    from protevus.http.exceptions import ConflictHttpException as ConflictHttpException
    from protevus.http.exceptions import GoneHttpException as GoneHttpException
    from protevus.http.exceptions import HttpException as HttpException
    from protevus.http.exceptions import HttpResponseException as HttpResponseException
    from protevus.http.exceptions import (
        MethodNotAllowedHttpException as MethodNotAllowedHttpException,
    )
    from protevus.http.exceptions import (
        NotAcceptableHttpException as NotAcceptableHttpException,
    )
    from protevus.http.exceptions import NotFoundHttpException as NotFoundHttpException
    from protevus.http.exceptions import PostTooLargeException as PostTooLargeException
    from protevus.http.exceptions import (
        ServiceUnavailableHttpException as ServiceUnavailableHttpException,
    )
    from protevus.http.exceptions import (
        TooManyRequestsHttpException as TooManyRequestsHttpException,
    )
    from protevus.http.exceptions import (
        UnauthorizedHttpException as UnauthorizedHttpException,
    )
    from protevus.http.exceptions import (
        UnprocessableEntityHttpException as UnprocessableEntityHttpException,
    )
    from protevus.http.exceptions import (
        UnsupportedMediaTypeHttpException as UnsupportedMediaTypeHttpException,
    )
    from protevus.http.exceptions import abort as abort
    from protevus.http.exceptions import abort_if as abort_if
    from protevus.http.exceptions import abort_unless as abort_unless
    from protevus.http.header_utils import HeaderUtils as HeaderUtils
    from protevus.http.request import Request as Request
    from protevus.http.response import BinaryFileResponse as BinaryFileResponse
    from protevus.http.response import Cookie as Cookie
    from protevus.http.response import JsonResponse as JsonResponse
    from protevus.http.response import RedirectResponse as RedirectResponse
    from protevus.http.response import Response as Response
    from protevus.http.response import StreamedResponse as StreamedResponse
    from protevus.http.uploaded_file import UploadedFile as UploadedFile

__getattr__ = lazy_exports(
    __name__,
    {
        "InputLimits": "protevus.http.concerns.php_input",
        "HeaderUtils": "protevus.http.header_utils",
        "AccessDeniedHttpException": "protevus.http.exceptions",
        "BadRequestHttpException": "protevus.http.exceptions",
        "ConflictHttpException": "protevus.http.exceptions",
        "GoneHttpException": "protevus.http.exceptions",
        "HttpException": "protevus.http.exceptions",
        "HttpResponseException": "protevus.http.exceptions",
        "MethodNotAllowedHttpException": "protevus.http.exceptions",
        "NotAcceptableHttpException": "protevus.http.exceptions",
        "NotFoundHttpException": "protevus.http.exceptions",
        "PostTooLargeException": "protevus.http.exceptions",
        "ServiceUnavailableHttpException": "protevus.http.exceptions",
        "TooManyRequestsHttpException": "protevus.http.exceptions",
        "UnauthorizedHttpException": "protevus.http.exceptions",
        "UnprocessableEntityHttpException": "protevus.http.exceptions",
        "UnsupportedMediaTypeHttpException": "protevus.http.exceptions",
        "abort": "protevus.http.exceptions",
        "abort_if": "protevus.http.exceptions",
        "abort_unless": "protevus.http.exceptions",
        "Request": "protevus.http.request",
        "BinaryFileResponse": "protevus.http.response",
        "Cookie": "protevus.http.response",
        "JsonResponse": "protevus.http.response",
        "RedirectResponse": "protevus.http.response",
        "Response": "protevus.http.response",
        "StreamedResponse": "protevus.http.response",
        "UploadedFile": "protevus.http.uploaded_file",
    },
)
