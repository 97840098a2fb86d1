"""Laravel's global helper functions, importable from one place.

``from protevus.helpers import app, config, env, collect, now, data_get, tap``. The
functions live in the component that serves them; this module only re-exports.

Laravel: ``Illuminate/Foundation/helpers.php`` and ``Illuminate/Support/helpers.php``.
"""

from protevus.config.env import env as env
from protevus.foundation.helpers import __ as __
from protevus.foundation.helpers import abort as abort
from protevus.foundation.helpers import abort_if as abort_if
from protevus.foundation.helpers import abort_unless as abort_unless
from protevus.foundation.helpers import action as action
from protevus.foundation.helpers import app as app
from protevus.foundation.helpers import app_path as app_path
from protevus.foundation.helpers import asset as asset
from protevus.foundation.helpers import back as back
from protevus.foundation.helpers import base_path as base_path
from protevus.foundation.helpers import bcrypt as bcrypt
from protevus.foundation.helpers import cache as cache
from protevus.foundation.helpers import config as config
from protevus.foundation.helpers import config_path as config_path
from protevus.foundation.helpers import cookie as cookie
from protevus.foundation.helpers import csrf_field as csrf_field
from protevus.foundation.helpers import csrf_token as csrf_token
from protevus.foundation.helpers import database_path as database_path
from protevus.foundation.helpers import decrypt as decrypt
from protevus.foundation.helpers import encrypt as encrypt
from protevus.foundation.helpers import info as info
from protevus.foundation.helpers import lang_path as lang_path
from protevus.foundation.helpers import logger as logger
from protevus.foundation.helpers import method_field as method_field
from protevus.foundation.helpers import now as now
from protevus.foundation.helpers import old as old
from protevus.foundation.helpers import public_path as public_path
from protevus.foundation.helpers import redirect as redirect
from protevus.foundation.helpers import report as report
from protevus.foundation.helpers import request as request
from protevus.foundation.helpers import resolve as resolve
from protevus.foundation.helpers import resource_path as resource_path
from protevus.foundation.helpers import response as response
from protevus.foundation.helpers import route as route
from protevus.foundation.helpers import secure_asset as secure_asset
from protevus.foundation.helpers import secure_url as secure_url
from protevus.foundation.helpers import session as session
from protevus.foundation.helpers import storage_path as storage_path
from protevus.foundation.helpers import to_route as to_route
from protevus.foundation.helpers import today as today
from protevus.foundation.helpers import trans as trans
from protevus.foundation.helpers import trans_choice as trans_choice
from protevus.foundation.helpers import url as url
from protevus.foundation.helpers import validator as validator
from protevus.foundation.helpers import view as view
from protevus.support.arr import data_fill as data_fill
from protevus.support.arr import data_forget as data_forget
from protevus.support.arr import data_get as data_get
from protevus.support.arr import data_set as data_set
from protevus.support.collection import collect as collect
from protevus.support.helpers import blank as blank
from protevus.support.helpers import class_basename as class_basename
from protevus.support.helpers import e as e
from protevus.support.helpers import filled as filled
from protevus.support.helpers import head as head
from protevus.support.helpers import last as last
from protevus.support.helpers import object_get as object_get
from protevus.support.helpers import optional as optional
from protevus.support.helpers import rescue as rescue
from protevus.support.helpers import retry as retry
from protevus.support.helpers import tap as tap
from protevus.support.helpers import throw_if as throw_if
from protevus.support.helpers import throw_unless as throw_unless
from protevus.support.helpers import transform as transform
from protevus.support.helpers import value as value
from protevus.support.helpers import with_ as with_
