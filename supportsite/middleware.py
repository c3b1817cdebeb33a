"""What a signed-in person or an API client is shown stays theirs: no shared cache, and no
browser history or back-forward cache, keeps it."""

from django.utils.cache import patch_cache_control, patch_vary_headers


class PrivateResponsesMiddleware:
    """Responses to a signed-in user, or to a request that carries credentials (an API token or
    JWT), say `Cache-Control: private, no-store` and vary on Cookie and Authorization. Pages
    anonymous visitors read (the help center) stay cacheable."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if "HTTP_AUTHORIZATION" in request.META or request.user.is_authenticated:
            patch_cache_control(response, private=True, no_store=True)
            patch_vary_headers(response, ("Cookie", "Authorization"))
        return response
