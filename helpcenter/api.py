"""The API's help-center search (`GET /api/v1/articles/?q=`), on the help center's own search.

It shares the API's authentication, throttling and error format (tickets.api.views.APIMixin);
supportsite/urls.py mounts it under /api/v1/, so the tickets app needs nothing from this one.
"""

import html

from django.utils.html import strip_tags
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from tickets.api.serializers import OutputMixin
from tickets.api.views import APIMixin

from .search import search_help_center

ARTICLE_RESULTS = 20


class ArticleSearchQuerySerializer(serializers.Serializer):
    q = serializers.CharField(max_length=200, help_text="What to look for.")


class ArticleHitSerializer(OutputMixin, serializers.Serializer):
    """A help-center article or FAQ answer."""

    kind = serializers.ChoiceField(choices=[("article", "article"), ("faq", "faq")])
    title = serializers.CharField()
    url = serializers.URLField()
    snippet = serializers.CharField(help_text="Plain text around the first match.")
    snippet_html = serializers.CharField(
        help_text="The same, HTML-escaped, with matches in <mark>."
    )


class ArticleSearchSerializer(OutputMixin, serializers.Serializer):
    """Search results: how many matched, and the best of them."""

    count = serializers.IntegerField()
    results = ArticleHitSerializer(many=True)


@extend_schema(
    summary="Search the help center",
    description="Published articles and FAQ answers this user may read, best first (at most "
    f"{ARTICLE_RESULTS}).",
    parameters=[ArticleSearchQuerySerializer],
    responses={200: ArticleSearchSerializer},
)
class Articles(APIMixin, APIView):
    permission_classes = [AllowAny]

    def get(self, request):
        query = ArticleSearchQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        # The help center's own search, with the visitor as the site sees them (restricted
        # sections only for signed-in users).
        hits = search_help_center(query.validated_data["q"], request._request)
        results = []
        for hit in hits[:ARTICLE_RESULTS]:
            url = hit.url
            if not url:
                continue
            snippet_html = str(hit.snippet_html)
            results.append(
                {
                    "kind": hit.kind,
                    "title": hit.title,
                    "url": request.build_absolute_uri(url),
                    "snippet": html.unescape(strip_tags(snippet_html)),
                    "snippet_html": snippet_html,
                }
            )
        return Response({"count": len(hits), "results": results})
