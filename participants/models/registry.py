"""The personalised registry (персонифицированный учёт): people, their consent, mentor profiles, mentee requests
(partner organizations live in participants/partners/models.py)."""

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone

from mentoring_portal.lib.collation import russian, search_text
from mentoring_portal.lib.schoolyear import years_before
from mentoring_portal.lib.wording import counted


class Category(models.TextChoices):
    STUDENT = "student", "Обучающийся"
    TEACHER = "teacher", "Педагог"
    PARENT = "parent", "Родитель (законный представитель)"
    GRADUATE = "graduate", "Выпускник"
    UNIVERSITY_STUDENT = "university_student", "Студент колледжа/вуза"
    PARTNER = "partner", "Представитель партнёра/работодателя"




def years_between(start: date, end: date) -> int:
    return end.year - start.year - ((end.month, end.day) < (start.month, start.day))


ADULT_YEARS = 18


def adult(on: date, prefix: str = "") -> Q:
    """The one rule of who may be named above the school, as a filter: 18 or older on the day, by the birth date;
    without one, anyone but a pupil. `Person.is_minor` is its twin for one person; age decides, not the role in a
    pair (a pupil of 17 mentoring «ученик – ученик» is a child)."""
    return Q(**{f"{prefix}birth_date__lte": years_before(on, ADULT_YEARS)}) | (
        Q(**{f"{prefix}birth_date__isnull": True}) & ~Q(**{f"{prefix}category": Category.STUDENT}))


class PersonQuerySet(models.QuerySet):
    def adults(self, on: date) -> "PersonQuerySet":
        return self.filter(adult(on))

    def visible_to(self, user) -> "PersonQuerySet":
        from participants.access import access_of

        return access_of(user).people(self)

    def pickable_in(self, organization) -> "PersonQuerySet":
        """Who may be put in the school's pairs: its registry and the people of its partners, not erased. The
        partners' ids are read first: «organization OR partner's organization» through a join, or with the partners
        as a subquery, made PostgreSQL scan every person of the installation (issue #24); two indexed conditions
        make a bitmap of the school's rows."""
        from participants.models import Partner

        partners = list(Partner.objects.filter(organization=organization).values_list("pk", flat=True))
        mine = Q(organization=organization) | Q(partner_id__in=partners) if partners else Q(organization=organization)
        return self.filter(mine, anonymised_on__isnull=True)

    def matching(self, typed: str) -> "PersonQuerySet":
        """Every typed word in the person's name, class or position, in any case, «ё» as «е»."""
        found = self
        for word in search_text(typed).split()[:5]:
            found = found.filter(search__contains=word)
        return found

    def in_russian_order(self) -> "PersonQuerySet":
        """By name as a Russian reader expects (Ё after Е, not before А), namesakes in a stable order."""
        return self.order_by(russian("last_name"), russian("first_name"), russian("patronymic"), "pk")


