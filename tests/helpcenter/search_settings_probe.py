"""Print the search backend settings as JSON, for a process started with a chosen environment."""

import json

import django
from django.conf import settings

django.setup()

print(json.dumps(settings.WAGTAILSEARCH_BACKENDS["default"]))
