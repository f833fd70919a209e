"""Tests of the Flask project track (examples/project), one module per chapter."""
