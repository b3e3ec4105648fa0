"""The participant's page, opened by a personal link (`/k/<token>/`, no sign-in) or by a signed-in mentee
(`/my/mentoring/<person>/`); and the curator's side on the person's card: links given and ended, messages read."""

from __future__ import annotations

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from participants.access import CAN_EDIT_PAIRS, organization_view
from participants.cabinet import page, services
from participants.cabinet.models import LinkKind
from participants.cabinet.rules import CABINET, MENTOR_CHOICES, Viewer, link_kinds
from participants.models import Person

SHOWN = "cabinet-link-shown"  # the session key of a link made a moment ago, shown once on the card


def _private(response):
    """A page opened by a secret address: never kept by a browser or a proxy, its address never sent to another
    site as a referrer (`same-origin`: «no-referrer» would make the browser send «Origin: null» with the page's own
    forms, which the CSRF check refuses), never indexed."""
    response["Referrer-Policy"] = "same-origin"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def cabinet_view(view):
    """Resolve the viewer: by the link's token, or the signed-in mentee's own registry entry; 404 otherwise."""
    @never_cache
    @wraps(view)
    def wrapper(request, *args, token: str | None = None, person: int | None = None, **kwargs):
        if token is not None:
            viewer = services.viewer_of_token(token)
            base = reverse("participants:cabinet", args=[token])
        else:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            viewer = next((v for v in services.viewers_of_user(request.user) if v.person.pk == person), None)
            base = reverse("participants:my-mentoring", args=[person])
        if viewer is None:
            raise Http404
        return _private(view(request, viewer, base, *args, **kwargs))
    return wrapper


def _render(request, viewer: Viewer, base: str, *, status: int = 200, **extra):
    today = timezone.localdate()
    consent = services.consent_in_force(viewer, today)
    pairs = page.pairs_of(viewer.person, today)
    choosing = not page.in_a_live_pair(viewer.person) and CABINET.allows(
        "choose_mentors", viewer=viewer, live_pair=False, chosen=[0], offered={0}, today=today)
    return render(request, "participants/cabinet/page.html", {
        "viewer": viewer, "person": viewer.person, "base": base, "today": today, "consent": consent,
        "pairs": pairs, "blocks": page.blocks_of(viewer.person, today),
        "markable": {v.pair.pk for v in pairs if CABINET.allows("mark_task", viewer=viewer, pair=v.pair, today=today)},
        "may_give": CABINET.allows("give_consent", viewer=viewer, consent=consent, confirmed=True, today=today),
        "may_withdraw": CABINET.allows("withdraw_consent", viewer=viewer, consent=consent, today=today),
        "sent": viewer.person.messages_sent.all()[:5],
        "offered": page.offered_mentors(viewer.person, today) if choosing else [],
        "selections": _selections(viewer, extra.pop("picked", None)), **extra}, status=status)


def _selections(viewer: Viewer, picked: list[str] | None) -> list[tuple[int, int | None]]:
    """(rank, the mentor selected there): what was just sent back, or the choice on record."""
    if picked is not None:
        current = [int(value) if value.isdigit() else None for value in picked]
    else:
        current = [c.mentor_id for c in viewer.person.mentor_choices.order_by("rank")]
    current += [None] * (MENTOR_CHOICES - len(current))
    return list(enumerate(current[:MENTOR_CHOICES], start=1))


@cabinet_view
def cabinet(request, viewer, base):
    return _render(request, viewer, base)


def _refused(request, viewer, base, error: ValidationError, **extra):
    """A refused change: the page again with the reasons and what was typed (status 400)."""
    return _render(request, viewer, base, status=400, problems=error.messages, **extra)


@cabinet_view
@require_POST
def task_mark(request, viewer, base, task_id: int):
    try:
        task = services.task_mark(viewer=viewer, task_id=task_id, done=request.POST.get("done") == "1",
                                  today=timezone.localdate())
    except ObjectDoesNotExist:
        raise Http404 from None
    except ValidationError as error:
        return _refused(request, viewer, base, error)
    messages.success(request, f"«{task.title}»: {'выполнена' if task.done else 'не выполнена'}.")
    return redirect(base + "#plan")


