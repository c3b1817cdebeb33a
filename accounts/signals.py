"""What happened to an application to join the support team, announced by accounts.applications
once the change is committed (supportsite.signals.send_on_commit).

Both are sent with the AgentApplication and `by`, the user who acted: the applicant for
agent_applied, the support admin who decided for application_decided.
"""

from django.dispatch import Signal

agent_applied = Signal()
application_decided = Signal()
