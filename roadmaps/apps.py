from django.apps import AppConfig


class RoadmapsConfig(AppConfig):
    name = "roadmaps"
    verbose_name = "Дорожные карты"

    def ready(self) -> None:
        from mentoring_portal.jobs.kinds import HANDLERS
        from participants.caches.where import HOPS
        from participants.landing import DISTRICT, HOME, KEPT_BY, PROVIDERS
        from participants.navigation import NAV_ENTRIES
        from roadmaps import (  # noqa: F401 - news_suggestions registers itself
            audited,
            exports,  # noqa: F401 - registers the roadmap's downloads
            navigation,
            news_suggestions,
            page_cache,
            public_blocks,  # noqa: F401 - registers the roadmap's and the events' public blocks
        )
        from roadmaps.events import cabinet_blocks, sign_in  # noqa: F401 - cabinet_blocks registers itself
        from roadmaps.events import services as events  # noqa: F401 - registers the attendance lists' erasure
        from roadmaps.importing import jobs as import_jobs
        from roadmaps.landing import deadlines_block, district_deadlines_block, roadmap_block
        from roadmaps.orders import jobs as order_jobs
        from roadmaps.visits import services as visits

        audited.register()
        page_cache.connect()
        HOPS.add(page_cache.event_of, key="roadmaps.attendance")
        HOPS.add(page_cache.contest_of, key="roadmaps.application")
        visits.connect()
        HANDLERS.add(import_jobs.parse_upload, key=import_jobs.KIND)
        HANDLERS.add(order_jobs.parse_upload, key=order_jobs.KIND)
        HANDLERS.add(sign_in.parse_upload, key=sign_in.KIND)

        PROVIDERS.add(roadmap_block, key=HOME)
        PROVIDERS.add(deadlines_block, key=HOME)
        KEPT_BY.add(page_cache.deadline_versions_of, key=deadlines_block)
        PROVIDERS.add(district_deadlines_block, key=DISTRICT)
        for entry in navigation.entries():
            NAV_ENTRIES.add(entry, key=entry.kind)
