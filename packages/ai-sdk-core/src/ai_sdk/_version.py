"""The distribution version, read by hatch at build time and by the user-agent at run time."""

__version__ = "0.5.1"
