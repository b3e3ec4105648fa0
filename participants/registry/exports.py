"""XLSX exports of the registry and the pairs: personal data, so each download is logged (services.audit)."""

from django.utils import timezone

from mentoring_portal.lib.exports import XLSX_TYPE, Column, Exporter, Sheet, SheetRow, exporter, file_name, write_xlsx
from participants.access import CAN_EDIT_PAIRS, CAN_VIEW_REPORTS
from participants.models import Category, Pair, Person
from participants.pairs.selectors import pair_rows
from participants.pairs.selectors import registry as registry_people

GROUP = "organization"


class OrganizationExporter(Exporter):
    capability = CAN_EDIT_PAIRS
    content_type = XLSX_TYPE
    extension = "xlsx"

    user = None  # set by the view: what is exported is what this user may see
    count = 0

    def filename(self, organization) -> str:
        return file_name(self.label, organization.short_name, f"{timezone.localdate():%Y-%m-%d}")

    def size(self, organization) -> int:
        """Rows the file will have (one COUNT): above EXPORT_INLINE_ROWS it is made in the background."""
        raise NotImplementedError


@exporter(GROUP)
class RegistryXlsx(OrganizationExporter):
    identifier = "reestr"
    label = "Реестр наставников и наставляемых"

    def size(self, organization) -> int:
        return registry_people(organization, self.user).count()

    def rows(self, organization):
        """Streamed: people are read 2,000 at a time and each row goes to the write-only sheet as it is made."""
        from participants.pairs.selectors import registry as registry_people

        today = timezone.localdate()
        self.count = 0
        for p in registry_people(organization, self.user).iterator(chunk_size=2000):
            consent = p.consent_on(today)
            profile = getattr(p, "mentor_profile", None)
            self.count += 1
            yield SheetRow([
                p.last_name, p.first_name, p.patronymic, p.get_category_display(), p.grade, p.birth_date,
                p.teaching_since, p.position, p.phone, p.email, consent.given_by if consent else "",
                consent.given_on if consent else None, "да" if p.is_young_specialist(today) else "",
                profile.competencies if profile else "", profile.max_mentees if profile else None,
            ])

    def render(self, organization) -> bytes:
        columns = [Column("Фамилия", 18), Column("Имя", 14), Column("Отчество", 16), Column("Категория", 22),
                   Column("Класс / курс", 10), Column("Дата рождения", 13, "date"),
                   Column("Начало пед. деятельности", 14, "date"), Column("Должность", 20), Column("Телефон", 15),
                   Column("Эл. почта", 22), Column("Согласие дал(а)", 24), Column("Дата согласия", 13, "date"),
                   Column("Молодой специалист", 12), Column("Компетенции наставника", 28),
                   Column("Наставляемых не больше", 12, "number")]
        return write_xlsx([Sheet("Реестр", columns, self.rows(organization), wrap=False,
                                 heading=[f"Реестр участников ЦМН · {organization.name}"])])


@exporter(GROUP)
class PairsXlsx(OrganizationExporter):
    identifier = "pary"
    label = "Наставнические пары и группы"

    def size(self, organization) -> int:
        return Pair.objects.visible_to(self.user).filter(organization=organization).count()

    def render(self, organization) -> bytes:
        from participants.models import Pair

        columns = [Column("Наставник", 26), Column("Наставляемые", 40), Column("Форма", 20), Column("Ролевая модель", 26),
                   Column("Начало", 12, "date"), Column("Окончание", 12, "date"), Column("Статус", 16),
                   Column("Приказ", 14), Column("Выполнение плана", 12, "percent")]
        found = pair_rows(Pair.objects.visible_to(self.user).filter(organization=organization))
        rows = [SheetRow([
            r.pair.mentor.full_name, "; ".join(m.full_name for m in r.pair.mentees.all()), str(r.pair.form),
            str(r.pair.variant or ""), r.pair.start_date, r.pair.end_date, r.pair.get_status_display(),
            r.pair.order_number, r.completion / 100 if r.completion is not None else None,
        ]) for r in found]
        self.count = len(rows)
        heading = [f"Наставнические пары и группы · {organization.name}"]
        return write_xlsx([Sheet("Пары и группы", columns, rows, heading=heading)])


REGION_GROUP = "region"
DISTRICT_GROUP = "district"


class AdultsXlsx(Exporter):
    """The adults of a place's registry (mentors and would-be mentors) for those who see the place's reports: never
    a child. Always made in the background, streamed row by row."""

    capability = CAN_VIEW_REPORTS
    content_type = XLSX_TYPE
    extension = "xlsx"
    user = None
    count = 0
    place_filter = ""  # the Person lookup that ties a person to the place

    def filename(self, place) -> str:
        return file_name(self.label, place.name, f"{timezone.localdate():%Y-%m-%d}")

    def rows(self, place):
        people = (Person.objects.visible_to(self.user).filter(**{self.place_filter: place})
                  .exclude(category=Category.STUDENT)
                  .order_by("organization__short_name", "last_name", "first_name", "pk")
                  .values_list("organization__short_name", "last_name", "first_name", "patronymic", "category",
                               "position", "phone", "email", "mentor_profile__competencies",
                               "mentor_profile__max_mentees"))
        categories = dict(Category.choices)
        self.count = 0
        # Tuples, not models: a region's 160,000 adults are read and written at ~17,000 rows/s (model instances: 9,000)
        for org, last, first, patronymic, category, position, phone, email, competencies, most in people.iterator(
                chunk_size=5000):
            self.count += 1
            yield SheetRow([org, last, first, patronymic, categories.get(category, category), position, phone, email,
                            competencies or "", most])

    def render(self, place) -> bytes:
        columns = [Column("Организация", 30), Column("Фамилия", 18), Column("Имя", 14), Column("Отчество", 16),
                   Column("Категория", 22), Column("Должность", 20), Column("Телефон", 15), Column("Эл. почта", 22),
                   Column("Компетенции наставника", 28), Column("Наставляемых не больше", 12, "number")]
        return write_xlsx([Sheet("Взрослые участники", columns, self.rows(place), wrap=False,
                                 heading=[f"{self.label} · {place.name}"])])


@exporter(DISTRICT_GROUP)
class DistrictAdultsXlsx(AdultsXlsx):
    identifier = "vzroslye"
    label = "Наставники и взрослые участники муниципалитета"
    place_filter = "organization__district"


@exporter(REGION_GROUP)
class RegionAdultsXlsx(AdultsXlsx):
    """The whole region's adults (a million-person region: a few hundred thousand rows) for its coordinator."""

    identifier = "vzroslye"
    label = "Наставники и взрослые участники региона"
    place_filter = "organization__region"
