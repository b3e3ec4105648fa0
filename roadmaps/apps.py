from django.apps import AppConfig


class RoadmapsConfig(AppConfig):
    name = "roadmaps"
    verbose_name = "Дорожные карты"

    def ready(self) -> None:
        from mentoring_portal.jobs.registry import register as register_job
        from participants.landing import DISTRICT, HOME, register
        from participants.navigation import register_nav_entry
        from roadmaps import (  # noqa: F401 - news_suggestions registers itself
            audited,
            navigation,
            news_suggestions,
            page_cache,
            public_blocks,  # noqa: F401 - registers the roadmap's and the events' public blocks
        )
        from roadmaps.events import cabinet_blocks, sign_in  # noqa: F401 - cabinet_blocks registers itself
        from roadmaps.importers import jobs as import_jobs
        from roadmaps.landing import deadlines_block, district_deadlines_block, roadmap_block
        from roadmaps.orders import jobs as order_jobs
        from roadmaps.visits import services as visits

        audited.register()
        page_cache.connect()
        visits.connect()
        register_job(import_jobs.KIND, import_jobs.parse_upload)
        register_job(order_jobs.KIND, order_jobs.parse_upload)
        register_job(sign_in.KIND, sign_in.parse_upload)

        register(HOME, roadmap_block)
        register(HOME, deadlines_block, kept_by=lambda user: page_cache.user_deadline_versions(user) or [])
        register(DISTRICT, district_deadlines_block)
        for entry in navigation.entries():
            register_nav_entry(entry)
