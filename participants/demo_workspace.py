"""The demo's workspace (issue #13) for the seed places: Саянский район's base of curators (one school flagged
without one), its documents, experts, partners, programmes and the bank of practices; Клин's bank, counted by its
indicator «Наличие банка успешных педагогических практик». Idempotent: a second run adds nothing."""

from __future__ import annotations

from datetime import date, timedelta

from django.db import transaction

from participants.models import (
    Category,
    District,
    Document,
    DocumentKind,
    Membership,
    MentoringForm,
    MentorProfile,
    News,
    Organization,
    Pair,
    Partner,
    Person,
    Practice,
    PracticeStatus,
    Programme,
    ProgrammeStatus,
    PublicPage,
    Role,
    TrainingRecord,
    TrainingTopic,
)


def _document(place: dict, kind: str, title: str, number: str, day: date, approves: str = "") -> Document:
    return Document.objects.get_or_create(**place, kind=kind, number=number, date=day,
                                          defaults={"title": title, "approves": approves})[0]


@transaction.atomic
def load(today: date) -> int:
    sayansky = District.objects.get(code="sayansky")
    if Document.objects.filter(district=sayansky).exists():
        return 0
    agin = Organization.objects.get(code="agin-1")
    forms = {f.name: f for f in MentoringForm.objects.filter(district__isnull=True)}
    expert = Membership.objects.filter(district=sayansky, role=Role.DISTRICT_EXPERT).select_related("user").first()

    # Documents of the model (seed 000, items 1.1–1.4)
    district = {"district": sayansky}
    _document(district, DocumentKind.ORDER_WORKING_GROUP, "Об утверждении состава муниципальной рабочей группы по "
              "внедрению ЦМН", "112-од", date(2021, 10, 4), "состав рабочей группы")
    _document(district, DocumentKind.REGULATION, "Положение о наставничестве в образовательных организациях "
              "Саянского района", "118-од", date(2021, 10, 15), "положение о наставничестве")
    _document(district, DocumentKind.ORDER_CURATOR, "О назначении кураторов внедрения целевой модели наставничества",
              "124-од", date(2021, 10, 25), "кураторов внедрения ЦМН в ОО")
    school = {"organization": agin}
    _document(school, DocumentKind.REGULATION, "Положение о программе наставничества МБОУ Агинская СОШ № 1", "57",
              date(2021, 10, 20), "положение о программе наставничества")
    _document(school, DocumentKind.ORDER_CURATOR, "О назначении куратора внедрения целевой модели наставничества",
              "58", date(2021, 10, 20), "куратора внедрения ЦМН")

    # «База кураторов»: the curator of Агинская СОШ № 1, appointed by the school's order
    Membership.objects.filter(organization=agin, role=Role.SCHOOL_CURATOR).update(
        phone="+7 (39140) 2-11-35", order_number="58", order_date=date(2021, 10, 20))
    if expert:
        Membership.objects.filter(pk=expert.pk).update(phone="+7 (39140) 2-14-02")

    # Programmes: the school's own, approved by its order and followed by its pairs; the district's model programme
    own = Programme.objects.create(
        organization=agin, title="«Шаг навстречу»: программа наставничества «ученик – ученик»", form=forms.get(
            "ученик – ученик"), target_group="обучающиеся 5–8 классов с трудностями в учёбе и адаптации",
        goals="Повышение успеваемости и включённости в жизнь школы через поддержку старшеклассников",
        duration="1 учебный год", status=ProgrammeStatus.RECOMMENDED, order_number="61",
        order_date=date(2021, 11, 1), reviewed_by=expert.user if expert else None,
        review_comment="Программа соответствует методологии ЦМН; рекомендуется школам района.")
    Pair.objects.filter(organization=agin, form__name="ученик – ученик").update(programme=own)
    model = Programme.objects.create(
        district=sayansky, title="Типовая программа наставничества «учитель – учитель»", form=forms.get(
            "учитель – учитель"), target_group="педагоги со стажем до 3 лет", duration="2 года",
        goals="Адаптация молодых педагогов, закрепление в профессии", status=ProgrammeStatus.RECOMMENDED)
    Programme.objects.create(organization=Organization.objects.get(code="agin-2"), source=model, title=model.title,
                             form=model.form, target_group=model.target_group, duration=model.duration,
                             goals=model.goals)

    # The bank of practices: one published (and nominated to the region), one waiting for the expert
    published = Practice.objects.create(
        organization=agin, title="Учимся вместе: старшеклассники ведут мастерские для пятиклассников",
        form=forms.get("ученик – ученик"), level="basic", programme=own,
        description="Пары «ученик – ученик» раз в неделю проводят мастерские по математике и технологии.",
        results="8 из 10 наставляемых подняли средний балл по математике на 0,5 за полугодие; пропусков "
                "стало вдвое меньше.", status=PracticeStatus.PUBLISHED, published_on=date(today.year, 1, 20),
        nominated_on=date(today.year, 2, 1), reviewed_by=expert.user if expert else None)
    published.pairs.set(Pair.objects.filter(programme=own)[:3])
    Practice.objects.create(
        organization=agin, title="Первый год в школе: наставник для молодого учителя", level="teachers",
        form=forms.get("учитель – учитель"), description="Еженедельные встречи и взаимопосещение уроков.",
        results="Оба молодых педагога остались в школе на второй год.", status=PracticeStatus.SUBMITTED)
    klin_school = Organization.objects.get(code="klin-gymnasium-1")
    Practice.objects.create(
        organization=klin_school, title="Педагогический дуэт: совместный урок наставника и молодого педагога",
        form=forms.get("учитель – учитель"), level="teachers",
        description="Наставник и молодой педагог готовят и проводят совместный урок по обновлённым ФГОС.",
        results="12 совместных уроков за год, 4 молодых педагога — участники конкурса «Педагогический дебют».",
        status=PracticeStatus.PUBLISHED, published_on=date(today.year, 3, 10))

    # «База партнёров»: the district's partners, one agreement ending within the month
    college = Partner.objects.create(
        district=sayansky, name="КГБПОУ «Красноярский педагогический колледж № 2»", agreement_number="14/2023",
        agreement_date=date(2023, 9, 1), agreement_end=today + timedelta(days=21), offers=["mentors", "programmes"],
        contact="Учебная часть, +7 (391) 200-00-00")
    college.schools.set(Organization.objects.filter(code__in=["agin-1", "agin-2"]))
    house = Partner.objects.create(district=sayansky, name="МБУК «Саянский районный Дом культуры»",
                                   agreement_number="3", agreement_date=date(2022, 2, 1),
                                   agreement_end=date(today.year + 2, 1, 31), offers=["sites", "mentors"])
    house.schools.set(Organization.objects.filter(district=sayansky))
    _klin_training(today)
    _public_pages(sayansky, agin, today)
    return 1


