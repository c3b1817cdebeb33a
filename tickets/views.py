from django.contrib.auth.decorators import login_required
from django.shortcuts import render


@login_required
def ticket_list(request):
    """The customer's own tickets. The ticket model arrives with the tickets issue (#4)."""
    return render(request, "tickets/ticket_list.html", {"tickets": []})
