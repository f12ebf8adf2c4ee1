"""The library modules a program may import, one simulated module each in this package.

Their tables, with every built-in, are gathered in app/engine/library.py.
"""
