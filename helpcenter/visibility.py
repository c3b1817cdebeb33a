"""Which help-center pages a visitor may see in listings, search, JSON-LD and reports to them.

Wagtail's page privacy guards each page when it is served; listings must apply the same rule
themselves. `public()` is right for anonymous visitors; signed-in visitors also see the sections
restricted to signed-in users, and to the groups they belong to. Password-protected sections are
never listed: their password form is the only way in.
"""

import hashlib

from django.db.models import Q
from wagtail.models import PageViewRestriction

_CACHE_ATTR = "_helpcenter_hidden_restrictions"


def hidden_restrictions(request):
    """The view restrictions this visitor does not pass, fetched once per request."""
    if not hasattr(request, _CACHE_ATTR):
        user = request.user
        restrictions = PageViewRestriction.objects.select_related("page").order_by("pk")
        if user.is_authenticated:
            restrictions = restrictions.exclude(restriction_type=PageViewRestriction.LOGIN)
            if user.is_superuser:
                restrictions = restrictions.exclude(restriction_type=PageViewRestriction.GROUPS)
            else:
                restrictions = restrictions.exclude(
                    Q(restriction_type=PageViewRestriction.GROUPS) & Q(groups__in=user.groups.all())
                )
        setattr(request, _CACHE_ATTR, list(restrictions.distinct()))
    return getattr(request, _CACHE_ATTR)


def visible_to(queryset, request):
    """`queryset` (of pages) without the pages in sections this visitor may not see."""
    hidden = Q()
    for restriction in hidden_restrictions(request):
        hidden |= Q(path__startswith=restriction.page.path)
    return queryset.exclude(hidden) if hidden else queryset


def audience_key(request):
    """Names what this visitor may see, so cached fragments are shared only by equal audiences."""
    ids = ",".join(str(restriction.pk) for restriction in hidden_restrictions(request))
    return hashlib.sha1(ids.encode(), usedforsecurity=False).hexdigest()[:12]
