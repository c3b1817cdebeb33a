"""Helpers for the notification and email tests: who got which email, and what it says."""

from urllib.parse import urlsplit

from django.core import mail


def html_of(message):
    return next(content for content, mimetype in message.alternatives if mimetype == "text/html")


def inbox():
    """{address: [subject, …]} for every email sent so far."""
    sent = {}
    for message in mail.outbox:
        for address in message.to:
            sent.setdefault(address, []).append(message.subject)
    return sent


def everything_sent():
    """All the text of every email, for checks like "this never leaves the building"."""
    return "\n".join(
        f"{message.subject}\n{message.body}\n{html_of(message)}" for message in mail.outbox
    )


def link_path(message):
    """The ticket link of an email (its path), as the text version prints it."""
    for line in message.body.splitlines():
        if line.startswith("View the ticket: "):
            return urlsplit(line.removeprefix("View the ticket: ")).path
    raise AssertionError(f"no ticket link in:\n{message.body}")


def email_to(address):
    matches = [message for message in mail.outbox if address in message.to]
    assert len(matches) == 1, (address, [m.subject for m in matches])
    return matches[0]
