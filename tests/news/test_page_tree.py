from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from base.models import HomePage
from demo.site import load as load_site
from liveblog.models import LiveBlogPage
from news.models import ArticlePage, NewsIndexPage, SectionPage


class PageTreeRules(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = load_site()
        cls.news_index = cls.home.add_child(instance=NewsIndexPage(title="Tin tức"))
        cls.story = cls.news_index.add_child(
            instance=ArticlePage(title="Đại hội thi đua", lead="Sapo.")
        )

    def test_home_page_sits_at_the_root_only(self):
        self.assertCanCreateAt(Page, HomePage)
        self.assertCanNotCreateAt(HomePage, HomePage)
        self.assertCanNotCreateAt(NewsIndexPage, HomePage)

    def test_news_index_lives_under_home(self):
        self.assertAllowedParentPageTypes(NewsIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(NewsIndexPage, {ArticlePage, SectionPage, LiveBlogPage})
        self.assertAllowedParentPageTypes(SectionPage, {NewsIndexPage})
        self.assertAllowedSubpageTypes(SectionPage, {ArticlePage, LiveBlogPage})

    def test_stories_live_under_a_news_index_and_have_no_children(self):
        self.assertAllowedParentPageTypes(ArticlePage, {NewsIndexPage, SectionPage})
        self.assertAllowedSubpageTypes(ArticlePage, set())
        self.assertCanNotCreateAt(HomePage, ArticlePage)

    def test_each_page_type_is_routable_and_renderable(self):
        for page in (self.home, self.news_index, self.story):
            self.assertPageIsRoutable(page)
            self.assertPageIsRenderable(page)

    def test_news_index_subroutes_are_routable(self):
        self.assertPageIsRoutable(self.news_index, "chu-de/nong-thon-moi/")
        self.assertPageIsRoutable(self.news_index, "phong-vien/y-nhung/")
