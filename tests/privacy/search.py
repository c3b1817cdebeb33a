"""Searching the whole database for a text: every text column (JSON too) of every table."""

from django.apps import apps
from django.db import models


def rows_containing(text):
    """(table, column) pairs where some row holds `text`."""
    found = []
    for model in apps.get_models(include_auto_created=True):
        if not model._meta.managed or model._meta.proxy:
            continue
        for field in model._meta.concrete_fields:
            if isinstance(field, models.JSONField):
                values = model._base_manager.values_list(field.attname, flat=True)
                if any(text in str(value) for value in values):
                    found.append((model._meta.db_table, field.column))
            elif isinstance(field, (models.CharField, models.TextField)):
                lookup = {f"{field.attname}__contains": text}
                if model._base_manager.filter(**lookup).exists():
                    found.append((model._meta.db_table, field.column))
    return found
