from django.apps import AppConfig


class ParticipantsConfig(AppConfig):
    name = "participants"
    verbose_name = "Организации и участники"

    def ready(self) -> None:
        from participants.audit_trail import audited

        audited.register()
