"""Unique constraints over an expression or a condition report their violation above the form;
the models whose constraints are all about one field say so next to it instead."""

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError


class ConstraintErrorsOnField:
    constraint_errors_field = None

    def validate_constraints(self, exclude=None):
        try:
            super().validate_constraints(exclude=exclude)
        except ValidationError as error:
            errors = error.message_dict
            messages = errors.pop(NON_FIELD_ERRORS, [])
            field = self.constraint_errors_field
            raise ValidationError({**errors, field: [*errors.get(field, []), *messages]}) from None
