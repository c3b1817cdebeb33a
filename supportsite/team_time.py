"""Times as the support team reads them: in the team's time zone (settings.TIME_ZONE), whatever
zone the reader's admin profile is set to, with the zone named, in one format."""

from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils.formats import date_format

NO_TIME = "—"


def team_time(moment):
    if moment is None:
        return NO_TIME
    local = moment.astimezone(ZoneInfo(settings.TIME_ZONE))
    return f"{date_format(local, 'SHORT_DATETIME_FORMAT')} {local.tzname()}"
