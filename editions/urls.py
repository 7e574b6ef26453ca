from django.urls import path

from .views import switch_edition

urlpatterns = [
    # The old language switch's address: it now leads to the edition.
    path("i18n/setlang/", switch_edition, name="set_language"),
]
