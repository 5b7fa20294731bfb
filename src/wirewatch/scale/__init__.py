"""Big jobs: a local process pool, Spark, progress reporting and resumable ingest runs.

Import the submodules directly (``wirewatch.scale.run``, ``.local``, ``.spark``); this
package imports nothing heavy.
"""
