"""The OpenAPI schema: only our endpoints, every error documented, staff-only fields optional."""

from drf_spectacular.extensions import (
    OpenApiAuthenticationExtension,
    OpenApiSerializerFieldExtension,
)
from drf_spectacular.openapi import AutoSchema
from rest_framework import serializers

API_PREFIX = "/api/v1/"
ERROR_CODES = ("400", "401", "403", "404", "429")
ERROR_DESCRIPTIONS = {
    "400": "Invalid input: `errors` holds the messages by field.",
    "401": "Not authenticated, or the credentials are invalid or revoked.",
    "403": "Authenticated, but this user may not take this action.",
    "404": "No such object, or one this user may not see.",
    "429": "Too many requests: wait for the seconds in `Retry-After`.",
}


def only_api_v1(endpoints, **kwargs):
    """drf-spectacular preprocessing hook: leave Wagtail's own DRF endpoints out of the schema."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith(API_PREFIX)]


class ErrorSerializer(serializers.Serializer):
    """Every error the API returns."""

    detail = serializers.CharField(help_text="What went wrong, for people.")
    code = serializers.CharField(help_text="What went wrong, for programs, e.g. `invalid`.")
    errors = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        required=False,
        help_text="Messages by field (`non_field_errors` for the request as a whole); on 400.",
    )
    allowed_transitions = serializers.ListField(
        child=serializers.CharField(),
        required=False,
        help_text="On a status change the transition table does not allow: the allowed ones.",
    )


class APIAutoSchema(AutoSchema):
    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        for code in ERROR_CODES:
            if code not in responses:
                responses[code] = self._get_response_for_code(
                    ErrorSerializer, code, direction=direction
                )
                responses[code]["description"] = ERROR_DESCRIPTIONS[code]
        return responses

    def _get_serializer_field_meta(self, field, direction):
        meta = super()._get_serializer_field_meta(field, direction)
        if "minLength" in meta and getattr(field, "length_hint", (None,))[0] is not None:
            meta["minLength"] = field.length_hint[0]  # not the generic "not blank" 1
        return meta

    def _map_basic_serializer(self, serializer, direction):
        """Fields only staff receive (Meta.staff_only_fields) are optional in the schema."""
        schema = super()._map_basic_serializer(serializer, direction)
        staff_only = getattr(getattr(serializer, "Meta", None), "staff_only_fields", ())
        if staff_only and "required" in schema:
            schema["required"] = [name for name in schema["required"] if name not in staff_only]
            if not schema["required"]:
                del schema["required"]
        for name in staff_only:
            field = schema.get("properties", {}).get(name)
            if field is not None and "$ref" not in field:
                field["description"] = ("Staff only. " + field.get("description", "")).strip()
        return schema


class PersonalTokenScheme(OpenApiAuthenticationExtension):
    target_class = "tickets.api.authentication.PersonalTokenAuthentication"
    name = "personalToken"

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": "A personal API token from /accounts/api-tokens/, sent as "
            "`Token wagtail_…` (or `Bearer wagtail_…`).",
        }


class AppJWTScheme(OpenApiAuthenticationExtension):
    target_class = "allauth.headless.contrib.rest_framework.authentication.JWTTokenAuthentication"
    name = "appJWT"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "bearerFormat": "JWT",
            "description": "An access token from POST /_allauth/app/v1/auth/login "
            "(refresh it with POST /_allauth/app/v1/tokens/refresh).",
        }


class WorkflowTextExtension(OpenApiSerializerFieldExtension):
    """Text the workflow validates: its limits documented, not enforced a second time."""

    target_class = "tickets.api.serializers.WorkflowText"

    def map_serializer_field(self, auto_schema, direction):
        schema = {"type": "string"}
        minimum, maximum = self.target.length_hint
        if minimum is not None:
            schema["minLength"] = minimum
        if maximum is not None:
            schema["maxLength"] = maximum
        return schema
