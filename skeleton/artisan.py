#!/usr/bin/env python
"""Run artisan commands: ``python artisan.py list``, ``python artisan.py serve``."""

import sys

from bootstrap.app import app

if __name__ == "__main__":
    sys.exit(app.handle_command(sys.argv[1:]))
