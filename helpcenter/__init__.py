"""The help center customers read and editors write in Wagtail: page types, search, helpful
votes, contact pages that open tickets, editors' reports."""
