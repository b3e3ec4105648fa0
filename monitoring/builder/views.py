"""The builder's pages for a region, a district and a school (`/<r|d|o>/<code>/questionnaires/builder/…`)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Max
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from monitoring.builder import services
from monitoring.builder.forms import QuestionForm, QuestionnaireForm
from monitoring.models import Invitation, Question, Questionnaire, QuestionnaireKind, QuestionnaireStatus, Respondent
from participants.access import CAN_BUILD_QUESTIONNAIRES, organization_view, place_fields, place_kind, place_views


def _url(place, name: str, *args) -> str:
    return reverse(f"monitoring:{place_kind(place)}-builder{name}", args=[place.code, *args])


def _own(place, pk: int) -> Questionnaire:
    found = services.own(place).filter(pk=pk).first() or \
        Questionnaire.objects.filter(**place_fields(place), pk=pk).first()
    if found is None:
        raise Http404
    return found


@require_http_methods(["GET", "POST"])
def _list(request, place):
    form = QuestionnaireForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        made = services.questionnaire_create(place=place, user=request.user, **form.cleaned_data)
        messages.success(request, f"Анкета «{made.title}» создана: добавьте вопросы.")
        return redirect(_url(place, "-edit", made.pk))
    return render(request, "monitoring/builder/list.html", {
        "place": place, "kind": place_kind(place), "form": form, "own": services.own(place),
        "offered": services.offered_to(place),
        "methodology": Questionnaire.objects.exclude(kind=QuestionnaireKind.CUSTOM).order_by("pk"),
    }, status=400 if form.is_bound else 200)


def _edit_page(request, place, questionnaire, *, form=None, question_form=None, status=200):
    return render(request, "monitoring/builder/edit.html", {
        "place": place, "kind": place_kind(place), "questionnaire": questionnaire,
        "form": form or QuestionnaireForm(instance=questionnaire),
        "question_form": question_form or QuestionForm(),
        "questions": questionnaire.questions.all(), "asked": services.was_asked(questionnaire),
        "versions": Questionnaire.objects.filter(family=questionnaire.family or questionnaire).order_by("version"),
    }, status=status)


@require_http_methods(["GET", "POST"])
def _edit(request, place, pk: int):
    questionnaire = _own(place, pk)
    if request.method == "GET":
        return _edit_page(request, place, questionnaire)
    form = QuestionnaireForm(request.POST, instance=questionnaire)
    if not form.is_valid():
        return _edit_page(request, place, questionnaire, form=form, status=400)
    target = _changed(request, questionnaire)
    for name in ("title", "respondent", "intro"):
        setattr(target, name, form.cleaned_data[name])
    target.save(update_fields=["title", "respondent", "intro"])
    messages.success(request, "Анкета сохранена.")
    return redirect(_url(place, "-edit", target.pk))


def _changed(request, questionnaire) -> Questionnaire:
    """The version the change lands in; says so when it is a new one."""
    target = services.editable(questionnaire, request.user)
    if target.pk != questionnaire.pk:
        messages.info(request, f"На анкету уже отвечали: изменения сохранены в версии {target.version}; ответы "
                               f"остаются с версией {questionnaire.version}.")
    return target


def _same_question(target: Questionnaire, question: Question) -> Question:
    return target.questions.get(position=question.position) if target.pk != question.questionnaire_id else question


@require_POST
def _question_add(request, place, pk: int):
    questionnaire = _own(place, pk)
    form = QuestionForm(request.POST)
    if not form.is_valid():
        return _edit_page(request, place, questionnaire, question_form=form, status=400)
    target = _changed(request, questionnaire)
    question = form.save(commit=False)
    question.questionnaire = target
    question.position = (target.questions.aggregate(last=Max("position"))["last"] or 0) + 1
    question.save()
    return redirect(_url(place, "-edit", target.pk) + "#questions")


@require_POST
def _question_delete(request, place, pk: int, question_id: int):
    questionnaire = _own(place, pk)
    question = questionnaire.questions.filter(pk=question_id).first()
    if question is None:
        raise Http404
    target = _changed(request, questionnaire)
    _same_question(target, question).delete()
    return redirect(_url(place, "-edit", target.pk) + "#questions")


@require_POST
def _question_move(request, place, pk: int, question_id: int, direction: str):
    questionnaire = _own(place, pk)
    question = questionnaire.questions.filter(pk=question_id).first()
    if question is None or direction not in ("up", "down"):
        raise Http404
    target = _changed(request, questionnaire)
    moving = _same_question(target, question)
    ordered = list(target.questions.order_by("position", "pk"))
    index = ordered.index(moving)
    other = index - 1 if direction == "up" else index + 1
    if 0 <= other < len(ordered):
        ordered[index], ordered[other] = ordered[other], ordered[index]
        for position, item in enumerate(ordered, start=1):
            Question.objects.filter(pk=item.pk).update(position=position)
    return redirect(_url(place, "-edit", target.pk) + "#questions")


@require_POST
def _publish(request, place, pk: int):
    questionnaire = _own(place, pk)
    try:
        services.publish(questionnaire)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, f"Анкета «{questionnaire.title}» опубликована.")
    return redirect(_url(place, "-edit", questionnaire.pk))


@require_POST
def _copy(request, place, pk: int):
    source = Questionnaire.objects.filter(pk=pk).first()
    if source is None:
        raise Http404
    try:
        copy = services.copy_to(source=source, place=place, user=request.user)
    except ValidationError:
        raise Http404 from None
    messages.success(request, f"Анкета «{copy.title}» скопирована: проверьте вопросы и опубликуйте её.")
    return redirect(_url(place, "-edit", copy.pk))


@organization_view(CAN_BUILD_QUESTIONNAIRES)
@require_POST
def fill(request, organization, pk: int):
    """A questionnaire the curator answers himself (the SWOT analysis, the curator's questionnaire): one answer
    sheet of the school, typed in on the answer page."""
    questionnaire = _own(organization, pk)
    if questionnaire.status != QuestionnaireStatus.PUBLISHED or questionnaire.respondent != Respondent.CURATOR:
        messages.error(request, "Заполнить самому можно опубликованную анкету, на которую отвечает куратор.")
        return redirect(_url(organization, "-edit", pk))
    sheet = Invitation.objects.create(questionnaire=questionnaire, organization=organization)
    return redirect("monitoring:answer-enter", organization=organization.code, invitation_id=sheet.pk)


builder = place_views(_list, CAN_BUILD_QUESTIONNAIRES)
edit = place_views(_edit, CAN_BUILD_QUESTIONNAIRES)
question_add = place_views(_question_add, CAN_BUILD_QUESTIONNAIRES)
question_delete = place_views(_question_delete, CAN_BUILD_QUESTIONNAIRES)
question_move = place_views(_question_move, CAN_BUILD_QUESTIONNAIRES)
publish = place_views(_publish, CAN_BUILD_QUESTIONNAIRES)
copy = place_views(_copy, CAN_BUILD_QUESTIONNAIRES)
