from django.apps import AppConfig


class MonitoringConfig(AppConfig):
    name = "monitoring"
    verbose_name = "Мониторинг и показатели"

    def ready(self) -> None:
        from mentoring_portal.jobs.exports import KIND_LABELS
        from mentoring_portal.jobs.registry import register as register_job
        from monitoring import (  # noqa: F401 - cabinet_blocks, final_order and public_blocks register themselves
            audited,
            cabinet_blocks,
            export_jobs,
            figures_cache,
            final_order,
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
        from monitoring.schedules.services import schedule_from_order
        from roadmaps.orders.signals import order_imported

        audited.register()
        figures_cache.connect()
        passport_kept.connect()
        report_cache.connect()
        nudges.connect()
        freshness.connect()
        order_imported.connect(schedule_from_order, dispatch_uid="monitoring_schedule_from_order")
        register_job(export_jobs.KIND, export_jobs.make_report)
        register_job(region_campaigns.TABLE_KIND, region_campaigns.make_table)
        KIND_LABELS[region_campaigns.TABLE_KIND] = "Сводная таблица мониторинга региона"
        KIND_LABELS[export_jobs.KIND] = export_jobs.LABEL
        from monitoring import navigation
        from participants.landing import DISTRICT, HOME, register
        from participants.navigation import register_nav_entry

        register(HOME, reports_to_hand_in)
        register(DISTRICT, district_downloads)

        for entry in navigation.entries():
            register_nav_entry(entry)
