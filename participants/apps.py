from django.apps import AppConfig


class ParticipantsConfig(AppConfig):
    name = "participants"
    verbose_name = "Организации и участники"

    def ready(self) -> None:
        from mentoring_portal.jobs.kinds import EXPORT_LABELS, HANDLERS
        from participants import navigation
        from participants.audit_trail import audited
        from participants.cabinet import landing as cabinet
        from participants.caches import district as district_cache
        from participants.caches import place as place_cache
        from participants.caches import school as school_cache
        from participants.documents import order_drafts  # noqa: F401 - registers the draft orders
        from participants.landing import HOME, KEPT_BY, PROVIDERS
        from participants.letters import services as letters
        from participants.nudges import landing as nudges
        from participants.pairs import landing as meetings
        from participants.practices.landing import waiting_reviews
        from participants.public import participants_blocks  # noqa: F401 - registers the public page's blocks
        from participants.recruitment import services as recruitment
        from participants.registry import export_jobs
        from participants.registry import jobs as registry_jobs
        from participants.routes import importing as deficit_import
        from participants.target_groups import services as target_groups
        from participants.training import importing as training_import

        audited.register()
        navigation.own_entries()
        for provider in (meetings.meetings_block, waiting_reviews, cabinet.unread_messages, cabinet.my_mentoring,
                         nudges.stale_block):
            PROVIDERS.add(provider, key=HOME)
        KEPT_BY.add(meetings.mentor_version, key=meetings.meetings_block)
        KEPT_BY.add(cabinet.mentee_version, key=cabinet.my_mentoring)
        KEPT_BY.add(nudges.kept_by, key=nudges.stale_block)
        meetings.connect()
        cabinet.connect()
        recruitment.connect()
        target_groups.connect()
        letters.connect()
        district_cache.connect()
        school_cache.connect()
        place_cache.connect()
        HANDLERS.add(registry_jobs.parse_upload, key=registry_jobs.KIND)
        HANDLERS.add(export_jobs.make_export, key=export_jobs.KIND)
        HANDLERS.add(training_import.parse_upload, key=training_import.KIND)
        HANDLERS.add(deficit_import.parse_upload, key=deficit_import.KIND)
        EXPORT_LABELS.add(export_jobs.LABEL, key=export_jobs.KIND)
