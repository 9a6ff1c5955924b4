"""The distribution version, read by hatch at build time and by the client info at run time."""

__version__ = "0.2.0"
