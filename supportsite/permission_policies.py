from wagtail.permission_policies import ModelPermissionPolicy


class WorkflowOnlyPermissionPolicy(ModelPermissionPolicy):
    """For models that change only through workflow functions: the admin's generic add, edit
    and delete views are refused to everyone, superusers included."""

    def __init__(self, model, forbidden=("add", "delete")):
        super().__init__(model)
        self.forbidden = set(forbidden)

    def user_has_permission(self, user, action):
        if action in self.forbidden:
            return False
        return super().user_has_permission(user, action)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission(set(actions) - self.forbidden)
