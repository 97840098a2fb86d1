"""Closure commands: ``python artisan.py inspire``."""

import random

from protevus.console import Command
from protevus.facades import Artisan

QUOTES = [
    "Simplicity is the ultimate sophistication. - Leonardo da Vinci",
    "Well begun is half done. - Aristotle",
    "Knowing is not enough; we must apply. - Johann Wolfgang von Goethe",
    "It always seems impossible until it is done. - Nelson Mandela",
    "The secret of getting ahead is getting started. - Mark Twain",
    "Nothing in life is to be feared, it is only to be understood. - Marie Curie",
]


def inspire(command: Command) -> None:
    """Display an inspiring quote."""
    command.comment(random.choice(QUOTES))


Artisan.command("inspire", inspire).purpose("Display an inspiring quote")
