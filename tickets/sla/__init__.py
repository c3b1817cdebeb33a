"""Service-level targets: business-hours arithmetic, policies per priority, due times, breaches."""
