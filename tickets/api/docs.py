"""/api/schema/ and /api/docs/: open to anyone while settings.API_DOCS_PUBLIC, otherwise to
signed-in users and API clients, who authenticate as on every endpoint."""

from django.contrib.auth.views import redirect_to_login
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.exceptions import NotAuthenticated

from .permissions import DocsReadable
from .views import APIMixin


class DocsAccess:
    authentication_classes = APIMixin.authentication_classes
    permission_classes = [DocsReadable]


class APISchemaView(DocsAccess, SpectacularAPIView):
    """The OpenAPI schema; a 401 for an anonymous client when the docs are not public."""


class APIDocsView(DocsAccess, SpectacularSwaggerSplitView):
    """The browsable docs: a page to read, so GET alone (DRF's OPTIONS answer would need a
    template this HTML-only view does not have); an anonymous visitor of private docs is sent to
    sign in. Its start-up script is served by the same view (`?script`), not inline, for the
    CSP."""

    http_method_names = ["get", "head"]

    def handle_exception(self, exc):
        if isinstance(exc, NotAuthenticated):
            return redirect_to_login(self.request.get_full_path())
        return super().handle_exception(exc)
