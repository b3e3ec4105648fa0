"""A realistic region of any size for benchmarks (`manage.py generate_region`): the composition root, like the demo
loader, so it may use every app's models. Rows go in through `bulk.BulkLoader` (COPY on PostgreSQL)."""