def _act(request, viewer, base, change, done: str, anchor: str, **typed):
    """One change of the page: done, the message and back to its part; refused, the page again with the reasons
    and what was typed (`typed` goes back into the form)."""
    try:
        change()
    except ValidationError as error:
        return _refused(request, viewer, base, error, **typed)
    messages.success(request, done)
    return redirect(f"{base}#{anchor}")


@cabinet_view
@require_POST
def choose_mentors(request, viewer, base):
    raw = [request.POST.get(f"choice_{rank}", "") for rank in range(1, MENTOR_CHOICES + 1)]
    chosen = [int(value) for value in raw if value.isdigit()]
    return _act(request, viewer, base,
                lambda: services.mentors_choose(viewer=viewer, chosen=chosen, today=timezone.localdate()),
                "Ваш выбор передан куратору. Решение о паре принимает школа.", "choose", picked=raw)


@cabinet_view
@require_POST
def write(request, viewer, base):
    text = request.POST.get("text", "")
    return _act(request, viewer, base, lambda: services.message_send(viewer=viewer, text=text,
                                                                       today=timezone.localdate()),
                "Сообщение отправлено куратору.", "write", typed=text)


@cabinet_view
@require_POST
def consent_give(request, viewer, base):
    given_by = request.POST.get("given_by", "")
    return _act(request, viewer, base, lambda: services.consent_give(
        viewer=viewer, given_by=given_by, confirmed=request.POST.get("confirm") == "yes", today=timezone.localdate()),
        "Согласие на обработку персональных данных дано. Спасибо!", "consent", given_by=given_by)


@cabinet_view
@require_POST
def consent_withdraw(request, viewer, base):
    return _act(request, viewer, base, lambda: services.consent_withdraw(viewer=viewer, today=timezone.localdate()),
                "Согласие отозвано. Куратор получил уведомление.", "consent")


@login_required
def my_mentoring(request):
    """A signed-in mentee's own page; with entries in several schools, the list of them."""
    viewers = services.viewers_of_user(request.user)
    if len(viewers) == 1:
        return redirect("participants:my-mentoring", person=viewers[0].person.pk)
    return render(request, "participants/cabinet/choose.html", {"viewers": viewers})


# The curator's side ------------------------------------------------------------------------------------------------
def _person(request, organization, pk: int) -> Person:
    return get_object_or_404(Person.objects.visible_to(request.user).filter(organization=organization), pk=pk)


def _card(organization, person):
    return redirect(reverse("participants:person", args=[organization.code, person.pk]) + "#cabinet")


@organization_view(CAN_EDIT_PAIRS)
@require_POST
def link_issue(request, organization, pk: int):
    person = _person(request, organization, pk)
    kind = request.POST.get("kind", "")
    if kind not in LinkKind.values:
        messages.error(request, "Выберите, для кого ссылка: для участника или для родителя.")
        return _card(organization, person)
    try:
        token = services.link_issue(person=person, kind=kind, actor=request.user, today=timezone.localdate())
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return _card(organization, person)
    request.session[SHOWN] = {"person": person.pk, "kind": LinkKind(kind).label,
                              "url": request.build_absolute_uri(reverse("participants:cabinet", args=[token]))}
    return _card(organization, person)


@organization_view(CAN_EDIT_PAIRS)
@require_POST
def link_revoke(request, organization, pk: int):
    person = _person(request, organization, pk)
    kind = request.POST.get("kind", "")
    if services.link_revoke(person=person, kind=kind):
        messages.success(request, f"Ссылка {LinkKind(kind).label} отключена.")
    return _card(organization, person)


@organization_view(CAN_EDIT_PAIRS)
@require_POST
def messages_read(request, organization, pk: int):
    person = _person(request, organization, pk)
    services.messages_read(person=person, user=request.user)
    return _card(organization, person)


def card_context(request, person, today) -> dict:
    """The card's section «Личная страница участника»: the links, the one just made (shown once), the messages."""

    shown = request.session.get(SHOWN)
    if shown and shown.get("person") == person.pk:
        del request.session[SHOWN]
    else:
        shown = None
    return {"link_kinds": link_kinds(person, today), "shown_link": shown,
            "live_links": person.personal_links.filter(revoked_at__isnull=True),
            "participant_messages": person.messages_sent.all()[:20]}
