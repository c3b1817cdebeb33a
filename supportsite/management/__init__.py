"""The project-wide management commands."""
