"""The demo's recruitment: МБОУ Агинская СОШ № 1 gave out a link at its педсовет and one at a parents' meeting; two
answers wait for the curator."""

from __future__ import annotations

from datetime import date, timedelta

from participants.models import Organization
from participants.recruitment.models import Audience, Candidate, RecruitmentForm, Wish


def load(today: date) -> int:
    organization = Organization.objects.filter(code="agin-1").first()
    if organization is None or organization.recruitment_forms.exists():
        return 0
    council = RecruitmentForm.objects.create(organization=organization, audience=Audience.COUNCIL,
                                             title=f"Педсовет {today - timedelta(days=20):%d.%m.%Y}: наставники")
    parents = RecruitmentForm.objects.create(organization=organization, audience=Audience.PARENTS,
                                             title="Родительское собрание 5-х классов")
    Candidate.objects.create(form=council, wish=Wish.MENTOR, category="teacher", last_name="Гаврилова",
                             first_name="Нина", patronymic="Павловна", position="учитель химии",
                             email="gavrilova@demo.nastavnik.local", about="химия, исследовательские проекты",
                             consent_by="Гаврилова Нина Павловна", consent_giver="self")
    Candidate.objects.create(form=parents, wish=Wish.MENTEE, category="student", last_name="Сомов", first_name="Лев",
                             birth_date=date(today.year - 11, 2, 14), grade="5А", phone="+7 900 555-01-02",
                             about="трудно с математикой, любит конструировать",
                             consent_by="Сомова Ирина Викторовна", consent_giver="representative")
    return 2
