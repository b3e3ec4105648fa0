from django.apps import AppConfig
from django.db.backends.signals import connection_created


class PortalConfig(AppConfig):
    name = "mentoring_portal"
    verbose_name = "Портал наставничества"

    def ready(self) -> None:
        from mentoring_portal import checks  # noqa: F401 - registers the deployment checks
        from mentoring_portal.lib.collation import register_sqlite_collation

        connection_created.connect(register_sqlite_collation, dispatch_uid="ru_portal_collation")
