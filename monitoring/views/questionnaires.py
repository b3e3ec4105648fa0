"""Questionnaires: the curator makes personal links (or types answers in), participants answer once without
signing in, results are summarised per school and form."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from mentoring_portal.lib.paging import page_of
from monitoring.builder.services import usable_by
from monitoring.models import Invitation, QuestionKind, Questionnaire, QuestionnaireKind, Respondent
from monitoring.questionnaire_mail import address_of, invitations_made
from monitoring.reports import questionnaire_results
from monitoring.services import answers_record
from participants.access import CAN_EDIT_PAIRS, organization_view
from participants.models import Category, Pair, Person

STAGES = {
    "entry": (QuestionnaireKind.MENTOR_ENTRY, QuestionnaireKind.MENTEE_ENTRY),
    "final": (QuestionnaireKind.MENTOR_FINAL, QuestionnaireKind.MENTEE_FINAL),
    "quality": (QuestionnaireKind.PROGRAMME_QUALITY, QuestionnaireKind.PROGRAMME_QUALITY),
}


class AnswerForm(forms.Form):
    """The questions of one questionnaire version, each by its kind; answers are kept as scores (a scale) or as
    text (a choice, several choices joined by «; », a number, a date)."""

    def __init__(self, *args, questionnaire: Questionnaire, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questionnaire.questions.all())
        for q in self.questions:
            self.fields[f"q{q.pk}"] = _field(q)
            self.fields[f"q{q.pk}"].section = q.section  # the page heads each section

    def scores(self):
        return {q.pk: self.cleaned_data[f"q{q.pk}"] for q in self.questions if q.kind == QuestionKind.SCALE}

    def texts(self):
        texts = {}
        for q in self.questions:
            value = self.cleaned_data[f"q{q.pk}"]
            if q.kind == QuestionKind.SCALE or value in (None, "", []):
                continue
            texts[q.pk] = ("; ".join(value) if isinstance(value, list) else
                           value.isoformat() if hasattr(value, "isoformat") else str(value))
        return texts


def _field(q) -> forms.Field:
    label, required = q.text, q.required
    if q.kind == QuestionKind.SCALE:
        hint = f"1 — {q.low_label}, 10 — {q.high_label}" if q.low_label or q.high_label else ""
        return forms.TypedChoiceField(label=label, coerce=int, choices=[(i, i) for i in range(1, 11)],
                                      widget=forms.RadioSelect, required=required, help_text=hint, empty_value=None,
                                      error_messages={"required": "Поставьте оценку от 1 до 10."})
    if q.kind == QuestionKind.SINGLE:
        return forms.ChoiceField(label=label, choices=[(o, o) for o in q.options], widget=forms.RadioSelect,
                                 required=required, error_messages={"required": "Выберите вариант."})
    if q.kind == QuestionKind.MULTIPLE:
        return forms.MultipleChoiceField(label=label, choices=[(o, o) for o in q.options],
                                         widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
                                         required=required,
                                         error_messages={"required": "Отметьте хотя бы один вариант."})
    if q.kind == QuestionKind.NUMBER:
        return forms.DecimalField(label=label, required=required, max_digits=12, decimal_places=2, localize=True,
                                  widget=forms.TextInput(attrs={"class": "form-control w-8rem", "inputmode": "decimal"}),
                                  error_messages={"required": "Укажите число.", "invalid": "Введите число."})
    if q.kind == QuestionKind.DATE:
        return forms.DateField(label=label, required=required,
                               widget=forms.DateInput(attrs={"type": "date", "class": "form-control w-8rem"}),
                               error_messages={"required": "Укажите дату."})
    return forms.CharField(label=label, required=required,
                           widget=forms.Textarea(attrs={"rows": 2, "class": "form-control"}),
                           error_messages={"required": "Напишите ответ."})


WAITING, ANSWERED = "waiting", "answered"


@organization_view(CAN_EDIT_PAIRS)
def invitations(request, organization):
    """The school's links, 50 a page: who answered, who got a letter or a reminder, who has no address."""
    found = (Invitation.objects.filter(organization=organization)
             .select_related("questionnaire", "person__user", "pair", "round").order_by("-created_at", "-pk"))
    status, round_id = request.GET.get("status", ""), request.GET.get("round", "")
    if status == WAITING:
        found = found.filter(answered_at__isnull=True)
    elif status == ANSWERED:
        found = found.filter(answered_at__isnull=False)
    if round_id.isdigit():
        found = found.filter(round_id=int(round_id))
    page = page_of(request, found)
    results, compared = questionnaire_results([organization])
    return render(request, "monitoring/invitations.html", {
        "organization": organization, "page": page, "results": results, "compared": compared,
        "rows": [(i, request.build_absolute_uri(reverse("monitoring:answer", args=[i.token])), address_of(i))
                 for i in page.object_list],
        "status": status, "round_id": round_id, "rounds": organization.rounds.all(),
        "built": usable_by(organization).filter(respondent__in=(Respondent.MENTOR, Respondent.MENTEE)),
        "for_people": usable_by(organization).filter(respondent__in=CATEGORY_OF),
        "pairs": Pair.objects.visible_to(request.user).filter(organization=organization).live()
        .select_related("mentor", "form"),
    })


