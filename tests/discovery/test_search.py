"""Site search: tone-less, upper-case, NFD and partial queries; ranking; hostile input."""

import unicodedata

import pytest
from django.urls import reverse

from discovery.search import MAX_QUERY_LENGTH, SearchQuery, highlight, site_search


def nfd(text):
    return unicodedata.normalize("NFD", text)


# (query, key of the story it must find) — tone-less, upper-case, NFD and partial words.
RECALL = [
    ("dai hoi thi dua", "congress"),
    ("DAI HOI THI DUA", "congress"),
    (nfd("Đại hội thi đua"), "congress"),
    ("ĐẠI HỘI", "congress"),
    ("yeu nuoc", "congress"),
    ("lan thu viii", "congress"),
    ("dien hinh tien tien", "honouring"),
    ("Điển hình tiên tiến", "honouring"),
    ("DIEN HINH", "honouring"),
    ("tuyen duong dak ha", "honouring"),
    ("y hoa", "teacher"),
    ("bang khen", "teacher"),
    ("dan toc ba na", "teacher"),
    ("nong thon moi", "rural"),
    (nfd("Đăk Tô"), "rural"),
    ("ngoc hoi", "road"),
    ("duong van minh", "person"),
    ("chien si thi dua co so", "person"),
    ("thay thuoc uu tu", "doctor"),
    ("TU MO RONG", "doctor"),
    ("chung tay vi nguoi ngheo", "poor"),
    ("ho chi minh", "hcm"),
    ("phong cach", "hcm"),
    # partial words: the last word may be a prefix
    ("dai ho", "congress"),
    ("dien hinh tien t", "honouring"),
    ("nguoi ngh", "poor"),
    ("thay thu", "doctor"),
    # tags are searchable too
    ("giam ngheo", "poor"),
]


def ids_for(query, **filters):
    return site_search(SearchQuery.parse(query), **filters).ids


@pytest.mark.django_db
def test_recall_set(corpus):
    assert len(RECALL) >= 20
    missing = [(q, key) for q, key in RECALL if corpus[key].pk not in ids_for(q)]
    assert missing == []


@pytest.mark.django_db
def test_toneless_query_does_not_match_everything(corpus):
    assert ids_for("dai hoi thi dua") == [corpus["congress"].pk]
    assert ids_for("khong co tu nay") == []


@pytest.mark.django_db
def test_accented_query_ranks_exact_accent_matches_first(corpus):
    road, person = corpus["road"].pk, corpus["person"].pk
    by_road = ids_for("đường")
    by_person = ids_for("Dương")
    # both spellings fold to "duong", so each query finds both stories…
    assert {road, person} <= set(by_road) and {road, person} <= set(by_person)
    # …but the story spelled exactly as typed comes first
    assert by_road.index(road) < by_road.index(person)
    assert by_person.index(person) < by_person.index(road)


@pytest.mark.django_db
def test_title_matches_rank_before_body_matches(corpus, make_story):
    body_only = make_story(title="Tin tổng hợp", lead="Nói về nông thôn mới ở Sa Thầy.")
    found = ids_for("nong thon moi")
    assert found.index(corpus["rural"].pk) < found.index(body_only.pk)
    starts = make_story(title="Nông thôn mới: chặng đường mười năm")
    assert ids_for("nong thon moi")[0] == starts.pk


@pytest.mark.django_db
def test_unpublished_and_private_pages_are_not_found(make_story):
    make_story(title="Bản nháp về đại hội", publish=False)
    assert ids_for("ban nhap") == []


@pytest.mark.django_db
def test_filters_by_type_tag_and_year(corpus):
    from news.models import ArticlePage

    congress, honouring = corpus["congress"].pk, corpus["honouring"].pk
    assert set(ids_for("thi dua", year=2020)) == {congress, honouring}
    assert ids_for("thi dua", tag="dai-hoi") == [congress]
    assert set(ids_for("thi dua", page_type=ArticlePage)) >= {congress, honouring}
    assert ids_for("thi dua", year=1999) == []
    outcome = site_search(SearchQuery.parse("thi dua"))
    assert 2020 in outcome.years
    assert "thi-dua" in [slug for slug, _name, _n in outcome.tags]


def test_query_parsing_caps_and_folds():
    query = SearchQuery.parse("  ĐẠI   Hội  ")
    assert query.text == "ĐẠI Hội"
    assert query.folded == "dai hoi"
    assert query.has_marks
    assert not SearchQuery.parse("dai hoi").has_marks
    long = SearchQuery.parse("a" * 5000)
    assert long.truncated and len(long.text) == MAX_QUERY_LENGTH
    assert not SearchQuery.parse("!!! ??? ---").is_searchable
    assert SearchQuery.parse(nfd("Đại")).folded == "dai"


def test_highlight_marks_matches_and_escapes():
    query = SearchQuery.parse("dai hoi")
    html = highlight('<b>Đại hội</b> & "thi đua" của đại hội', query)
    assert "<b>" not in html
    assert "&lt;b&gt;<mark>Đại hội</mark>&lt;/b&gt;" in html
    assert "&amp;" in html and "<mark>đại hội</mark>" in html


