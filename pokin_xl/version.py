"""The package version, in a module of its own so that writers need not import the package root."""

__version__ = "0.1.0"
