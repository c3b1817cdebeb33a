"""Template tags of the help center: contact links, JSON-LD, cache keys."""
