"""A warning at the top of the Wagtail dashboard: something is wrong that someone must act on
(emails failing, applications waiting). Each app adds its own through construct_homepage_panels,
shown only to who can act, and only while there is something to say."""

from wagtail.admin.ui.components import Component


class WarningPanel(Component):
    template_name = "supportsite/dashboard_warning.html"
    order = 0

    def __init__(self, *, name, message, url, link_text):
        self.name = name
        self.message = message
        self.url = url
        self.link_text = link_text

    def get_context_data(self, parent_context):
        return {"panel": self}
