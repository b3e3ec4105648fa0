"""Tables of pages tried as every role (scoping, the content policy) read the standing cast of tests/conftest.py and
roll their changes back: a class of them builds it once (standing_cast) instead of once per row, 0.1–0.2 s a row."""

import copy

import pytest


class OnTheStandingCast:
    """A test class whose `world` and `objects` are the class's cast, each test given copies of the Python objects
    (what a test sets on them stays in that test; what it saves is rolled back to the cast)."""

    @pytest.fixture
    def world(self, standing_cast, db):
        return copy.deepcopy(standing_cast.world)

    @pytest.fixture
    def objects(self, standing_cast, db):
        return dict(standing_cast.objects)
