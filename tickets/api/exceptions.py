"""The API's one exception handler: workflow errors and DRF's own, as JSON with one shape.

    {"detail": "…", "code": "…", "errors": {"field": ["…"]}, "allowed_transitions": [...]}

- django ValidationError (from the workflow) → 400 with messages by field; a status change the
  transition table does not allow (InvalidTransition) → 400 naming the allowed transitions;
- django_ratelimit's Ratelimited → 429 with Retry-After (before PermissionDenied: it is one);
- PermissionDenied → 403; Http404 / DoesNotExist → 404; SuspiciousOperation → 400;
- DRF's exceptions keep their status and headers (401 with WWW-Authenticate, throttling's 429
  with Retry-After).
"""

from django.core.exceptions import (
    NON_FIELD_ERRORS,
    ObjectDoesNotExist,
    PermissionDenied,
    SuspiciousOperation,
)
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from django_ratelimit.exceptions import Ratelimited
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import exception_handler as drf_exception_handler

from supportsite.views import too_many_requests
from tickets.transitions import InvalidTransition

NON_FIELD = api_settings.NON_FIELD_ERRORS_KEY


def error_body(detail, code, errors=None):
    body = {"detail": str(detail), "code": str(code)}
    if errors is not None:
        body["errors"] = errors
    return body


def _flatten(detail):
    """DRF's nested error details (lists of dicts for list fields) as a flat list of strings."""
    if isinstance(detail, dict):
        return [message for value in detail.values() for message in _flatten(value)]
    if isinstance(detail, (list, tuple)):
        return [message for value in detail for message in _flatten(value)]
    return [str(detail)]


def _drf_errors(detail):
    if isinstance(detail, dict):
        return {str(field): _flatten(value) for field, value in detail.items()}
    return {NON_FIELD: _flatten(detail)}


def _workflow_errors(error, view):
    """The workflow's field names, renamed where the API names a field differently."""
    renames = getattr(view, "workflow_field_names", {})
    if not hasattr(error, "error_dict"):
        return {NON_FIELD: list(error.messages)}
    errors = {}
    for field, messages in error.message_dict.items():
        name = NON_FIELD if field == NON_FIELD_ERRORS else renames.get(field, field)
        errors.setdefault(name, []).extend(messages)
    return errors


def api_exception_handler(exc, context):
    view = context.get("view")
    if isinstance(exc, Ratelimited):
        response = Response(
            error_body(
                str(exc) or _("You are doing that too often. Please wait and try again."),
                "rate_limited",
            )
        )
        return too_many_requests(response, exc)
    if isinstance(exc, InvalidTransition):
        body = error_body(exc.messages[0], "invalid_transition", {"status": list(exc.messages)})
        body["allowed_transitions"] = [str(value) for value in exc.allowed]
        return Response(body, status=status.HTTP_400_BAD_REQUEST)
    if isinstance(exc, DjangoValidationError):
        return Response(
            error_body(
                _("Please correct the errors below."), "invalid", _workflow_errors(exc, view)
            ),
            status=status.HTTP_400_BAD_REQUEST,
        )
    if isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied(str(exc) or None)
    elif isinstance(exc, (Http404, ObjectDoesNotExist)):
        exc = exceptions.NotFound()
    elif isinstance(exc, SuspiciousOperation):
        exc = exceptions.ParseError(_("The request could not be read."))

    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.ValidationError):
        response.data = error_body(
            _("Please correct the errors below."), "invalid", _drf_errors(exc.detail)
        )
    else:
        detail = exc.detail if isinstance(exc.detail, str) else " ".join(_flatten(exc.detail))
        codes = exc.get_codes()
        response.data = error_body(detail, codes if isinstance(codes, str) else exc.default_code)
    return response
