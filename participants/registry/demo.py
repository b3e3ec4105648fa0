"""A plausible registry for the demo schools: teachers, students, parents, partners' representatives, with consents,
mentor profiles, requests and pairs at various stages. Deterministic (one seeded generator per school)."""

from __future__ import annotations

import random
from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.db import transaction

from mentoring_portal.lib.schoolyear import school_year_of
from participants.models import (
    Category,
    Consent,
    ConsentGiver,
    Meeting,
    MenteeRequest,
    MentoringForm,
    MentorProfile,
    Organization,
    Pair,
    PairStatus,
    Partner,
    Person,
    PlanTask,
)
from participants.pairs.services import pair_create

SURNAMES = ["Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев", "Петров", "Соколов", "Михайлов", "Новиков",
            "Фёдоров", "Морозов", "Волков", "Алексеев", "Лебедев", "Семёнов", "Егоров", "Павлов", "Козлов",
            "Степанов", "Николаев", "Орлов", "Андреев", "Макаров", "Никитин", "Захаров", "Зайцев", "Соловьёв",
            "Борисов", "Яковлев", "Григорьев", "Романов", "Воробьёв", "Сергеев", "Кузьмин", "Фролов", "Александров",
            "Дмитриев", "Королёв", "Гусев", "Киселёв", "Ильин", "Максимов", "Поляков", "Сорокин", "Виноградов"]
MALE = ["Александр", "Дмитрий", "Максим", "Сергей", "Андрей", "Алексей", "Артём", "Илья", "Кирилл", "Михаил",
        "Никита", "Матвей", "Роман", "Егор", "Иван", "Владимир", "Павел", "Тимофей"]
FEMALE = ["Анастасия", "Мария", "Анна", "Виктория", "Екатерина", "Наталья", "Марина", "Полина", "Дарья",
          "Алиса", "Ксения", "Елена", "Ольга", "Татьяна", "Светлана", "Ирина", "Юлия", "Софья"]
FATHERS = ["Александр", "Сергей", "Андрей", "Владимир", "Николай", "Игорь", "Юрий", "Михаил", "Виктор", "Олег"]
SUBJECTS = ["математика", "русский язык", "физика", "химия", "биология", "история", "английский язык",
            "информатика", "литература", "география"]
INTERESTS = ["олимпиады", "проекты", "робототехника", "театр", "спорт", "волонтёрство", "шахматы", "музыка",
             "краеведение", "программирование"]
NEEDS = ["подтянуть {s}", "подготовка к олимпиаде по предмету {s}", "помощь с проектом по предмету {s}",
         "адаптация в новом классе", "профориентация", "подготовка к ОГЭ: {s}"]
# Organizations that get a registry, and how many students / teachers they have in it (most of their head-count).
SIZES = {"agin-1": (150, 20), "agin-2": (115, 16), "tinskaya": (50, 9), "unerskaya": (42, 8), "sayan-ddt": (130, 10),
         "asshi-2": (100, 18), "kitezh": (120, 12)}
# Share of students in mentoring by school year (named by the year it ends in): a little behind the Саянский
# plan (20/35/50/70%) in 2023–2024, as a real district would be.
COVERAGE = {2021: 0.22, 2022: 0.37, 2023: 0.47, 2024: 0.64, 2025: 0.68, 2026: 0.7}


PATRONYMICS = {"Александр": "Александров", "Сергей": "Сергеев", "Андрей": "Андреев", "Владимир": "Владимиров",
               "Николай": "Николаев", "Игорь": "Игорев", "Юрий": "Юрьев", "Михаил": "Михайлов", "Виктор": "Викторов",
               "Олег": "Олегов"}


def _name(rng: random.Random) -> tuple[str, str, str]:
    female = rng.random() < 0.55
    surname = rng.choice(SURNAMES)
    if female:
        surname += "а"  # Иванов → Иванова, Соловьёв → Соловьёва, Ильин → Ильина
    first = rng.choice(FEMALE if female else MALE)
    patronymic = PATRONYMICS[rng.choice(FATHERS)] + ("на" if female else "ич")
    return surname, first, patronymic


