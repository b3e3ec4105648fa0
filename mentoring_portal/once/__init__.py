"""A form sent twice is acted on once: the guard against double clicks, two tabs and retried requests
(middleware.py), and the row that remembers a submission while it runs and a few seconds after (models.py)."""
