"""Teams in the admin: who is in each, as their listing shows it."""

from django.utils.html import format_html_join
from wagtail.admin.ui.tables import Column


class TeamMembersColumn(Column):
    """The team's members' names (prefetched with the page's teams)."""

    def get_value(self, team):
        return format_html_join(
            ", ", "<bdi>{}</bdi>", ((member.get_full_name(),) for member in team.members.all())
        )
