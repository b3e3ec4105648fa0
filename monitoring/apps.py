from django.apps import AppConfig


class MonitoringConfig(AppConfig):
    name = "monitoring"
    verbose_name = "Мониторинг и показатели"

    def ready(self) -> None:
        from monitoring import audited
        from monitoring.landing import district_downloads, reports_to_hand_in

        audited.register()
        from participants.landing import DISTRICT, HOME, PlaceLink, register, register_place_link

        register(HOME, reports_to_hand_in)
        register(DISTRICT, district_downloads)

        register_place_link(PlaceLink("district", "Показатели и мониторинг", "monitoring:dashboard", "bi-graph-up", 20))
        register_place_link(PlaceLink("organization", "Мониторинг", "monitoring:school", "bi-clipboard-data", 20))
