import re


def code_from_mail(message):
    """The one-time code allauth puts in a verification or sign-in email."""
    match = re.search(r"^\s*([A-Z0-9]{3,}(?:-[A-Z0-9]+)*)\s*$", message.body, re.MULTILINE)
    assert match, f"no code in email:\n{message.body}"
    return match.group(1)


def count_queries(client, url):
    """The queries of a whole page: the admin's kept sidebar and the user's kept permissions
    are read afresh each time."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from supportsite import access

    access.changed()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(queries)


def fresh(user):
    """The user as the next request loads them: nothing kept on the object."""
    return type(user).objects.get(pk=user.pk)
