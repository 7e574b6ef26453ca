"""From a story to an exemplar: award history and stories; then filter the directory."""

import pytest

from tests.exemplars import conftest as registry_fixtures

# The registry's fixtures, shared with this browser test.
directory = registry_fixtures.directory
make_exemplar = registry_fixtures.make_exemplar
vocab = registry_fixtures.vocab

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_reader_goes_from_story_to_exemplar_and_filters_the_directory(
    page,
    live_server,
    make_story,
    directory,
    make_exemplar,
    screenshot_dir,
):
    from news.models import ArticleExemplar

    nhi = make_exemplar(
        "Y Nhi",
        awards=[{"type": "Chiến sĩ thi đua cơ sở", "decision_number": "163/QĐ-UBND", "year": 2019}],
    )
    make_exemplar("Trần Văn Dương", kind="collective")
    story = make_story(title="Biểu dương người tốt việc tốt", publish=False)
    draft = story.get_latest_revision_as_object()
    draft.exemplar_links.add(ArticleExemplar(exemplar=nhi))
    draft.save_revision().publish()

    page.goto(live_server.url + story.url)
    page.locator(".story-exemplars").get_by_role("link", name="Y Nhi").click()
    page.wait_for_url("**/dien-hinh/y-nhi/")
    assert "163/QĐ-UBND" in page.locator(".award-table").inner_text()
    assert "Biểu dương người tốt việc tốt" in page.locator(".exemplar-stories").inner_text()
    page.screenshot(path=f"{screenshot_dir}/exemplar-profile.png", full_page=True)

    page.goto(live_server.url + directory.url)
    page.fill("#exemplar-q", "duong")
    page.get_by_role("button").last.click()
    page.wait_for_url("**q=duong**")
    assert page.locator(".exemplar-card__name").all_inner_texts() == ["Trần Văn Dương"]
    # Facets are checkbox groups (several values each) behind a summary, no script needed.
    kind = page.locator("#facet-kind")
    kind.locator("summary").click()
    kind.get_by_label("Tập thể").check()
    page.locator(".directory-filters button").click()
    page.wait_for_url("**kind=collective**")
    assert page.locator(".exemplar-card__name").all_inner_texts() == ["Trần Văn Dương"]
    page.goto(live_server.url + directory.url)
    kind = page.locator("#facet-kind")
    kind.locator("summary").click()
    kind.get_by_label("Cá nhân").check()
    kind.get_by_label("Tập thể").check()
    page.fill("#year-from", "2019")
    page.locator(".directory-filters button").click()
    page.wait_for_url("**year_from=2019**")
    assert "kind=individual" in page.url and "kind=collective" in page.url
    assert page.locator(".exemplar-card__name").count() >= 1
    assert page.locator("#facet-kind").get_attribute("open") is not None
    # The honours as charts, drawn on the server.
    assert page.locator("figure.chart svg.chart__svg").count() >= 1
    page.screenshot(path=f"{screenshot_dir}/exemplar-directory.png", full_page=True)
