"""The school's registry of mentors and mentees: list, person card, consent, profile, request, partners."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from mentoring_portal.lib import versions
from mentoring_portal.lib.feedback import applied
from mentoring_portal.lib.paging import page_of
from participants.access import CAN_EDIT_PAIRS, organization_view
from participants.cabinet.views import card_context
from participants.caches import school as school_cache
from participants.models import Category, Pair, Partner, Person, TargetGroup
from participants.pairs.selectors import REGISTRY_SORTS, pair_rows, registry
from participants.partners.forms import PartnerForm
from participants.registry.forms import ConsentForm, MenteeRequestForm, MentorProfileForm, PersonForm
from participants.registry.services import (
    consent_record,
    consent_withdraw,
    mentor_profile_save,
    person_save,
    request_add,
)
from participants.services.erasure import person_anonymise


def _person(request, organization, pk: int) -> Person:
    return get_object_or_404(Person.objects.visible_to(request.user).filter(organization=organization), pk=pk)


@organization_view(CAN_EDIT_PAIRS)
def people_list(request, organization):
    q, category, sort = request.GET.get("q", "").strip(), request.GET.get("category", ""), request.GET.get("sort", "name")
    category = category if category in Category.values else ""
    sort = sort if sort in REGISTRY_SORTS else "name"
    today = timezone.localdate()

    def rows() -> dict:  # only when the rendered rows are not kept (participants/caches/school.py)
        page = page_of(request, registry(organization, request.user, q=q, category=category, sort=sort))
        return {"page": page, "rows": [(p, p.consent_on(today)) for p in page.object_list]}

    template = "participants/people_list.html#people-rows" if request.htmx else "participants/people_list.html"
    return render(request, template, {
        "organization": organization, "q": q, "category": category, "categories": Category.choices, "sort": sort,
        "sorts": [(key, label) for key, (label, _) in REGISTRY_SORTS.items()], "partners": organization.partners.all(),
        "rows_key": school_cache.list_key(organization, request.user, today, "people", request.GET),
        **versions.lazy(rows, ("page", "rows"))})


@organization_view(CAN_EDIT_PAIRS)
@require_http_methods(["GET", "POST"])
def person_edit(request, organization, pk: int | None = None):
    person = _person(request, organization, pk) if pk else None
    form = PersonForm(request.POST if request.method == "POST" else None, instance=person, organization=organization)
    if request.method == "POST" and form.is_valid():
        try:
            person = person_save(person=form.save(commit=False))
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"{person.full_name}: данные сохранены.")
            return redirect("participants:person", organization=organization.code, pk=person.pk)
    return render(request, "participants/person_form.html", {"organization": organization, "form": form,
                                                             "person": person})


@organization_view(CAN_EDIT_PAIRS)
def person_detail(request, organization, pk: int):
    return _person_page(request, organization, _person(request, organization, pk))


def _person_page(request, organization, person: Person, *, consent_form: ConsentForm | None = None,
                 profile_form: MentorProfileForm | None = None, request_form: MenteeRequestForm | None = None):
    """The person's card; a form sent back with its problems keeps what the user typed (status 400)."""
    today = timezone.localdate()
    profile = getattr(person, "mentor_profile", None)
    sent_back = any(f is not None for f in (consent_form, profile_form, request_form))
    consent_form = consent_form or ConsentForm(initial={"given_on": today}, person=person, today=today)
    return render(request, "participants/person_detail.html", {
        "organization": organization, "person": person, "today": today,
        "consent": person.consent_on(today), "consents": person.consents.all(),
        "is_minor": person.is_minor(today),
        "young_specialist": person.is_young_specialist(today), "young_teacher": person.is_young_teacher(today),
        "profile_form": profile_form or MentorProfileForm(instance=profile), "has_profile": profile is not None,
        "request_form": request_form or MenteeRequestForm(), "consent_form": consent_form,
        "requests": person.requests.all(),
        "as_mentor": pair_rows(Pair.objects.filter(mentor=person)),
        # Contest results (roadmaps/contests) through the reverse relations: as a mentor, and with his pairs
        "awards": [*person.contest_applications.select_related("contest"),
                   *(a for pair in Pair.objects.filter(mentor=person).prefetch_related("contest_applications__contest")
                     for a in pair.contest_applications.all())],
        "as_mentee": pair_rows(Pair.objects.filter(mentees=person)),
        **card_context(request, person, today),
        "group_choices": TargetGroup.choices, "person_groups": set(person.group_marks.values_list("group", flat=True)),
    }, status=400 if sent_back else 200)


@organization_view(CAN_EDIT_PAIRS)
@require_POST
def person_anonymise_view(request, organization, pk: int):
    person = _person(request, organization, pk)
    if request.POST.get("confirm") != "yes":
        messages.error(request, "Подтвердите, что запрос получен и данные нужно удалить.")
    elif person.anonymised_on:
        messages.info(request, "Данные этого участника уже удалены.")
    else:
        person_anonymise(person=person, user=request.user)
        messages.success(request, "Персональные данные удалены; обезличенная запись осталась для показателей.")
    return _back_to(organization, person)


def _back_to(organization, person):
    return redirect("participants:person", organization=organization.code, pk=person.pk)


@organization_view(CAN_EDIT_PAIRS)
@require_POST
def person_consent(request, organization, pk: int):
    person = _person(request, organization, pk)
    form = ConsentForm(request.POST, person=person)
    if form.is_valid():
        if applied(request, lambda: consent_record(person=person, **form.cleaned_data),
                   done="Согласие на обработку персональных данных записано.", form=form):
            return _back_to(organization, person)
    return _person_page(request, organization, person, consent_form=form)


@organization_view(CAN_EDIT_PAIRS)
@require_POST
def person_consent_withdraw(request, organization, pk: int, consent_id: int):
    person = _person(request, organization, pk)
    consent_withdraw(consent=get_object_or_404(person.consents, pk=consent_id), on=timezone.localdate())
    messages.success(request, "Согласие отмечено отозванным.")
    return _back_to(organization, person)


@organization_view(CAN_EDIT_PAIRS)
@require_POST
def person_profile(request, organization, pk: int):
    person = _person(request, organization, pk)
    form = MentorProfileForm(request.POST, instance=getattr(person, "mentor_profile", None))
    if form.is_valid():
        mentor_profile_save(person=person, **form.cleaned_data)
        messages.success(request, "Профиль наставника сохранён.")
        return _back_to(organization, person)
    return _person_page(request, organization, person, profile_form=form)


@organization_view(CAN_EDIT_PAIRS)
@require_POST
def person_request(request, organization, pk: int):
    person = _person(request, organization, pk)
    form = MenteeRequestForm(request.POST)
    if form.is_valid():
        request_add(person=person, **form.cleaned_data)
        messages.success(request, "Запрос наставляемого записан: он появится в подборе наставников.")
        return _back_to(organization, person)
    return _person_page(request, organization, person, request_form=form)


@organization_view(CAN_EDIT_PAIRS)
@require_http_methods(["GET", "POST"])
def partner_create(request, organization):
    form = PartnerForm(request.POST or None, request.FILES or None, instance=Partner(organization=organization))
    if request.method == "POST" and form.is_valid():
        partner = form.save()
        messages.success(request, f"Партнёр «{partner.name}» добавлен.")
        return redirect("participants:people", organization=organization.code)
    return render(request, "participants/partner_form.html", {"organization": organization, "form": form})
