from exemplars.models.choices import (  # noqa: F401
    AwardCategory,
    AwardingLevel,
    ExemplarKind,
    PlaceLevel,
    SuccessionKind,
)
from exemplars.models.index import (  # noqa: F401
    ExemplarIndexPage,
)
from exemplars.models.pages import (  # noqa: F401
    SHOWN_AWARDS,
    AwardRecord,
    ConsentedDetail,
    ExemplarPage,
)
from exemplars.models.places import (  # noqa: F401
    Place,
    PlaceSuccession,
)
from exemplars.models.vocabularies import (  # noqa: F401
    AwardType,
    EthnicGroup,
    Sector,
)
