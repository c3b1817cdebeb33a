"""Canned responses and macros in the admin: the team's shared ones, kept by support admins, and
each agent's personal ones, which only their owner sees (tickets.permissions)."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction
from wagtail.snippets.views import chooser
from wagtail.snippets.views.snippets import DeleteView, EditView, HistoryView, UsageView

from accounts.models import User
from tickets import workflow
from tickets.models import CannedResponse
from tickets.permissions import can_share_macros, editable_macros, visible_macros

from .choosers import PermissionCheckedChooserViewSet


class MacroPermissionPolicy(ModelPermissionPolicy):
    """Agents add macros (their own) and change or delete those tickets.permissions says they
    may; nobody reaches a colleague's personal macro, superusers included."""

    def user_has_permission(self, user, action):
        if action in ("change", "delete"):
            return super().user_has_permission(user, "add") or super().user_has_permission(
                user, action
            )
        return super().user_has_permission(user, action)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_any_permission_for_instance(user, [action], instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return self.instances_user_has_any_permission_for(user, actions).contains(instance)

    def instances_user_has_any_permission_for(self, user, actions):
        if {"change", "delete"} & set(actions):
            return editable_macros(user)
        if "view" in actions and self.user_has_permission(user, "view"):
            return visible_macros(user)
        return CannedResponse.objects.none()


register_permission_policy(CannedResponse, MacroPermissionPolicy(CannedResponse))


class MacroForm(WagtailAdminModelForm):
    """Who may share chooses between shared and personal; everyone else's macros are theirs."""

    shared = forms.BooleanField(
        label=_("Shared with the team"),
        required=False,
        help_text=_("Unticked, only you see and use it."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = User.objects.agents().order_by("name", "email")
        for name in ("add_tags", "remove_tags"):
            self.fields[name].widget = forms.CheckboxSelectMultiple(
                choices=self.fields[name].choices
            )
        if self.for_user is not None and can_share_macros(self.for_user):
            self.fields["shared"].initial = self.instance.pk is None or self.instance.is_shared
        else:
            del self.fields["shared"]

    def clean(self):
        data = super().clean()
        conflict = workflow.tag_conflict(data.get("add_tags") or (), data.get("remove_tags") or ())
        if conflict:
            self.add_error("remove_tags", conflict)
        return data

    def _get_validation_exclusions(self):
        # The owner is no field of the form, but the unique titles are per owner.
        return super()._get_validation_exclusions() - {"owner"}

    def _post_clean(self):
        # The owner is set before the model's checks, which include the unique titles.
        if "shared" in self.fields:
            shared = self.cleaned_data.get("shared")
            self.instance.owner = None if shared else self.instance.owner or self.for_user
        elif self.instance.pk is None:
            self.instance.owner = self.for_user
        super()._post_clean()


class OwnMacros:
    """Edit and delete find a macro among those this user may change."""

    def get_queryset(self):
        return editable_macros(self.request.user)


class MacroEditView(OwnMacros, EditView):
    pass


class MacroDeleteView(OwnMacros, DeleteView):
    pass


class MacroDeleteBulkAction(DeleteBulkAction):
    """Wagtail's bulk delete, which lists the chosen items the user may not delete: never a
    colleague's personal macro, whose title is theirs alone."""

    models = [CannedResponse]

    def get_actionable_objects(self):
        objects, extra = super().get_actionable_objects()
        visible = set(visible_macros(self.request.user).values_list("pk", flat=True))
        extra["items_with_no_access"] = [
            macro for macro in extra["items_with_no_access"] if macro.pk in visible
        ]
        return objects, extra


class VisibleMacros:
    """The chooser, the history and the usage pages find macros among those this user sees."""

    def get_object_list(self):
        return visible_macros(self.request.user)

    def get_base_object_queryset(self):
        return visible_macros(self.request.user)


class MacroHistoryView(VisibleMacros, HistoryView):
    pass


class MacroUsageView(VisibleMacros, UsageView):
    pass


class MacroChooserViewSet(PermissionCheckedChooserViewSet):
    choose_view_class = type("MacroChooseView", (VisibleMacros, chooser.ChooseView), {})
    choose_results_view_class = type(
        "MacroChooseResultsView", (VisibleMacros, chooser.ChooseResultsView), {}
    )


def _shared_with(macro):
    return _("The team") if macro.is_shared else _("Only you")


shared_column = Column("shared", label=_("For"), accessor=_shared_with)

edit_handler = ObjectList(
    [
        FieldPanel("title"),
        FieldPanel("body"),
        FieldRowPanel([FieldPanel("category"), FieldPanel("is_active")]),
        FieldPanel("shared"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("set_status"), FieldPanel("set_priority")]),
                FieldRowPanel([FieldPanel("assign_to_me"), FieldPanel("assignee")]),
                FieldPanel("add_tags"),
                FieldPanel("remove_tags"),
            ],
            heading=_("Actions when applied"),
            help_text=_(
                "A canned response with actions is a macro: sending the reply runs them, each "
                "one in the ticket's history as “macro: <title>”."
            ),
        ),
    ],
    base_form_class=MacroForm,
)
