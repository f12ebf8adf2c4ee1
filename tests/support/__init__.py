"""What the tests share that is not a fixture: helpers, constants and programs they import by
name (`from tests.support.walking import walk`). The conftest.py files keep only fixtures and
hooks, made from these; no test imports a conftest or another test module."""
