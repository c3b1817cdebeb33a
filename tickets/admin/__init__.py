"""The agents' workspace in the Wagtail admin: queue, ticket view, bulk actions, panels."""
