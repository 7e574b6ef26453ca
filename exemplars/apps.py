from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExemplarsConfig(AppConfig):
    name = "exemplars"
    verbose_name = _("Exemplars")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from exemplars.models.places import Place, PlaceSuccession
        from exemplars.units import units_changed

        for model in (Place, PlaceSuccession):
            for signal in (post_save, post_delete):
                signal.connect(
                    units_changed, sender=model, dispatch_uid=f"units_changed_{model.__name__}"
                )
