"""The vocabulary of a performance cascade: levels, positions, targets, units, text. No I/O."""