@organization_view(CAN_EDIT_PAIRS)
@require_POST
def invitations_create(request, organization):
    pair = get_object_or_404(Pair.objects.visible_to(request.user).filter(organization=organization),
                             pk=request.POST.get("pair") or 0)
    stage = request.POST.get("stage", "")
    if stage.startswith("q") and stage[1:].isdigit():  # a questionnaire of the school's own (monitoring/builder)
        built = usable_by(organization).filter(pk=int(stage[1:])).first()
        if built is None or built.respondent not in (Respondent.MENTOR, Respondent.MENTEE):
            messages.error(request, "Паре отправляют анкеты, на которые отвечает наставник или наставляемый.")
            return redirect("monitoring:invitations", organization=organization.code)
        asked = [(pair.mentor, built)] if built.respondent == Respondent.MENTOR else \
            [(m, built) for m in pair.mentees.all()]
    elif stage in STAGES:
        mentor_kind, mentee_kind = (Questionnaire.objects.get(kind=kind) for kind in STAGES[stage])
        asked = [(pair.mentor, mentor_kind)] + [(m, mentee_kind) for m in pair.mentees.all()]
    else:
        messages.error(request, "Выберите анкету.")
        return redirect("monitoring:invitations", organization=organization.code)
    created = []
    for person, questionnaire in asked:
        try:
            with transaction.atomic():
                created.append(Invitation.objects.create(questionnaire=questionnaire, organization=organization,
                                                         person=person, pair=pair, form=pair.form).pk)
        except IntegrityError:
            pass  # this participant already has this questionnaire for this pair
    invitations_made(created, request.build_absolute_uri("/"))
    created = len(created)
    messages.success(request, f"Создано персональных ссылок: {created}." if created else
                     "У участников этой пары уже есть такие анкеты.")
    return redirect("monitoring:invitations", organization=organization.code)


CATEGORY_OF = {Respondent.TEACHER: Category.TEACHER, Respondent.PARENT: Category.PARENT,
               Respondent.PARTNER: Category.PARTNER}


@organization_view(CAN_EDIT_PAIRS)
@require_POST
def invitations_for_category(request, organization):
    """A questionnaire of the school's own for its teachers, parents or partners' people: a link for each person of
    that category in the registry (someone who has one already keeps it)."""
    built = usable_by(organization).filter(pk=request.POST.get("questionnaire") or 0,
                                           respondent__in=CATEGORY_OF).first()
    if built is None:
        messages.error(request, "Выберите анкету для педагогов, родителей или партнёров.")
        return redirect("monitoring:invitations", organization=organization.code)
    asked = set(Invitation.objects.filter(questionnaire=built).values_list("person_id", flat=True))
    people = (Person.objects.filter(organization=organization, category=CATEGORY_OF[built.respondent],
                                    anonymised_on__isnull=True).exclude(pk__in=asked))
    made = Invitation.objects.bulk_create([Invitation(questionnaire=built, organization=organization, person=p)
                                           for p in people])
    invitations_made([i.pk for i in made], request.build_absolute_uri("/"))
    messages.success(request, f"Создано персональных ссылок: {len(made)}." if made else
                     "У всех уже есть ссылка на эту анкету.")
    return redirect("monitoring:invitations", organization=organization.code)


def _answer_page(request, invitation, *, entered_by=None, done_url=None):
    if invitation.answered_at:
        return render(request, "monitoring/answer_done.html", {"invitation": invitation, "already": True})
    form = AnswerForm(request.POST if request.method == "POST" else None, questionnaire=invitation.questionnaire)
    if request.method == "POST" and form.is_valid():
        try:
            answers_record(invitation=invitation, scores=form.scores(), texts=form.texts(), entered_by=entered_by)
        except ValidationError:
            return render(request, "monitoring/answer_done.html", {"invitation": invitation, "already": True})
        if done_url:
            messages.success(request, "Ответы внесены.")
            return redirect(done_url)
        return render(request, "monitoring/answer_done.html", {"invitation": invitation, "already": False})
    return render(request, "monitoring/answer.html", {"invitation": invitation, "form": form},
                  status=400 if request.method == "POST" else 200)


@require_http_methods(["GET", "POST"])
def answer(request, token: str):
    """The participant's personal link: no sign-in, one set of answers."""
    invitation = get_object_or_404(Invitation.objects.select_related("questionnaire", "organization"), token=token)
    return _answer_page(request, invitation)


@organization_view(CAN_EDIT_PAIRS)
@require_http_methods(["GET", "POST"])
def answer_enter(request, organization, invitation_id: int):
    """The curator types in a paper questionnaire for the participant."""
    invitation = get_object_or_404(Invitation.objects.filter(organization=organization), pk=invitation_id)
    return _answer_page(request, invitation, entered_by=request.user,
                        done_url=reverse("monitoring:invitations", args=[organization.code]))
