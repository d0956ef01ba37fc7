"""Every hypothesis test is derandomized: the same examples on every run, so CI is
deterministic."""

from hypothesis import settings

settings.register_profile("likewise", derandomize=True, deadline=None)
settings.load_profile("likewise")
