"""`{% compact_field %}`: a form field in Wagtail's field markup, built in Python.

The ticket view and the queue show some twenty small fields; Wagtail's `{% formattedfield %}`
renders each through a template of its own at about 2,800 function calls (docs/performance.md).
This keeps its classes (so it looks the same) and Django's own ids for help text and errors
(so `aria-describedby` points at them), without the comment button and icon options the
ticket view does not use.
"""

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from wagtail.admin.templatetags.wagtailadmin_tags import fieldtype, widgettype

register = template.Library()

REQUIRED_MARK = mark_safe('<span class="w-required-mark">*</span>')
ERROR_ICON = mark_safe(
    '<svg class="icon icon-warning w-field__errors-icon" aria-hidden="true">'
    '<use href="#icon-warning"></use></svg>'
)


@register.simple_tag
def compact_field(field):
    required = REQUIRED_MARK if field.field.required else ""
    if field.use_fieldset:
        opening = format_html(
            '<fieldset class="w-field__wrapper" data-field-wrapper>'
            '<legend class="w-field__label">{}{}</legend>',
            field.label,
            required,
        )
        closing = mark_safe("</fieldset>")
    else:
        opening = format_html(
            '<div class="w-field__wrapper" data-field-wrapper>'
            '<label class="w-field__label" for="{}">{}{}</label>',
            field.id_for_label,
            field.label,
            required,
        )
        closing = mark_safe("</div>")
    errors = ""
    if field.errors:
        errors = format_html(
            '{}<p class="error-message">{}</p>',
            ERROR_ICON,
            format_html_join(" ", "{}", ((error,) for error in field.errors)),
        )
    help_text = ""
    if field.help_text:
        help_text = format_html(
            '<div class="w-field__help" id="{}_helptext" data-field-help>'
            '<div class="help">{}</div></div>',
            field.auto_id,
            field.help_text,
        )
    return format_html(
        '{}<div class="w-field w-field--{} w-field--{}{}" data-field>'
        '<div class="w-field__errors" id="{}_error" data-field-errors>{}</div>{}'
        '<div class="w-field__input" data-field-input>{}</div></div>{}',
        opening,
        fieldtype(field),
        widgettype(field),
        " w-field--error" if field.errors else "",
        field.auto_id,
        errors,
        help_text,
        field,
        closing,
    )