@pytest.mark.django_db
def test_search_page_shows_results_with_highlight(client, corpus):
    response = client.get(reverse("site_search"), {"q": "dai hoi thi dua"})
    assert response.status_code == 200
    html = response.content.decode()
    assert corpus["congress"].url in html
    assert "<mark>Đại hội</mark>" in html
    assert 'name="q" value="dai hoi thi dua"' in html
    assert corpus["road"].url not in html


@pytest.mark.django_db
def test_header_has_a_search_box_on_every_page(client, corpus):
    html = client.get(corpus["congress"].url).content.decode()
    assert '<input id="header-search-q" type="search" name="q"' in html
    assert 'action="/tim-kiem/"' in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params",
    [
        {},
        {"q": ""},
        {"q": "   "},
        {"q": "!!! %%% ***"},
        {"q": "\"'<script>alert(1)</script>"},
        {"q": "dai hoi " * 2000},
        {"q": 'AND OR NOT NEAR ( ) * ^ : "'},
        {"q": "dai", "page": "999999"},
        {"q": "dai", "page": "abc"},
        {"q": "dai", "nam": "x"},
        {"q": "dai", "loai": "user"},
        {"q": "dai", "the": "<b>"},
        {"q": "\x00dai"},
    ],
)
def test_hostile_queries_give_a_friendly_page(client, corpus, params):
    response = client.get(reverse("site_search"), params)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "<b>" not in html.split("<main", 1)[1]


@pytest.mark.django_db
def test_empty_and_symbol_only_queries_explain_what_to_do(client, home_page):
    html = client.get("/tim-kiem/").content.decode()
    assert 'class="search-empty"' in html and "dai hoi thi dua" in html
    assert "Tone marks are optional" in client.get("/en/tim-kiem/").content.decode()
    html = client.get("/en/tim-kiem/", {"q": "%%%"}).content.decode()
    assert "has no letters or digits" in html


@pytest.mark.django_db
def test_long_query_is_capped_with_a_notice(client, corpus):
    html = client.get("/tim-kiem/", {"q": "dai hoi " * 100}).content.decode()
    assert 'class="search-notice"' in html


@pytest.mark.django_db
def test_search_pagination(client, make_story):
    for number in range(13):
        make_story(title=f"Đại hội chi bộ số {number}")
    first = client.get("/tim-kiem/", {"q": "dai hoi"}).content.decode()
    second = client.get("/tim-kiem/", {"q": "dai hoi", "page": "2"}).content.decode()
    assert first.count('class="search-result"') == 10
    assert second.count('class="search-result"') == 3
    assert 'rel="next"' in first


@pytest.mark.django_db
def test_promoted_results_for_a_recurring_query(client, corpus):
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    promoted = corpus["hcm"]
    SearchPromotion.objects.create(
        query=Query.get("đại hội"), page=promoted, sort_order=0, description="Chuyên đề"
    )
    for q in ("đại hội", "dai hoi", "ĐẠI HỘI"):
        html = client.get("/tim-kiem/", {"q": q}).content.decode()
        section = html.split('class="search-promoted"', 1)
        assert len(section) == 2, q
        assert promoted.url in section[1].split("</section>", 1)[0]


@pytest.mark.django_db
def test_search_page_query_budget_is_constant(
    client, make_story, make_image, django_assert_max_num_queries
):
    image = make_image()

    def run():
        client.get("/tim-kiem/", {"q": "dai hoi"})  # renditions made on the first render
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as ctx:
            response = client.get("/tim-kiem/", {"q": "dai hoi"})
        assert response.status_code == 200
        return len(ctx.captured_queries)

    for number in range(3):
        make_story(title=f"Đại hội số {number}", image=image, tags=["Thi đua"])
    small = run()
    for number in range(3, 25):
        make_story(title=f"Đại hội số {number}", image=image, tags=["Thi đua"])
    large = run()
    assert small == large
    with django_assert_max_num_queries(small):
        client.get("/tim-kiem/", {"q": "dai hoi"})
    assert small <= 20


@pytest.mark.postgres_only
@pytest.mark.django_db
def test_postgres_fuzzy_fallback_finds_typos(client, corpus, settings):
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("trigram search needs PostgreSQL")
    assert ids_for("dai hoi thi dua") == [corpus["congress"].pk]
    found = ids_for("dien hinhh tien tienn")
    assert corpus["honouring"].pk in found
    html = client.get("/tim-kiem/", {"q": "dien hinhh tien tienn"}).content.decode()
    assert 'class="search-notice"' in html and corpus["honouring"].url in html


@pytest.mark.django_db
def test_queries_are_counted_for_editors(client, corpus):
    from wagtail.contrib.search_promotions.models import Query

    for _ in range(3):
        client.get("/tim-kiem/", {"q": "Đại hội"})
    client.get("/tim-kiem/", {"q": "%%%"})
    client.get("/tim-kiem/", {"q": "Đại hội", "page": "2"})
    assert Query.get("đại hội").hits == 3
    assert not Query.objects.filter(query_string="%%%").exists()
