import pytest

# A failing ``assert`` in the shared helpers reports its values as one in a test does.
pytest.register_assert_rewrite("tests.helpers")
