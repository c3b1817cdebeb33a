"""Support tickets: the models, the one workflow every change goes through (workflow/), who
may see what (permissions.py), the customer portal, the agents' workspace (admin/), the API
(api/), email intake (intake/), the SLA (sla/) and the support reports (reports/)."""
