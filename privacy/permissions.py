"""Who may take a customer's data away: the customer themselves, and support admins (the
privacy.export_personal_data permission) for anyone's."""

EXPORT_PERMISSION = "privacy.export_personal_data"


def may_export_anyone(user):
    return user.is_authenticated and user.has_perm(EXPORT_PERMISSION)


def may_download(user, data_export):
    return user.is_authenticated and (user.pk == data_export.user_id or may_export_anyone(user))
