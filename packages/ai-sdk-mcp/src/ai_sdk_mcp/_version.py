"""The distribution version, read by hatch at build time and by the client info at run time."""

__version__ = "0.1.0"
