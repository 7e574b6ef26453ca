"""Link a schedule slot to its programme, and to the episode that aired in it, by name.

"Thời sự Kon Tum" matches the programme of that name whatever the tone marks or case;
"Thời sự Kon Tum (phát lại)" matches it too (the longest programme title the slot's title
starts with). The episode is the programme's live episode aired at the slot's start.
"""

from language.vietnamese import fold
from programmes.models import EpisodePage, ProgrammePage


def _key(text):
    return " ".join(fold(text or "").lower().split())


class ProgrammeMatcher:
    """Programmes read once (one query), episodes per match (one query each matched slot)."""

    def __init__(self):
        self._programmes = None

    def programmes(self):
        if self._programmes is None:
            found = ProgrammePage.objects.live().public().only("pk", "title", "path")
            self._programmes = sorted(
                ((_key(page.title), page.pk, page.path) for page in found),
                key=lambda item: -len(item[0]),
            )
        return self._programmes

    def programme(self, title):
        """(pk, tree path) of the programme ``title`` names, or None."""
        wanted = _key(title)
        if not wanted:
            return None
        for key, pk, path in self.programmes():
            if key == wanted:
                return pk, path
        for key, pk, path in self.programmes():  # longest first
            if key and wanted.startswith(key) and not wanted[len(key)].isalnum():
                return pk, path
        return None

    def link(self, slot):
        """Fill the slot's programme and episode when the title names one."""
        found = self.programme(slot.title)
        if found is None:
            return slot
        slot.programme_id, path = found
        slot.episode_id = (
            EpisodePage.objects.live()
            .public()
            .filter(path__startswith=path, depth=len(path) // 4 + 1, air_date=slot.starts_at)
            .values_list("pk", flat=True)
            .first()
        )
        return slot
