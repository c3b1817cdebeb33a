import re


def code_from_mail(message):
    """The one-time code allauth puts in a verification or sign-in email."""
    match = re.search(r"^\s*([A-Z0-9]{3,}(?:-[A-Z0-9]+)*)\s*$", message.body, re.MULTILINE)
    assert match, f"no code in email:\n{message.body}"
    return match.group(1)
