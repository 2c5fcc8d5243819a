"""Readers know Excel layouts and return frames whose rows remember their cells."""
