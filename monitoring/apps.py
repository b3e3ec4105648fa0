from django.apps import AppConfig


class MonitoringConfig(AppConfig):
    name = "monitoring"
    verbose_name = "Мониторинг и показатели"

    def ready(self) -> None:
        from mentoring_portal.jobs.kinds import EXPORT_LABELS, HANDLERS
        from monitoring import (  # noqa: F401 - cabinet_blocks, final_order and public_blocks register themselves
            audited,
            cabinet_blocks,
            export_jobs,
            figures_cache,
            final_order,
            navigation,
            nudges,
            public_blocks,
            report_cache,
        )
        from monitoring.landing import district_downloads, reports_to_hand_in
        from monitoring.passport import addressees  # noqa: F401 - registers the letters' groups by a mark
        from monitoring.passport import kept as passport_kept
        from monitoring.region import campaigns as region_campaigns
        from monitoring.region import exports as region_exports  # noqa: F401 - registers the region's tables
        from monitoring.region import freshness
        from monitoring.rounds import exports as rounds_exports  # noqa: F401 - registers the rounds' downloads
        from monitoring.schedules.services import schedule_from_order
        from participants.caches.where import HOPS
        from participants.landing import DISTRICT, HOME, PROVIDERS
        from participants.navigation import NAV_ENTRIES
        from roadmaps.orders.signals import order_imported

        audited.register()
        figures_cache.connect()
        HOPS.add(figures_cache.indicator_of, key="monitoring.target")
        passport_kept.connect()
        report_cache.connect()
        nudges.connect()
        freshness.connect()
        order_imported.connect(schedule_from_order, dispatch_uid="monitoring_schedule_from_order")
        HANDLERS.add(export_jobs.make_report, key=export_jobs.KIND)
        HANDLERS.add(region_campaigns.make_table, key=region_campaigns.TABLE_KIND)
        EXPORT_LABELS.add("Сводная таблица мониторинга региона", key=region_campaigns.TABLE_KIND)
        EXPORT_LABELS.add(export_jobs.LABEL, key=export_jobs.KIND)
        PROVIDERS.add(reports_to_hand_in, key=HOME)
        PROVIDERS.add(district_downloads, key=DISTRICT)
        for entry in navigation.entries():
            NAV_ENTRIES.add(entry, key=entry.kind)
