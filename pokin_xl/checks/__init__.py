"""Checks: frames in, findings out. No Excel here."""
