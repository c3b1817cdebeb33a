"""The forms' renderer: Django's plain widgets written in Python, every other widget by template.

Django renders each widget through a template, and each of a select's or a radio list's options
through two more: the ticket view's dozen small forms spent a fifth of the page's work there
(docs/performance.md). The widgets below are written here with the markup of Django's own
templates (and of this project's select.html, which writes its options in place); a test renders
each both ways and compares, so an override added to templates/ for one of them shows at once.
Widgets with templates of their own (Wagtail's, a file input showing its current file) keep them.
"""

import html

from django.forms.renderers import TemplatesSetting
from django.utils.html import conditional_escape

WIDGETS = "django/forms/widgets/"
INPUTS = {
    f"{WIDGETS}{name}.html"
    for name in (
        "input checkbox color date datetime email file hidden number password search tel text "
        "time url"
    ).split()
}
OPTIONS = {f"{WIDGETS}{name}_option.html" for name in ("radio", "checkbox")}
MULTIPLE = {f"{WIDGETS}{name}.html" for name in ("radio", "checkbox_select")}


def _text(value):
    if type(value) is str:
        # What conditional_escape does to a plain string, without its wrappers: a select
        # escapes two per option, and a customer may have hundreds of orders.
        return html.escape(value)
    return conditional_escape(value if hasattr(value, "__html__") else f"{value}")


def _attrs(attrs):
    return "".join(
        f" {_text(name)}" if value is True else f' {_text(name)}="{_text(value)}"'
        for name, value in attrs.items()
        if value is not False
    )


def _input(widget):
    value = "" if widget["value"] is None else f' value="{_text(widget["value"])}"'
    return (
        f'<input type="{_text(widget["type"])}" name="{_text(widget["name"])}"{value}'
        f"{_attrs(widget['attrs'])}>"
    )


def _included_input_option(option):
    """radio_option.html or checkbox_option.html as multiple_input.html includes it: with the
    line ends of the three template files it goes through (only the outermost is stripped)."""
    if not option["wrap_label"]:
        return f"{_input(option)}\n\n\n"
    target = option["attrs"].get("id")
    label_for = f' for="{_text(target)}"' if target else ""
    return f"<label{label_for}>{_input(option)}\n {_text(option['label'])}</label>\n\n"


class WidgetRenderer(TemplatesSetting):
    def render(self, template_name, context, request=None):
        widget = context.get("widget")
        if template_name in INPUTS:
            return _input(widget)
        if template_name == f"{WIDGETS}textarea.html":
            return self._textarea(widget)
        if template_name == f"{WIDGETS}select.html":
            return self._select(widget, context, request)
        if template_name in MULTIPLE:
            return self._multiple(widget, context, request)
        if template_name == f"{WIDGETS}clearable_file_input.html" and not widget["is_initial"]:
            return _input(widget)
        return super().render(template_name, context, request)

    def _option(self, option, context, request):
        if option["template_name"] == f"{WIDGETS}select_option.html":
            return (
                f'<option value="{_text(option["value"])}"{_attrs(option["attrs"])}>'
                f"{_text(option['label'])}</option>"
            )
        return self.render(option["template_name"], {**context, "widget": option}, request)

    def _included(self, option, context, request):
        if option["template_name"] in OPTIONS:
            return _included_input_option(option)
        template = self.get_template(option["template_name"])
        return template.render({**context, "widget": option}, request)

    def _textarea(self, widget):
        value = _text(widget["value"]) if widget["value"] else ""
        attrs = _attrs(widget["attrs"])
        return f'<textarea name="{_text(widget["name"])}"{attrs}>\n{value}</textarea>'

    def _select(self, widget, context, request):
        parts = [f'<select name="{_text(widget["name"])}"{_attrs(widget["attrs"])}>']
        for group_name, options, _index in widget["optgroups"]:
            if group_name:
                parts.append(f'\n  <optgroup label="{_text(group_name)}">')
            parts.extend(f"\n  {self._option(option, context, request)}" for option in options)
            if group_name:
                parts.append("\n  </optgroup>")
        parts.append("\n</select>")
        return "".join(parts)

    def _multiple(self, widget, context, request):
        attrs = widget["attrs"]
        parts = ["<div"]
        if attrs.get("id"):
            parts.append(f' id="{_text(attrs["id"])}"')
        if attrs.get("class"):
            parts.append(f' class="{_text(attrs["class"])}"')
        parts.append(">")
        for group, options, _index in widget["optgroups"]:
            if group:
                parts.append(f"\n  <div><label>{_text(group)}</label>")
            parts.extend(
                f"<div>\n    {self._included(option, context, request)}</div>" for option in options
            )
            if group:
                parts.append("\n  </div>")
        parts.append("\n</div>")
        return "".join(parts)
