"""The newsroom-day bench's schedule: a newsroom's rhythm, compressed."""

from collections import Counter

from bench import newsroom


def test_a_compressed_hour_keeps_the_newsroom_rhythm():
    # 60 s compressed 12×: twelve newsroom minutes.
    events = newsroom.schedule(60, 12)
    counts = Counter(action for _at, action in events)
    assert counts == {"publish": 12, "approve": 72, "queue": 72, "draft": 6}
    publications = [at for at, action in events if action == "publish"]
    assert all(abs(b - a - 5) < 1e-9 for a, b in zip(publications, publications[1:], strict=False))
    assert [at for at, _ in events] == sorted(at for at, _ in events)


def test_readers_prefer_the_hottest_pages_zipf_style():
    weights = newsroom.zipf_weights(1000)
    assert weights[0] == 1 and weights[1] == 0.5 and weights[9] == 0.1
    # The home page alone draws more readers than the 500 oldest stories together.
    assert weights[0] > sum(weights[500:])


def test_the_day_runs_the_staff_node_and_its_routing_as_shipped():
    """The bench's Varnish: the shipped VCL with only the ports set, the readers' node and
    its unprobed twin on one, the staff backend on another; the units' flags and Nice=."""
    vcl = newsroom.bench_vcl(40001, 40002)
    assert vcl.count('.port = "40001"') == 2 and vcl.count('.port = "40002"') == 1
    assert '"8000"' not in vcl and '"8100"' not in vcl
    assert vcl.replace("40001", "8000").replace("40002", "8100") == newsroom.VCL.read_text()
    staff = newsroom.shipped_gunicorn_flags(40002, newsroom.STAFF_UNIT)
    web = newsroom.shipped_gunicorn_flags(40001)
    assert "127.0.0.1:40002" in staff and "127.0.0.1:40001" in web and staff != web
    assert newsroom.shipped_nice(newsroom.STAFF_UNIT) == 0
    # The readers' node runs at the unit's lower priority (docs/performance.md "The staff node").
    assert newsroom.shipped_nice(newsroom.WEB_UNIT) > 0
