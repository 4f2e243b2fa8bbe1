"""Errors a user can cause: each carries one line that names the thing, the problem and the fix."""


class InputError(Exception):
    """Bad input (missing, empty, binary, undecodable): exit status 2 with one line on stderr."""


class UsageError(Exception):
    """Bad usage of a command (an unknown format, a missing graph): exit status 2."""
