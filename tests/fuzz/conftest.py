"""Hypothesis profiles for the fuzzing suite.

`ci` (the default) runs in the normal test suite in a few seconds; `long` is the one to leave
running (`make fuzz`, or `HYPOTHESIS_PROFILE=long python -m pytest tests/fuzz`); its failing
examples are kept in .hypothesis/ and replayed first on the next run. Every finding becomes a
named regression test beside the property that found it."""

import os

from hypothesis import HealthCheck, settings

settings.register_profile("ci", max_examples=60, deadline=None, database=None, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("long", max_examples=int(os.environ.get("FUZZ_EXAMPLES", "200000")), deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
