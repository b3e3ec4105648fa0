"""One region: districts of constant size (so a page of a district costs the same at any scale), schools directly
under the region, people, pairs, roadmaps, indicators and campaigns. Deterministic for a seed."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from auditlog.models import LogEntry
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from mentoring_portal.generate.bulk import BulkLoader
from mentoring_portal.lib.collation import search_text
from monitoring.models import Campaign, Indicator, ReportStatus, SchoolReport, Target
from participants.models import (
    Category,
    Consent,
    Deficit,
    District,
    Document,
    DocumentKind,
    HeadCount,
    Meeting,
    Membership,
    MenteeRequest,
    MentoringForm,
    MentorProfile,
    News,
    Organization,
    OrganizationKind,
    Pair,
    PairStatus,
    Partner,
    Person,
    PlanTask,
    Practice,
    PracticeLevel,
    PracticeStatus,
    Programme,
    ProgrammeStatus,
    PublicPage,
    Region,
    Role,
    RouteStep,
    TrainingRecord,
)
from roadmaps.deadlines import parse_deadline
from roadmaps.models import (
    Application,
    Attendance,
    Contest,
    ContestResult,
    Event,
    EventKind,
    Item,
    ItemStatus,
    Nomination,
    Occurrence,
    Roadmap,
    RoadmapStatus,
    Section,
)

PASSWORD = "region-bench"
DISTRICTS, DIRECT_SCHOOLS, SCHOOLS_PER_DISTRICT = 60, 30, 25
PEOPLE = {Category.STUDENT: 560, Category.TEACHER: 60, Category.PARENT: 30, Category.GRADUATE: 10,
          Category.PARTNER: 7}
PAIRS_PER_SCHOOL = 200
LAST = ["Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев", "Петров", "Соколов", "Михайлов", "Новиков", "Фёдоров",
        "Морозов", "Волков", "Алексеев", "Лебедев", "Семёнов", "Егоров", "Павлов", "Козлов", "Степанов", "Николаев",
        "Орлов", "Андреев", "Макаров", "Никитин", "Захаров", "Зайцев", "Соловьёв", "Борисов", "Яковлев", "Григорьев"]
FIRST_M = ["Александр", "Дмитрий", "Максим", "Сергей", "Андрей", "Алексей", "Артём", "Илья", "Кирилл", "Михаил"]
FIRST_F = ["Анастасия", "Мария", "Анна", "Виктория", "Екатерина", "Наталья", "Марина", "Полина", "Дарья", "Алёна"]
MIDDLE_M = ["Александрович", "Дмитриевич", "Сергеевич", "Андреевич", "Алексеевич", "Игоревич", "Олегович"]
MIDDLE_F = ["Александровна", "Дмитриевна", "Сергеевна", "Андреевна", "Алексеевна", "Игоревна", "Олеговна"]
DEADLINES = ["Сентябрь 2023г", "Октябрь 2023 г.", "Май 2024, 2025", "В течение всего периода реализации ЦМН",
             "Ежегодно, декабрь", "1 раз в квартал", "До 15 ноября 2023 года", "Апрель-май 2024",
             "По мере необходимости", "Январь 2025", "Ежемесячно", "Сентябрь-октябрь 2024"]
SECTIONS = ["Организационная работа", "Нормативное обеспечение", "Кадровое обеспечение", "Работа с наставниками",
            "Мониторинг и оценка", "Информационное сопровождение"]
FORMULAS = ["students_in_mentoring", "young_teachers_supported", "student_mentors", "teacher_mentors"]


@dataclass
class Figures:
    districts: int
    organizations: int
    rows: dict[str, int]


class RegionBuilder:
    def __init__(self, *, scale: float, seed: int, today: date, schools: int = SCHOOLS_PER_DISTRICT,
                 people: float = 1.0):
        """`schools` per district and the `people` factor shrink a district for tests; benchmarks keep the defaults."""
        self.schools, self.people = schools, people
        self.rng = random.Random(seed)
        self.scale, self.seed, self.today = scale, seed, today
        self.bulk = BulkLoader()
        self.year = today.year if today.month >= 9 else today.year - 1  # the current school year
        self.period = (date(self.year - 1, 9, 1), date(self.year + 2, 8, 31))
        self.deadlines = {text: parse_deadline(text, self.period) for text in DEADLINES}
        self.password = make_password(PASSWORD)
        self.forms = {f.name: f for f in MentoringForm.objects.filter(district__isnull=True)}
        self.audited = {model: ContentType.objects.get_for_model(model).pk for model in (Person, Pair)}

    @transaction.atomic
    def build(self, into: Region | None = None) -> Figures:
        """A new region, or more districts and schools `into` an existing one (to grow it)."""
        region = into or Region.objects.create(name=f"Регион {self.seed}", code=f"region-{self.seed}")
        self._user(f"coordinator-{self.seed}", Role.REGIONAL_COORDINATOR, region=region)
        organizations = 0
        for number in range(1, max(1, round(DISTRICTS * self.scale)) + 1):
            district = self.bulk.add(District(region=region, name=f"Район {number} ({self.seed})",
                                              administration_name=f"Управление образования района {number}",
                                              code=f"r{self.seed}-d{number:02d}"))
            self._user(f"curator-{self.seed}-d{number:02d}", Role.DISTRICT_CURATOR, district=district)
            self._district_catalogue(district)
            schools = [self._organization(region, district, f"r{self.seed}-d{number:02d}-s{n:02d}", n)
                       for n in range(1, self.schools + 1)]
            self._roadmap(district=district, items_per_section=10, sections=6)
            self._campaign(district, schools)
            self._events(district, schools)
            self._contest(district, schools)
            self._place_documents(district=district)
            organizations += len(schools)
        for n in range(1, max(1, round(DIRECT_SCHOOLS * self.scale)) + 1):
            self._organization(region, None, f"r{self.seed}-s{n:02d}", n)
            organizations += 1
        self.bulk.finish()
        return Figures(max(1, round(DISTRICTS * self.scale)), organizations, dict(self.bulk.counts))

    # People and places ------------------------------------------------------------------------------------------
    def _user(self, username: str, role: str, **place):
        user = self.bulk.add(get_user_model()(username=username, password=self.password, is_active=True,
                                              first_name=self.rng.choice(FIRST_F), last_name=self.rng.choice(LAST) + "а",
                                              email=f"{username}@region-{self.seed}.example.ru"))
        self.bulk.add(Membership(user_id=user.pk, role=role, **{f"{k}_id": v.pk for k, v in place.items()}))
        return user

    def _organization(self, region, district, code: str, number: int) -> Organization:
        additional = number == self.schools and district is not None
        organization = self.bulk.add(Organization(
            region_id=region.pk, district_id=district.pk if district else None, code=code,
            name=f"Муниципальное бюджетное общеобразовательное учреждение «Школа № {number}»",
            short_name=f"{'ЦДО' if additional else 'СОШ'} № {number} ({code})",
            kind=OrganizationKind.ADDITIONAL if additional else OrganizationKind.GENERAL))
        self._user(f"school-{code}", Role.SCHOOL_CURATOR, organization=organization)
        for year in (self.year - 2, self.year - 1, self.year):
            self.bulk.add(HeadCount(organization_id=organization.pk, school_year=year, students=560, teachers=60,
                                    young_teachers=8, additional_students=300 if additional else 0))
        self._people_and_pairs(organization)
        self._roadmap(organization=organization, items_per_section=10, sections=3)
        self._place_documents(organization=organization)
        self._programmes_and_practices(organization)
        return organization

    def _person(self, organization, category: str, **fields) -> Person:
        female = self.rng.random() < 0.5
        last = self.rng.choice(LAST) + ("а" if female else "")
        first = self.rng.choice(FIRST_F if female else FIRST_M)
        middle = self.rng.choice(MIDDLE_F if female else MIDDLE_M)
        person = Person(organization_id=organization.pk, category=category, last_name=last, first_name=first,
                        patronymic=middle, **fields)
        person.search = search_text(last, first, middle, person.grade, person.position)
        self.bulk.add(person)
        self._audit(person, organization)
        return person

    def _audit(self, obj, organization) -> None:
        """The entry the audit log makes when a curator adds the record (the trails read these)."""
        when = timezone.now() - timedelta(days=self.rng.randrange(700))
        self.bulk.add(LogEntry(content_type_id=self.audited[type(obj)], object_pk=str(obj.pk), object_id=obj.pk,
                               object_repr=f"запись № {obj.pk}", action=LogEntry.Action.CREATE, changes={},
                               changes_text="", timestamp=when,
                               additional_data={"region": organization.region_id, "district": organization.district_id,
                                                "organization": organization.pk}))

    def _people_and_pairs(self, organization) -> None:
        rng, year = self.rng, self.year
        young_n = max(1, round(8 * self.people))  # teachers under 35 in their first years
        people: dict[str, list[Person]] = {}
        partner = self.bulk.add(Partner(organization_id=organization.pk, name=f"ООО «Партнёр {organization.pk}»",
                                        agreement_number=f"{organization.pk}/{year}", agreement_date=date(year, 9, 15)))
        for category, count in PEOPLE.items():
            people[category] = []
            for index in range(max(1, round(count * self.people))):
                if category == Category.STUDENT:
                    grade = 1 + index % 11
                    fields = {"grade": f"{grade}{'АБВ'[index % 3]}",
                              "birth_date": date(year - 6 - grade, 1 + index % 12, 1 + index % 28)}
                elif category == Category.TEACHER:
                    young = index < young_n
                    fields = {"birth_date": date(year - (25 if young else 45), 3, 1 + index % 28),
                              "teaching_since": date(year - (1 if young else 20), 9, 1), "position": "учитель"}
                elif category == Category.PARTNER:
                    fields = {"partner_id": partner.pk, "position": "инженер"}
                else:
                    fields = {}
                person = self._person(organization, category, **fields)
                people[category].append(person)
                if category in (Category.STUDENT, Category.TEACHER) and rng.random() < 0.95:
                    child = category == Category.STUDENT
                    self.bulk.add(Consent(person_id=person.pk, given_by="законный представитель" if child else "лично",
                                          giver="representative" if child else "self", given_on=date(year, 9, 2)))
        students, teachers = people[Category.STUDENT], people[Category.TEACHER]
        cut = max(1, len(students) // 5)
        older, young_teachers, mentors_t = students[-cut:], teachers[:young_n], teachers[young_n:] or teachers
        for mentor in mentors_t[:30] + older[:15]:
            self.bulk.add(MentorProfile(person_id=mentor.pk, competencies="математика, проекты", max_mentees=10))
        for mentor in mentors_t[:30]:
            if rng.random() < 0.6:  # trained in the last three years, as Клин's indicator counts
                self.bulk.add(TrainingRecord(person_id=mentor.pk, programme="Наставничество в образовательной "
                                             "организации", topic="mentoring", provider="ИРО", hours=36,
                                             end_date=date(year - rng.randrange(3), 11, 20)))
        for index, teacher in enumerate(teachers[:24:2]):  # deficits and routes, without a draw: the sequence stays
            deficit = self.bulk.add(Deficit(
                person_id=teacher.pk, competence="methodical", description="Формулирование учебных задач урока",
                diagnostic="riku", found_on=date(year, 9, 10), unacceptable=index % 4 == 0,
                closed_on=date(year, 9, 25) if index % 3 == 0 else None,
                closed_how="повторная диагностика" if index % 3 == 0 else ""))
            self.bulk.add(RouteStep(person_id=teacher.pk, deficit_id=deficit.pk, kind="course", title="Курсы ПК",
                                    due_on=date(year, 9, 30), done_on=date(year, 9, 20) if index % 3 == 0 else None))
        for mentee in students[:40]:
            self.bulk.add(MenteeRequest(person_id=mentee.pk, help_wanted="подтянуть математику", interests="спорт"))
        through = Pair.mentees.through
        for index in range(max(1, round(PAIRS_PER_SCHOOL * self.people))):
            kind = index % 10
            if kind < 7:
                form, mentor = self.forms["ученик – ученик"], rng.choice(older)
                mentees = rng.sample(students[:-cut] or students, 1 if len(students) < 4 else rng.choice((1, 1, 2)))
            elif kind < 9:
                form, mentor, mentees = self.forms["учитель – учитель"], rng.choice(mentors_t), [rng.choice(young_teachers)]
            else:
                form, mentor = self.forms["работодатель – ученик"], rng.choice(people[Category.PARTNER])
                mentees = [rng.choice(older)]
            start = date(year - rng.choice((0, 0, 1)), 10, 1)
            status = PairStatus.ACTIVE if start.year == year else PairStatus.COMPLETED
            pair = self.bulk.add(Pair(organization_id=organization.pk, mentor_id=mentor.pk, form_id=form.pk,
                                      start_date=start, end_date=date(start.year + 1, 5, 31), status=status))
            self._audit(pair, organization)
            for mentee in mentees:
                self.bulk.add(through(pair_id=pair.pk, person_id=mentee.pk))
            self.bulk.add(Meeting(pair_id=pair.pk, kind="acquaintance", planned_on=start, held_on=start))
            self.bulk.add(Meeting(pair_id=pair.pk, kind="work", planned_on=start + timedelta(days=30)))
            self.bulk.add(PlanTask(pair_id=pair.pk, title="Составить индивидуальный план", due=start + timedelta(days=14),
                                   done=status == PairStatus.COMPLETED))

    # Roadmaps, indicators, campaigns ----------------------------------------------------------------------------
    def _roadmap(self, *, district=None, organization=None, items_per_section: int, sections: int) -> None:
        roadmap = self.bulk.add(Roadmap(
            district_id=district.pk if district else None, organization_id=organization.pk if organization else None,
            title=f"План мероприятий (дорожная карта) на {self.period[0].year}–{self.period[1].year} годы",
            period_start=self.period[0], period_end=self.period[1], status=RoadmapStatus.APPROVED))
        for s in range(sections):
            section = self.bulk.add(Section(roadmap_id=roadmap.pk, position=s + 1, title=SECTIONS[s % len(SECTIONS)]))
            for position in range(1, items_per_section + 1):
                text = self.rng.choice(DEADLINES)
                deadline = self.deadlines[text]
                name = f"Мероприятие {s + 1}.{position}: совещание кураторов по внедрению ЦМН"
                item = self.bulk.add(Item(roadmap_id=roadmap.pk, section_id=section.pk, position=position, name=name,
                                          deadline_text=text, deadline_parsed=deadline.to_dict(),
                                          responsible="Куратор ЦМН", result="Протокол", status=ItemStatus.PLANNED,
                                          search=search_text(name, "Куратор ЦМН", "Протокол")))
                for start, due in sorted(set(deadline.windows)):
                    self.bulk.add(Occurrence(item_id=item.pk, start=start, due=due,
                                             done_on=due if due < self.today and self.rng.random() < 0.7 else None))

    def _district_catalogue(self, district) -> None:
        for position, formula in enumerate(FORMULAS, start=1):
            indicator = self.bulk.add(Indicator(district_id=district.pk, position=position, formula=formula,
                                                name=f"Показатель {position}", method="computed"))
            for offset, value in enumerate((20, 35, 50, 70)):
                self.bulk.add(Target(indicator_id=indicator.pk, year=self.year - 1 + offset, value=Decimal(value)))

    def _events(self, district, schools) -> None:
        """The district's seminars of the year, every school invited, three people of each signed in."""
        through = Event.schools.through
        for month in (10, 12, 2, 4):
            year = self.year + (month < 9)
            starts = timezone.make_aware(datetime(year, month, 15, 10))
            held = starts.date() < self.today
            event = self.bulk.add(Event(district_id=district.pk, title=f"Семинар кураторов, {month:02d}.{year}",
                                        kind=EventKind.SEMINAR, starts_at=starts, place="Управление образования",
                                        held_on=starts.date() if held else None, created_at=starts))
            for school in schools:
                self.bulk.add(through(event_id=event.pk, organization_id=school.pk))
                for n in range(3):
                    self.bulk.add(Attendance(event_id=event.pk, organization_id=school.pk,
                                             name=f"Куратор {n + 1} ({school.code})", attended=held and n < 2))

    # What a place publishes: documents, programmes, practices, its public page, contests -------------------------
    def _place_documents(self, *, district=None, organization=None) -> None:
        """The положение and the orders a place keeps in its register, and its public section with news."""
        place = {"district_id": district.pk if district else None,
                 "organization_id": organization.pk if organization else None}
        signed = date(self.year - 1, 8, 28)
        for number, (kind, title) in enumerate([
                (DocumentKind.REGULATION, "Положение о наставничестве"),
                (DocumentKind.ORDER_CURATOR, "О назначении куратора внедрения целевой модели наставничества"),
                (DocumentKind.ORDER_ROADMAP, "Об утверждении дорожной карты внедрения ЦМН"),
                (DocumentKind.ORDER_PAIRS, "О закреплении наставнических пар")], start=1):
            self.bulk.add(Document(kind=kind, title=title, number=f"{number * 17}-од", approves=title.lower(),
                                   date=signed + timedelta(days=number * 9), **place))
        page = self.bulk.add(PublicPage(is_published=True, blocks=["news", "documents", "programmes", "forms"],
                                        contact="куратор ЦМН, nastavnik@example.ru", **place))
        for n, month in enumerate((9, 11, 2), start=1):
            when = date(self.year + (month < 9), month, 10)
            if when <= self.today:
                self.bulk.add(News(page_id=page.pk, title=f"Наставничество: итоги месяца № {n}", published_on=when,
                                   text="Прошли встречи наставников и наставляемых, подведены промежуточные итоги."))

    def _programmes_and_practices(self, organization) -> None:
        """A programme for each form in use, approved by the school's order; a practice in the bank, another
        under review."""
        programmes = []
        for form in ("ученик – ученик", "учитель – учитель", "работодатель – ученик"):
            programmes.append(self.bulk.add(Programme(
                organization_id=organization.pk, title=f"Программа наставничества «{form}»", form_id=self.forms[form].pk,
                target_group="обучающиеся 5–9 классов", goals="Раскрытие потенциала наставляемых",
                duration="1 учебный год", start_date=date(self.year, 9, 1), end_date=date(self.year + 1, 5, 31),
                status=ProgrammeStatus.APPROVED, order_number=f"{organization.pk % 90 + 10}-од",
                order_date=date(self.year, 8, 30))))
        for n, status in enumerate((PracticeStatus.PUBLISHED, PracticeStatus.SUBMITTED), start=1):
            title = f"Практика «Равный — равному» № {n} ({organization.code})"
            description, results = "Старшеклассники помогают младшим в подготовке к олимпиадам.", "8 из 10 повысили оценки"
            self.bulk.add(Practice(
                organization_id=organization.pk, title=title, form_id=self.forms["ученик – ученик"].pk,
                level=PracticeLevel.BASIC, description=description, results=results, programme_id=programmes[0].pk,
                status=status, published_on=date(self.year, 12, 1) if status == PracticeStatus.PUBLISHED else None,
                search=search_text(title, description, results)))

    def _contest(self, district, schools) -> None:
        """The district's contest of the year with two nominations and an application from every third school."""
        contest = self.bulk.add(Contest(district_id=district.pk, title=f"Лучший наставник — {self.year + 1}",
                                        year=self.year + 1, applications_until=date(self.year + 1, 2, 1),
                                        judging_until=date(self.year + 1, 3, 1),
                                        criteria="Актуальность\nРезультативность\nТиражируемость"))
        nominations = [self.bulk.add(Nomination(contest_id=contest.pk, name=name))
                       for name in ("Педагог-наставник", "Ученик-наставник")]
        for school in schools[::3]:
            for nomination in nominations:
                self.bulk.add(Application(contest_id=contest.pk, nomination_id=nomination.pk,
                                          organization_id=school.pk, title=f"Опыт наставничества ({school.code})",
                                          result=ContestResult.PARTICIPANT))

    def _campaign(self, district, schools) -> None:
        campaign = self.bulk.add(Campaign(district_id=district.pk, title=f"Мониторинг, май {self.year + 1}",
                                          year=self.year + 1, due_on=date(self.year + 1, 5, 20)))
        for school in schools:
            self.bulk.add(SchoolReport(campaign_id=campaign.pk, organization_id=school.pk,
                                       status=self.rng.choice([ReportStatus.DRAFT, ReportStatus.SUBMITTED])))
