"""The desk head's review: a workflow task whose approvers are the story's section desk."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Task, TaskState

from news.models.pages import ArticlePage, SectionPage


class DeskReviewTask(Task):
    """The desk's step of the newsroom's approval: the desk heads (Trưởng ban) of the story's
    section review it, and only theirs; then the editor-in-chief's step publishes it.

    Like Wagtail's group approval, but the group is the section's (SectionPage.desk_heads), so
    one workflow serves every section and a desk head never sees another desk's stories.
    """

    admin_form_fields = Task.admin_form_fields

    class Meta:
        verbose_name = _("desk review (the section's desk heads)")
        verbose_name_plural = _("desk reviews")

    @staticmethod
    def _desk_group_id(obj):
        parent = obj.get_parent().specific if hasattr(obj, "get_parent") else None
        return parent.desk_heads_id if isinstance(parent, SectionPage) else None

    def _is_desk_head(self, obj, user):
        if user.is_superuser:
            return True
        group_id = self._desk_group_id(obj)
        return group_id is not None and user.groups.filter(pk=group_id).exists()

    def user_can_access_editor(self, obj, user):
        return self._is_desk_head(obj, user)

    def locked_for_user(self, obj, user):
        return not self._is_desk_head(obj, user)

    def user_can_lock(self, obj, user):
        return self._is_desk_head(obj, user)

    def user_can_unlock(self, obj, user):
        return False

    def get_actions(self, obj, user):
        if not self._is_desk_head(obj, user):
            return []
        return [
            ("reject", _("Send back to the reporter"), True),
            ("approve", _("Approve"), False),
            ("approve", _("Approve with comment"), True),
        ]

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
        if user.is_superuser:
            return states
        paths = list(
            SectionPage.objects.filter(desk_heads__in=user.groups.all()).values_list(
                "path", flat=True
            )
        )
        if not paths:
            return TaskState.objects.none()
        stories = ArticlePage.objects.filter(
            models.Q(*[models.Q(path__startswith=path) for path in paths], _connector=models.Q.OR)
        ).values_list("pk", flat=True)
        return states.filter(workflow_state__object_id__in=[str(pk) for pk in stories])

    @classmethod
    def get_description(cls):
        return _("The desk heads of the story's section review it (their sections only).")
