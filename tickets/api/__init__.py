"""The JSON API at /api/v1/: an entry point like the portal, translating requests into calls of
tickets.workflow (writes) and tickets.permissions / tickets.selectors (reads). See docs/api.md."""
