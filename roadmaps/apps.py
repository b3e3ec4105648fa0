from django.apps import AppConfig


class RoadmapsConfig(AppConfig):
    name = "roadmaps"
    verbose_name = "Дорожные карты"

    def ready(self) -> None:
        from participants.landing import DISTRICT, HOME, PlaceLink, register, register_place_link
        from roadmaps import audited
        from roadmaps.landing import deadlines_block, district_deadlines_block, roadmap_block

        audited.register()

        register(HOME, roadmap_block)
        register(HOME, deadlines_block)
        register(DISTRICT, district_deadlines_block)
        register_place_link(PlaceLink("district", "Дорожные карты", "roadmaps:district-list", "bi-list-check", 10))
        register_place_link(PlaceLink("organization", "Дорожные карты", "roadmaps:organization-list", "bi-list-check", 10))
