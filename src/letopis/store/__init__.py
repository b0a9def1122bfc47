"""The corpus store: documents and their chronologies in SQLite (see `base.Store`)."""
