from django.apps import AppConfig


class MonitoringConfig(AppConfig):
    name = "monitoring"
    verbose_name = "Мониторинг и показатели"

    def ready(self) -> None:
        from participants.landing import PlaceLink, register_place_link

        register_place_link(PlaceLink("district", "Показатели и мониторинг", "monitoring:dashboard", "bi-graph-up", 20))
        register_place_link(PlaceLink("organization", "Мониторинг", "monitoring:school", "bi-clipboard-data", 20))
