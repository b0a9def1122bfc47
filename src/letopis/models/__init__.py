"""The trained models' shared parts: the weight files under `letopis/data/` and how they score."""
