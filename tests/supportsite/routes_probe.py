"""Print the view each path given on the command line resolves to, as JSON, for a process started
with a chosen environment."""

import json
import sys

import django
from django.urls import resolve

django.setup()

print(json.dumps({path: resolve(path).view_name for path in sys.argv[1:]}))
