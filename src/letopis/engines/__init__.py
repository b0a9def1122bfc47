"""Engines that run the per-document analysis (`letopis.parallel.analyse_source`) somewhere
else than the calling thread: a pool of local processes, or a Dask cluster. Output
adapters for large runs (Parquet) live here too."""
