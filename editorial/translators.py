"""Translators and the editions' desks (ROLE_SETUPS, idempotent).

- Translators ("Biên dịch viên") make a story's version in an edition with Wagtail's
  "Translate" action (`wagtail.contrib.simple_translation`), edit it and submit it; they may
  add and edit pages in every edition's tree, never publish, and never edit a Vietnamese page
  (the Translate screen lets them translate a page they may not edit: `translate_views.py`).
- Editors may use the Translate action too: that is how an edition's home is made.
- Each edition has its desk ("Ban biên tập tiếng Anh", "… tiếng Ba Na"): it edits and
  publishes in that edition, and a one-step workflow on the edition's home holds every page
  submitted there until the desk approves it. Editors ("Biên tập viên") edit and publish in
  every edition, as on the Vietnamese site.

An edition's home is a translation of the Vietnamese home (`editions`). `ensure_roles` finds
the homes that exist; `connect_signals` does the same for a home as soon as it is made
(`copy_for_translation_done`: the Translate action, the demo, a fixture all go through it, and
the new draft home needs its desk and workflow before anyone can edit or submit it) and when a
home is published (`page_published`: a home made some other way, e.g. added by hand at the
root). Signals rather than a Wagtail hook: hooks run only in admin views, signals whatever
made the page.
"""

from django.contrib.auth.models import Group
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from editions.languages import BY_CODE, DEFAULT

from .roles import (
    EDITOR_COLLECTION_PERMISSIONS,
    EDITOR_PAGE_PERMISSIONS,
    EDITORS,
    REPORTER_COLLECTION_PERMISSIONS,
    REPORTER_MODEL_PERMISSIONS,
    _grant_collection,
    _grant_models,
    _grant_pages,
)

TRANSLATORS = "Biên dịch viên"
EDITION_DESK = "Ban biên tập {language}"
EDITION_WORKFLOW = "Duyệt bản {language}"
EDITION_TASK = "Ban biên tập {language} duyệt"
TRANSLATE_PERMISSION = ("simple_translation", "submit_translation")
TRANSLATOR_PAGE_PERMISSIONS = ["add_page", "change_page"]
TRANSLATOR_MODEL_PERMISSIONS = [*REPORTER_MODEL_PERMISSIONS, TRANSLATE_PERMISSION]
DESK_MODEL_PERMISSIONS = [*REPORTER_MODEL_PERMISSIONS, TRANSLATE_PERMISSION]


def _language(code):
    """ "tiếng Anh", "tiếng Ba Na": the language's Vietnamese name inside a sentence."""
    name = BY_CODE[code].vietnamese_name
    return name[:1].lower() + name[1:]


def desk_name(code):
    return EDITION_DESK.format(language=_language(code))


def _root_key():
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    return site.root_page.translation_key if site else None


def edition_home_pages():
    """Every edition's home, live or draft: the translations of the Vietnamese home."""
    key = _root_key()
    if key is None:
        return []
    homes = Page.objects.filter(translation_key=key).exclude(locale__language_code=DEFAULT)
    return [home for home in homes.select_related("locale") if home.locale.language_code in BY_CODE]


def ensure_translators():
    translators, _created = Group.objects.get_or_create(name=TRANSLATORS)
    _grant_models(translators, TRANSLATOR_MODEL_PERMISSIONS)
    _grant_collection(
        translators, Collection.get_first_root_node(), REPORTER_COLLECTION_PERMISSIONS
    )
    return translators


def ensure_edition_desk(home, translators=None):
    """The edition's desk, its workflow on the edition's home, and the translators' and
    editors' permissions there (idempotent). Returns the desk's group."""
    code = home.locale.language_code
    language = _language(code)
    translators = translators or ensure_translators()
    editors, _created = Group.objects.get_or_create(name=EDITORS)
    desk, _created = Group.objects.get_or_create(name=desk_name(code))
    _grant_models(desk, DESK_MODEL_PERMISSIONS)
    _grant_collection(desk, Collection.get_first_root_node(), EDITOR_COLLECTION_PERMISSIONS)
    _grant_pages(desk, home, EDITOR_PAGE_PERMISSIONS)
    _grant_pages(editors, home, EDITOR_PAGE_PERMISSIONS)
    _grant_pages(translators, home, TRANSLATOR_PAGE_PERMISSIONS)
    task_name = EDITION_TASK.format(language=language)
    task = GroupApprovalTask.objects.filter(name=task_name).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=task_name)
    task.groups.add(desk)
    workflow, _created = Workflow.objects.get_or_create(
        name=EDITION_WORKFLOW.format(language=language)
    )
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    # Only where none is set: a workflow staff chose for the edition stays.
    WorkflowPage.objects.get_or_create(page=home, defaults={"workflow": workflow})
    return desk


def ensure_roles():
    translators = ensure_translators()
    # Editors make an edition's home with the Translate action on the Vietnamese home.
    editors, _created = Group.objects.get_or_create(name=EDITORS)
    _grant_models(editors, [TRANSLATE_PERMISSION])
    for home in edition_home_pages():
        ensure_edition_desk(home, translators)
    return translators


def _is_edition_home(page):
    if page.depth != 2 or page.locale_id is None:
        return False
    locale = page.locale
    if locale.language_code == DEFAULT or locale.language_code not in BY_CODE:
        return False
    return page.translation_key == _root_key()


def _on_translation_made(sender, source_obj=None, target_obj=None, **kwargs):
    if isinstance(target_obj, Page) and _is_edition_home(target_obj):
        ensure_edition_desk(target_obj)


def _on_page_published(sender, instance=None, **kwargs):
    if instance is not None and _is_edition_home(instance):
        ensure_edition_desk(instance)


def connect_signals():
    from wagtail.signals import copy_for_translation_done, page_published

    copy_for_translation_done.connect(_on_translation_made, dispatch_uid="edition-desk-made")
    page_published.connect(_on_page_published, dispatch_uid="edition-desk-published")
