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
