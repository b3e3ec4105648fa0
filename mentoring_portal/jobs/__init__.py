"""Work that can take seconds runs outside the web request: a `Job` row tracks it (status, progress, stage, result),
a django-tasks task runs it in the worker (`manage.py db_worker`), and pages poll its progress with htmx. Apps
register what each kind of job does (`kinds.HANDLERS.add`), so this package imports no app."""