class Person(models.Model):
    organization = models.ForeignKey("participants.Organization", on_delete=models.CASCADE, related_name="people",
                                     verbose_name="организация")
    last_name = models.CharField("фамилия", max_length=100)
    first_name = models.CharField("имя", max_length=100)
    patronymic = models.CharField("отчество", max_length=100, blank=True)
    category = models.CharField("категория", max_length=30, choices=Category.choices)
    grade = models.CharField("класс / курс", max_length=20, blank=True, help_text="Например: 7Б или 2 курс")
    birth_date = models.DateField("дата рождения", null=True, blank=True)
    teaching_since = models.DateField("начало педагогической деятельности", null=True, blank=True)
    position = models.CharField("должность", max_length=200, blank=True)
    partner = models.ForeignKey("participants.Partner", on_delete=models.SET_NULL, null=True, blank=True, related_name="people",
                                verbose_name="организация-партнёр")
    phone = models.CharField("телефон", max_length=50, blank=True)
    email = models.EmailField("электронная почта", blank=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                             related_name="people", verbose_name="учётная запись портала")
    search = models.TextField(editable=False, blank=True)
    anonymised_on = models.DateField("обезличен", null=True, blank=True, editable=False,
                                     help_text="Данные удалены по запросу; запись осталась для показателей.")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PersonQuerySet.as_manager()

    class Meta:
        verbose_name = "участник"
        verbose_name_plural = "реестр участников"
        ordering = ["last_name", "first_name"]
        indexes = [models.Index(fields=["organization", "category"])]

    def __str__(self) -> str:
        return self.full_name

    def save(self, *args, **kwargs):
        # A derived copy for search: SQLite folds only Latin case (see mentoring_portal/lib/collation.py).
        self.search = search_text(self.last_name, self.first_name, self.patronymic, self.grade, self.position)
        super().save(*args, **kwargs)

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.last_name, self.first_name, self.patronymic) if p)

    @property
    def short_name(self) -> str:
        initials = "".join(f"{p[0]}." for p in (self.first_name, self.patronymic) if p)
        return f"{self.last_name} {initials}"

    def described(self, on: date) -> str:
        """The name with what tells namesakes apart in a list: class and age, or category and position."""
        details = [self.grade] if self.grade else []
        age = self.age(on)
        if age is not None:
            details.append(counted(age, "год", "года", "лет"))
        details.append(self.get_category_display().lower())
        if self.position:
            details.append(self.position)
        return f"{self.full_name} — {', '.join(details)}"

    def clean(self):
        today, errors = timezone.localdate(), {}
        if self.birth_date and self.birth_date > today:
            errors["birth_date"] = "Дата рождения ещё не наступила: проверьте год."
        elif self.birth_date and self.birth_date.year < 1900:
            errors["birth_date"] = "Проверьте год рождения."
        if self.teaching_since and self.teaching_since > today:
            errors["teaching_since"] = "Начало педагогической деятельности ещё не наступило."
        elif self.teaching_since and self.birth_date and self.teaching_since < self.birth_date:
            errors["teaching_since"] = "Начало педагогической деятельности раньше даты рождения."
        if errors:
            raise ValidationError(errors)

    def age(self, on: date) -> int | None:
        return years_between(self.birth_date, on) if self.birth_date else None

    def is_minor(self, on: date) -> bool:
        """Twin of `adult()`: under 18 by the birth date; without one, a pupil."""
        age = self.age(on)
        return age < ADULT_YEARS if age is not None else self.category == Category.STUDENT

    def teaching_years(self, on: date) -> int | None:
        return years_between(self.teaching_since, on) if self.teaching_since else None

    def is_young_specialist(self, on: date) -> bool:
        """«Молодой специалист»: a teacher in the first three years of teaching."""
        years = self.teaching_years(on)
        return self.category == Category.TEACHER and years is not None and years < 3

    def is_young_teacher(self, on: date) -> bool:
        """«Педагог до 35 лет в первые три года работы» — the denominator of the young teachers' indicator."""
        age = self.age(on)
        return self.is_young_specialist(on) and age is not None and age < 35

    def consent_on(self, day: date):
        return next((c for c in self.consents.all() if c.is_valid_on(day)), None)


class ConsentGiver(models.TextChoices):
    """Who gave the consent (152-ФЗ, ГК РФ ст. 26, 28): for a child under 14 a parent or legal representative; from
    14 to 18 the representative, or the minor with the representative's consent; an adult gives it themselves."""

    SELF = "self", "сам участник"
    REPRESENTATIVE = "representative", "родитель (законный представитель)"
    SELF_WITH_CONSENT = "self_with_consent", "участник с согласия родителя (законного представителя)"


