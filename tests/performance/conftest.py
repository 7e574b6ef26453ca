"""The registry's fixtures, for tests that render every kind of public page."""

from tests.exemplars.conftest import (  # noqa: F401 (fixtures)
    campaign,
    conference,
    directory,
    make_exemplar,
    places,
    vocab,
)