def _public_pages(sayansky: District, agin: Organization, today: date) -> None:
    """Саянский район's and Агинская СОШ № 1's «Наставничество» sections published, with news; two mentors of the
    school agreed to be named."""
    every = ["news", "documents", "roadmap", "programmes", "forms", "figures", "mentors", "practices", "events",
             "contact"]
    school = PublicPage.objects.create(organization=agin, is_published=True, blocks=every,
                                       contact="куратор ЦМН, +7 (39140) 2-11-35, nastavnik@agin1.example")
    district = PublicPage.objects.create(district=sayansky, is_published=True, blocks=every,
                                         contact="УО администрации Саянского района, +7 (39140) 2-14-02")
    News.objects.bulk_create([
        News(page=school, title="Стартовал новый учебный год наставничества", published_on=date(today.year, 9, 5)
             if today.month >= 9 else date(today.year - 1, 9, 5),
             text="Сформированы пары «ученик – ученик» и «учитель – учитель», утверждены индивидуальные планы."),
        News(page=district, title="Семинар кураторов ОО", published_on=today - timedelta(days=10),
             text="Кураторы школ района обсудили первые итоги работы пар."),
    ])
    teachers = MentorProfile.objects.filter(person__organization=agin, person__category=Category.TEACHER,
                                            person__birth_date__isnull=False).order_by("pk")[:2]
    MentorProfile.objects.filter(pk__in=[m.pk for m in teachers]).update(public_name_consent=True)


def _klin_training(today: date) -> None:
    """Клин's indicators 5 and 6 count training: most mentors of ЦК «Китеж» took the course on mentoring and tutoring
    last winter, half of its young teachers a subject course."""
    kitezh = Organization.objects.get(code="kitezh")
    mentors = list(Person.objects.filter(pk__in=Pair.objects.live().filter(organization=kitezh).values("mentor_id"))
                   .order_by("pk"))
    last_winter = date(today.year - 1 if today.month < 3 else today.year, 2, 20)
    records = [TrainingRecord(person=mentor, programme="Наставничество и тьюторское сопровождение в образовательной "
                              "организации", topic=TrainingTopic.TUTORING, provider="АСОУ", hours=72,
                              start_date=last_winter - timedelta(days=20), end_date=last_winter,
                              certificate_number=f"50-{index:04d}")
               for index, mentor in enumerate(mentors) if index % 3 != 2]
    young = Person.objects.filter(organization=kitezh, category=Category.TEACHER,
                                  teaching_since__gt=date(today.year - 3, today.month, 1)).order_by("pk")
    records += [TrainingRecord(person=teacher, programme="Обновлённые ФГОС: предметная подготовка", hours=36,
                               topic=TrainingTopic.SUBJECT, provider="Методический кабинет г. о. Клин",
                               end_date=last_winter) for index, teacher in enumerate(young) if index % 2 == 0]
    TrainingRecord.objects.bulk_create(records)