class Consent(models.Model):
    """Consent to personal-data processing; for a minor it is given by a parent or legal representative."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="consents", verbose_name="участник")
    giver = models.CharField("кто дал", max_length=20, choices=ConsentGiver.choices, default=ConsentGiver.SELF)
    given_by = models.CharField("кем дано", max_length=200,
                                help_text="ФИО того, кто подписал согласие; за ребёнка — ФИО родителя (законного "
                                          "представителя)")
    given_on = models.DateField("дата")
    document = models.CharField("документ", max_length=200, blank=True, help_text="Например: согласие № 15")
    withdrawn_on = models.DateField("отозвано", null=True, blank=True)

    class Meta:
        verbose_name = "согласие на обработку персональных данных"
        verbose_name_plural = "согласия на обработку персональных данных"
        ordering = ["-given_on", "-id"]
        constraints = [models.CheckConstraint(name="consent_withdrawn_after_given",
                                              condition=Q(withdrawn_on__isnull=True) | Q(withdrawn_on__gte=models.F("given_on")))]

    def __str__(self) -> str:
        return f"{self.person} · {self.given_on:%d.%m.%Y}"

    def is_valid_on(self, day: date) -> bool:
        return self.given_on <= day and (self.withdrawn_on is None or self.withdrawn_on > day)


def _surname(name: str) -> str:
    words = search_text(name).split()
    return words[0] if words else ""


def consent_problems(person: Person, *, giver: str, given_by: str, given_on: date, today: date) -> list[str]:
    """What makes a consent invalid for this person, as the school's curator should read it."""
    problems = []
    if given_on > today:
        problems.append("Дата согласия ещё не наступила.")
    if person.birth_date and given_on < person.birth_date:
        problems.append("Согласие не может быть дано раньше даты рождения.")
    age = person.age(given_on)
    representative = giver in (ConsentGiver.REPRESENTATIVE, ConsentGiver.SELF_WITH_CONSENT)
    if age is None and person.category == Category.STUDENT and not representative:
        problems.append("Возраст обучающегося не известен (нет даты рождения): согласие даёт родитель (законный "
                        "представитель) или сам обучающийся с его согласия. Или укажите дату рождения.")
    elif age is not None and age < 14 and giver != ConsentGiver.REPRESENTATIVE:
        problems.append(f"{person.full_name} на дату согласия {counted(age, 'год', 'года', 'лет')}: за ребёнка младше "
                        "14 лет согласие даёт родитель (законный представитель).")
    elif age is not None and 14 <= age < 18 and not representative:
        problems.append(f"{person.full_name} на дату согласия {counted(age, 'год', 'года', 'лет')}: с 14 до 18 лет "
                        "согласие даёт родитель (законный представитель) или сам участник с его согласия.")
    if representative and not given_by.strip():
        problems.append("Укажите ФИО родителя (законного представителя), давшего согласие.")
    elif giver == ConsentGiver.REPRESENTATIVE and search_text(given_by) == search_text(person.full_name):
        problems.append("Родитель (законный представитель) — другой человек: укажите его ФИО, а не ФИО участника.")
    elif giver == ConsentGiver.SELF and given_by.strip() and _surname(given_by) != _surname(person.last_name):
        problems.append(f"Согласие дал сам участник — подписал его {person.full_name}, а не «{given_by.strip()}». "
                        "Если подписал родитель (законный представитель), выберите это в поле «Кто дал».")
    return problems


class MentorProfile(models.Model):
    person = models.OneToOneField(Person, on_delete=models.CASCADE, related_name="mentor_profile")
    competencies = models.TextField("компетенции", blank=True, help_text="Через запятую: математика, олимпиады, …")
    achievements = models.TextField("достижения", blank=True)
    interests = models.TextField("интересы", blank=True)
    preferred_age_min = models.PositiveSmallIntegerField("возраст наставляемого от", null=True, blank=True)
    preferred_age_max = models.PositiveSmallIntegerField("возраст наставляемого до", null=True, blank=True)
    preferred_format = models.CharField("предпочитаемый формат", max_length=200, blank=True,
                                        help_text="Очно, дистанционно, групповой…")
    max_mentees = models.PositiveSmallIntegerField("наставляемых не больше", default=3)
    public_name_consent = models.BooleanField(
        "согласен(на) на публикацию ФИО в разделе «Наставничество»", default=False,
        help_text="Только со своего согласия и только взрослый: имена детей не публикуются никогда.")

    class Meta:
        verbose_name = "профиль наставника"
        verbose_name_plural = "профили наставников"

    def __str__(self) -> str:
        return f"наставник {self.person}"


class MenteeRequest(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="requests")
    help_wanted = models.TextField("какая помощь нужна")
    interests = models.TextField("интересы", blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    is_open = models.BooleanField("актуален", default=True)

    class Meta:
        verbose_name = "запрос наставляемого"
        verbose_name_plural = "запросы наставляемых"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.person}: {self.help_wanted[:60]}"