def _person(rng, organization, category, today, **fields) -> Person:
    last, first, middle = _name(rng)
    person = Person(organization=organization, last_name=last, first_name=first, patronymic=middle,
                    category=category, **fields)
    person.save()
    if rng.random() < 0.9:
        given_by, giver = person.full_name, ConsentGiver.SELF
        if category == Category.STUDENT:
            given_by, giver = f"{rng.choice(SURNAMES)}а {rng.choice(FEMALE)} (мать)", ConsentGiver.REPRESENTATIVE
        Consent.objects.create(person=person, giver=giver, given_by=given_by, document=f"Согласие № {rng.randint(1, 400)}",
                               given_on=date(school_year_of(today), 9, rng.randint(2, 20)))
    return person


@transaction.atomic
def load(today: date) -> int:
    """Registry and pairs for the demo schools; a school that already has a registry is left as it is."""
    total = 0
    forms = {f.name: f for f in MentoringForm.objects.filter(district__isnull=True)}
    year = school_year_of(today)
    for code, (students_count, teachers_count) in SIZES.items():
        organization = Organization.objects.get(code=code)
        if organization.people.exists():
            continue
        rng = random.Random(code)
        teachers = []
        for index in range(teachers_count):
            young = index < max(2, teachers_count // 5)
            age = rng.randint(23, 29) if young else rng.randint(32, 60)
            born = date(today.year - age, rng.randint(1, 12), rng.randint(1, 28))
            started = today - timedelta(days=365 * (rng.randint(0, 2) if young else rng.randint(8, 30)) + 100)
            teacher = _person(rng, organization, Category.TEACHER, today, birth_date=born, teaching_since=started,
                              position=f"учитель ({rng.choice(SUBJECTS)})", phone=f"+7 9{rng.randint(10, 99)} "
                              f"{rng.randint(100, 999)}-{rng.randint(10, 99)}-{rng.randint(10, 99)}")
            if not young:
                MentorProfile.objects.create(
                    person=teacher, competencies=", ".join(rng.sample(SUBJECTS, 2)) + ", молодые педагоги",
                    interests=", ".join(rng.sample(INTERESTS, 2)), max_mentees=rng.choice([2, 3, 4]),
                    preferred_age_min=10, preferred_age_max=30,
                )
            teachers.append((teacher, young))
        students = []
        for _ in range(students_count):
            grade = rng.randint(5, 11)
            born = date(today.year - grade - 7, rng.randint(1, 12), rng.randint(1, 28))
            student = _person(rng, organization, Category.STUDENT, today, birth_date=born,
                              grade=f"{grade}{rng.choice('АБВ')}")
            if grade >= 9 and rng.random() < 0.35:
                MentorProfile.objects.create(person=student, competencies=", ".join(rng.sample(SUBJECTS, 2)),
                                             interests=", ".join(rng.sample(INTERESTS, 2)), max_mentees=2,
                                             preferred_age_min=10, preferred_age_max=14)
            elif grade <= 8 and rng.random() < 0.5:
                subject = rng.choice(SUBJECTS)
                MenteeRequest.objects.create(person=student, help_wanted=rng.choice(NEEDS).format(s=subject),
                                             interests=", ".join(rng.sample(INTERESTS, 2)))
            students.append(student)
        for _ in range(3):
            _person(rng, organization, Category.PARENT, today)
        company = rng.choice(["Агроресурс", "Сибирь-Энерго", "Техноцентр"])
        partner = Partner.objects.create(organization=organization, name=f"ООО «{company}»",
                                         agreement_number=f"{rng.randint(1, 40)}/{year}",
                                         agreement_date=date(year, 9, 15))
        employer = _person(rng, organization, Category.PARTNER, today, partner=partner, position="инженер")
        MentorProfile.objects.create(person=employer, competencies="профориентация, инженерное дело, проекты",
                                     interests="робототехника, проекты", max_mentees=3)
        total += teachers_count + students_count + 4
        _history(rng, organization, forms, teachers, students, today)
        _pairs(rng, organization, forms, teachers, students, employer, today)
    _link_demo_mentor()
    return total


def _pairs(rng, organization, forms, teachers, students, employer, today) -> None:
    year = school_year_of(today)
    start, end = date(year, 10, 1), date(year + 1, 5, 31)
    experienced = [t for t, young in teachers if not young]
    plans = [(experienced[i], [young], "учитель – учитель") for i, (young, is_young) in enumerate(teachers)
             if is_young and i < len(experienced)]
    older = [s for s in students if s.grade and int(s.grade[:-1]) >= 9 and hasattr(s, "mentor_profile")]
    younger = [s for s in students if s.grade and int(s.grade[:-1]) <= 7]
    for mentor in older[:4]:
        mentees = [younger.pop() for _ in range(rng.choice([1, 1, 2])) if younger]
        plans.append((mentor, mentees, "ученик – ученик"))
    if younger:
        plans.append((employer, [younger.pop() for _ in range(min(3, len(younger)))], "работодатель – ученик"))
    for index, (mentor, mentees, form_name) in enumerate(plans):
        if not mentees:
            continue
        try:
            pair = pair_create(organization=organization, mentor=mentor, mentees=mentees, form=forms[form_name],
                               start_date=start, end_date=end, today=today, order_number=f"{rng.randint(100, 199)}-од",
                               order_date=start - timedelta(days=3))
        except Exception:  # noqa: BLE001 - a generated combination that breaks a rule is simply not created
            continue
        if all(p.consent_on(today) for p in [mentor, *mentees]) and index % 4 != 3:
            Pair.objects.filter(pk=pair.pk).update(status=PairStatus.ACTIVE)
        for meeting in pair.meetings.all():
            if meeting.planned_on and meeting.planned_on < today and rng.random() < 0.8:
                meeting.held_on = meeting.planned_on + timedelta(days=rng.randint(0, 3))
                meeting.save(update_fields=["held_on"])
        PlanTask.objects.bulk_create([
            PlanTask(pair=pair, title="Составить индивидуальный план развития", due=start + timedelta(days=20),
                     done=rng.random() < 0.7),
            PlanTask(pair=pair, title="Подготовить проект или выступление", due=end - timedelta(days=30)),
        ])


def _history(rng, organization, forms, teachers, students, today) -> None:
    """Completed pairs of past school years (October to May): older pupils lead groups of younger ones
    («ученик – ученик»), experienced teachers support the young ones («учитель – учитель»); enough pupils each year
    for COVERAGE."""
    head_count = organization.head_counts.order_by("-school_year").first()
    capacity = head_count.students or head_count.additional_students if head_count else len(students)
    older = [s for s in students if int(s.grade[:-1]) >= 9] or students
    experienced = [t for t, young in teachers if not young]
    young = [t for t, is_young in teachers if is_young]
    for year, share in COVERAGE.items():
        if date(year, 5, 31) >= today:
            continue
        chosen = rng.sample(students, min(len(students), round(capacity * share)))
        leaders = [s for s in chosen if s in older] or older
        mentees = [s for s in chosen if s not in leaders[:len(chosen) // 4]]
        for index in range(0, len(mentees), 3):
            _finished(rng, organization, leaders[(index // 3) % len(leaders)], mentees[index:index + 3],
                      forms["ученик – ученик"], year)
        for index, mentee in enumerate(young):
            _finished(rng, organization, experienced[-1 - index % len(experienced)], [mentee],
                      forms["учитель – учитель"], year)


def _finished(rng, organization, mentor, mentees, form, year) -> None:
    start, end = date(year - 1, 10, 1), date(year, 5, 31)
    pair = Pair.objects.create(organization=organization, mentor=mentor, form=form, start_date=start, end_date=end,
                               status=PairStatus.COMPLETED, result="Индивидуальный план выполнен",
                               order_number=f"{rng.randint(100, 199)}-од")
    pair.mentees.set([m for m in mentees if m != mentor])
    held = 5 if rng.random() < 0.85 else 4  # now and then a plan below 90%
    kinds = ["acquaintance", "trial", "planning", "work", "final"]
    days = [0, 7, 14, 60, (end - start).days]
    Meeting.objects.bulk_create([
        Meeting(pair=pair, kind=kind, planned_on=start + timedelta(days=d),
                held_on=start + timedelta(days=d) if i < held else None)
        for i, (kind, d) in enumerate(zip(kinds, days))
    ])


def _link_demo_mentor() -> None:
    """The demo mentor log-in (Ёлкин А.В.) is an experienced teacher of МБОУ Агинская СОШ № 1 with pairs."""
    user = get_user_model().objects.filter(username="nastavnik.agin1").first()
    if user is None or Person.objects.filter(user=user).exists():
        return
    mentor = Pair.objects.filter(organization__code="agin-1", form__name="учитель – учитель").first()
    if mentor is None:
        return
    person = mentor.mentor
    Person.objects.filter(pk=person.pk).update(user=user, last_name="Ёлкин", first_name="Андрей",
                                               patronymic="Васильевич")
