from django.apps import AppConfig


class ParticipantsConfig(AppConfig):
    name = "participants"
    verbose_name = "Организации и участники"

    def ready(self) -> None:
        from mentoring_portal.jobs.registry import register as register_job
        from participants import registry_jobs
        from participants.audit_trail import audited

        audited.register()
        register_job(registry_jobs.KIND, registry_jobs.parse_upload)
