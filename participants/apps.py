from django.apps import AppConfig


class ParticipantsConfig(AppConfig):
    name = "participants"
    verbose_name = "Организации и участники"

    def ready(self) -> None:
        from mentoring_portal.jobs.exports import KIND_LABELS
        from mentoring_portal.jobs.registry import register as register_job
        from participants import district_cache, export_jobs, navigation, place_cache, registry_jobs, school_cache
        from participants import meetings_block as meetings
        from participants.audit_trail import audited
        from participants.cabinet import landing as cabinet
        from participants.documents import order_drafts  # noqa: F401 - registers the draft orders
        from participants.landing import HOME, register
        from participants.letters import services as letters
        from participants.nudges import landing as nudges
        from participants.practices.landing import waiting_reviews
        from participants.public import participants_blocks  # noqa: F401 - registers the public page's blocks
        from participants.recruitment import services as recruitment
        from participants.routes import importing as deficit_import
        from participants.target_groups import services as target_groups
        from participants.training import importing as training_import

        audited.register()
        navigation.own_entries()
        register(HOME, meetings.meetings_block, kept_by=meetings.mentor_version)
        meetings.connect()
        register(HOME, waiting_reviews)
        register(HOME, cabinet.unread_messages)
        register(HOME, cabinet.my_mentoring, kept_by=cabinet.mentee_version)
        register(HOME, nudges.stale_block, kept_by=nudges.kept_by)
        cabinet.connect()
        recruitment.connect()
        target_groups.connect()
        letters.connect()
        district_cache.connect()
        school_cache.connect()
        place_cache.connect()
        register_job(registry_jobs.KIND, registry_jobs.parse_upload)
        register_job(export_jobs.KIND, export_jobs.make_export)
        register_job(training_import.KIND, training_import.parse_upload)
        register_job(deficit_import.KIND, deficit_import.parse_upload)
        KIND_LABELS[export_jobs.KIND] = export_jobs.LABEL
