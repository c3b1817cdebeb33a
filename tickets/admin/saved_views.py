"""The queue's views: the built-in ticket sets (`?view=<key>`, from the TicketQuerySet) and the
agents' saved views (tickets.models.SavedView: a querystring of the queue).

The queue opens on the user's default view (default_view: "my teams" for an agent in a team,
else DEFAULT, the active tickets); `?view=all` lists every ticket. The shortcuts above the
queue, the "Ticket views" menu, the dashboard panels' "more" links and `/api/v1/views/` name a
view from here, so what a count says is what its link lists.
"""

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlencode

from django.core.cache import cache
from django.http import QueryDict
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tickets.models.saved_views import QUERY_MAX_LENGTH
from tickets.permissions import team_ids, visible_saved_views, visible_tickets

# The views' counts (and the queue's menu badge) are recounted at most this often (seconds):
# they show on every admin page.
BADGE_TTL = 30
DEFAULT, ALL, MY_TEAMS = "active", "all", "my_teams"
QUEUE_URL_NAME = "wagtailsnippets_tickets_ticket:list"
# What a saved view keeps of the queue's URL: not the page it was on, nor Wagtail's marker of a
# redrawn listing (active filters' "remove" links carry it).
NOT_SAVED = ("p", "_w_filter_fragment")


@dataclass(frozen=True)
class BuiltInView:
    label: str
    tickets: Callable  # (tickets queryset, user) -> queryset
    shortcut: bool = True  # a button above the queue
    counted: bool = True  # a count in the menu, the shortcuts and the API
    teams_only: bool = False  # offered only to members of a team

    def offered(self, user):
        return not self.teams_only or bool(team_ids(user))


BUILT_IN_VIEWS = {
    MY_TEAMS: BuiltInView(
        _("My teams"), lambda t, user: t.active().of_teams(user), teams_only=True
    ),
    DEFAULT: BuiltInView(_("Active tickets"), lambda t, user: t.active(), shortcut=False),
    "mine": BuiltInView(_("Mine"), lambda tickets, user: tickets.mine(user)),
    "unassigned": BuiltInView(_("Unassigned"), lambda tickets, user: tickets.unassigned()),
    "pressing": BuiltInView(_("Urgent & high"), lambda t, user: t.pressing(), counted=False),
    "at_risk": BuiltInView(_("At risk"), lambda tickets, user: tickets.at_risk()),
    "breached": BuiltInView(_("Breached"), lambda tickets, user: tickets.breached()),
    "waiting": BuiltInView(_("Waiting on customer"), lambda tickets, user: tickets.waiting()),
    "recently_solved": BuiltInView(
        _("Recently solved"), lambda tickets, user: tickets.recently_solved()
    ),
    ALL: BuiltInView(_("All tickets"), lambda t, user: t, shortcut=False, counted=False),
}
# The filter's choices, the defaults first (what the queue shows when none is chosen).
CHOICES = [(key, view.label) for key, view in BUILT_IN_VIEWS.items()]


def default_view(user):
    """What the queue shows when no view is chosen: an agent's teams' active tickets, or every
    active ticket for whoever is in no team."""
    return MY_TEAMS if team_ids(user) else DEFAULT


def offered(user):
    """The built-in views this user is offered, {key: view}."""
    return {key: view for key, view in BUILT_IN_VIEWS.items() if view.offered(user)}


def apply(key, tickets, user):
    return BUILT_IN_VIEWS[key or default_view(user)].tickets(tickets, user)


def url(key):
    return _url(reverse(QUEUE_URL_NAME), key)


def urls():
    """Every built-in view's URL, {key: url}, with one reverse() (the menu and the views bar
    show them on every page)."""
    index = reverse(QUEUE_URL_NAME)
    return {key: _url(index, key) for key in BUILT_IN_VIEWS}


def _url(index, key):
    """A view's own URL, named (the queue's plain URL is each user's default view)."""
    return f"{index}?{urlencode({'view': key})}"


def saved_view_url(view):
    index = reverse(QUEUE_URL_NAME)
    return f"{index}?{view.query}" if view.query else index


def counted_keys(user):
    """The built-in views this user is offered with a count."""
    return [key for key, view in offered(user).items() if view.counted]


def counts(user):
    """{key: number of tickets} of the counted built-in views, as this user may see them."""

    keys = counted_keys(user)

    def count():
        tickets = visible_tickets(user)
        return {key: BUILT_IN_VIEWS[key].tickets(tickets, user).count() for key in keys}

    # Kept per set of views: joining a team offers "My teams" at once.
    return cache.get_or_set(f"ticket-views:{user.pk}:{'.'.join(keys)}", count, BADGE_TTL)


def listed(request):
    """The saved views this request's user may open, read once per request: the "Ticket views"
    menu and the queue's views bar both list them."""
    if not hasattr(request, "listed_saved_views"):
        request.listed_saved_views = list(visible_saved_views(request.user))
    return request.listed_saved_views


def query_to_save(params):
    """The queue's querystring as a saved view keeps it (None when too long to keep)."""
    kept = QueryDict(mutable=True)
    for key in params:
        if key not in NOT_SAVED:
            kept.setlist(key, [value for value in params.getlist(key) if value])
    query = kept.urlencode()
    return query if len(query) <= QUERY_MAX_LENGTH else None
