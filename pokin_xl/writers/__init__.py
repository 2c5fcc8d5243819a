"""Writers: frames and findings in, formatted sheets out. No rules here."""
