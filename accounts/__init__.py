"""People: the email-only user, roles (groups), sign-up and sign-in through allauth, agent
applications, the user admin, personal API tokens."""
