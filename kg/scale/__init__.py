"""kg beyond one process: extraction and the cross-document merge on a Dask cluster, Parquet tables, and
N-Quads parts for a standalone SPARQL server (issue #17).

- :mod:`kg.scale.engine`: ``kg build --engine dask``: documents are read by the client and cut into
  partitions; each partition is extracted on a worker (:mod:`kg.scale.tasks`), which also runs the merge's
  first step (reports of one act inside a document) and splits the reports by the hash of the merge's
  blocking key; one reduce task per hash bucket runs the second step (reports across documents) and writes
  its part of ``events.parquet``. The result is the single-process merge's, exactly (see
  :func:`kg.graph.merge.report_key` for why a blocking key's date windows never cross buckets).
- :mod:`kg.scale.cluster`: a ``LocalCluster`` or a running scheduler, the worker plugin that loads kg's
  language data and pipelines once per worker, the progress bar with the dashboard link.
- :mod:`kg.scale.parquet`: the partitioned Parquet tables beside the usual outputs.
- :mod:`kg.scale.parts`: ``kg export --format nq --parts N``, N-Quads files for bulk loaders.
- :mod:`kg.scale.server`: the ``oxigraph`` command line's bulk load and SPARQL server, driven from Python.
"""

ENGINES = ("local", "dask")
