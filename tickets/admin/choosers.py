"""Snippet choosers that only the snippet's own users may open.

Wagtail's snippet chooser lists and searches a model for anyone who may enter the admin; for the
support models that would show tickets and canned answers to editors. These choosers ask the
model's permission policy first, as the snippet's listing does.
"""

from functools import wraps

from django.core.exceptions import PermissionDenied
from wagtail.snippets.views.chooser import SnippetChooserViewSet

ANY_ACTION = ("add", "change", "delete", "view")


class PermissionCheckedChooserViewSet(SnippetChooserViewSet):
    def construct_view(self, view_class, **kwargs):
        view = super().construct_view(view_class, **kwargs)
        model = self.model

        @wraps(view)
        def checked(request, *args, **kwargs):
            policy = model.snippet_viewset.permission_policy
            if not policy.user_has_any_permission(request.user, ANY_ACTION):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return checked
