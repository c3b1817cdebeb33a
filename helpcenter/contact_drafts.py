"""A contact form kept in the visitor's session while it cannot be sent yet: while an anonymous
visitor signs in, or while too many posts from their address are refused (the 429 page links
back to it).

Text fields go in the session; files are kept by tickets.kept_uploads (after the same content
checks as any attachment), listed on the form and sent with it.
"""

from tickets import kept_uploads

SESSION_KEY = "contact_draft"


def uploads_scope(page):
    """The contact page's files in tickets.kept_uploads."""
    return f"contact:{page.pk}"


def save_draft(request, page, data, files):
    kept_uploads.keep_good(request, uploads_scope(page), files)
    request.session[SESSION_KEY] = {
        "page": page.pk,
        "data": {key: data.getlist(key) for key in data if key != "csrfmiddlewaretoken"},
    }


def load_draft(request, page):
    draft = request.session.get(SESSION_KEY)
    if not draft or draft.get("page") != page.pk:
        return None
    return draft


def draft_initial(draft):
    return values_as_initial(draft["data"])


def values_as_initial(data):
    """Posted values ({name: [values]}) as a form's initial values, to show them again."""
    return {key: values if len(values) > 1 else values[0] for key, values in data.items() if values}


def discard_draft(request, page):
    """Forget the draft and its files, once the ticket is sent."""
    request.session.pop(SESSION_KEY, None)
    kept_uploads.discard(request, uploads_scope(page))
