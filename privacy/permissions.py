"""Who may take a customer's data away or erase it: the customer themselves (their own), and
support admins for anyone's (the privacy.export_personal_data and erase_personal_data
permissions)."""

EXPORT_PERMISSION = "privacy.export_personal_data"
ERASE_PERMISSION = "privacy.erase_personal_data"


def may_export_anyone(user):
    return user.is_authenticated and user.has_perm(EXPORT_PERMISSION)


def may_erase_anyone(user):
    return user.is_authenticated and user.has_perm(ERASE_PERMISSION)


def may_download(user, data_export):
    return user.is_authenticated and (user.pk == data_export.user_id or may_export_anyone(user))
