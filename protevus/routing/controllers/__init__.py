"""Controller helpers: middleware declarations.

Laravel: ``Illuminate\\Routing\\Controllers``.
"""

from protevus.routing.controllers.middleware import Middleware as Middleware
