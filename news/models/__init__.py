from news.models.listings import (  # noqa: F401
    LISTING_CACHE_SECONDS,
    LISTING_RENDITIONS,
    STORIES_PER_PAGE,
    _page_link,
    parse_month,
    story_listing,
)
from news.models.pages import (  # noqa: F401
    ArticlePage,
    NewsIndexPage,
    SectionPage,
    news_index_of,
    section_titles,
)
from news.models.reads import (  # noqa: F401
    DailyReads,
)
from news.models.reporters import (  # noqa: F401
    BYLINE_SEPARATOR,
    Reporter,
)
from news.models.story_rows import (  # noqa: F401
    ArticleByline,
    ArticleExemplar,
    ArticleNote,
    ArticleRelatedStory,
    NoteKind,
    StoryKind,
)
from news.models.tags import (  # noqa: F401
    ArticlePageTag,
    NewsTag,
    NewsTagQuerySet,
)
from news.models.workflow import (  # noqa: F401
    DeskReviewTask,
)
