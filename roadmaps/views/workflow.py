"""Submitting a school roadmap, approving or returning it, copying district items into school roadmaps."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from mentoring_portal.lib.feedback import applied, explain
from participants.access import CAN_APPROVE_ROADMAPS, CAN_EDIT_ROADMAP
from participants.models import Organization
from roadmaps.access import roadmap_view
from roadmaps.forms import AdoptForm, ApproveForm, CopyToSchoolsForm, ReturnForm
from roadmaps.selectors import changes_since_approval, roadmap_table
from roadmaps.services import (
    items_copy_to_schools,
    roadmap_adopt,
    roadmap_approve,
    roadmap_reopen,
    roadmap_return,
    roadmap_submit,
    roadmap_unadopt,
)


@roadmap_view(CAN_EDIT_ROADMAP)
@require_POST
def roadmap_submit_view(request, roadmap):
    applied(request, lambda: roadmap_submit(roadmap=roadmap, user=request.user),
            done="Дорожная карта отправлена на согласование в муниципалитет.")
    return redirect(roadmap)


@roadmap_view(CAN_EDIT_ROADMAP)
@require_POST
def roadmap_reopen_view(request, roadmap):
    applied(request, lambda: roadmap_reopen(roadmap=roadmap, user=request.user),
            done="Дорожная карта открыта для изменений. Когда закончите, отправьте её на согласование: "
                 "муниципалитет увидит, что изменилось после согласования.")
    return redirect(roadmap)


@roadmap_view(CAN_EDIT_ROADMAP)
@require_http_methods(["GET", "POST"])
def roadmap_adopt_view(request, roadmap):
    """«Утвердить приказом» a district's roadmap (or cancel the approval to adopt a new version)."""
    if roadmap.is_school_roadmap:
        raise Http404
    if request.method == "POST" and "cancel" in request.POST:
        applied(request, lambda: roadmap_unadopt(roadmap=roadmap, user=request.user),
                done="Утверждение отменено: дорожная карта снова черновик.")
        return redirect(roadmap)
    form = AdoptForm(request.POST or None, request.FILES or None, roadmap=roadmap)
    if request.method == "POST" and form.is_valid():
        if applied(request, lambda: roadmap_adopt(roadmap=roadmap, user=request.user, **form.cleaned_data),
                   done=lambda _: f"Дорожная карта утверждена: {roadmap.approval_document.reference}.", form=form):
            return redirect(roadmap)
    return render(request, "roadmaps/roadmap_adopt.html", {"roadmap": roadmap, "form": form},
                  status=400 if request.method == "POST" else 200)


@roadmap_view(CAN_APPROVE_ROADMAPS)
@require_http_methods(["GET", "POST"])
def roadmap_review(request, roadmap):
    """The reviewer's page: approve, or return with what to improve."""
    approve_form = ApproveForm(request.POST if "approve" in request.POST else None)
    return_form = ReturnForm(request.POST if "return" in request.POST else None)
    try:
        if "approve" in request.POST and approve_form.is_valid():
            roadmap_approve(roadmap=roadmap, user=request.user, comment=approve_form.cleaned_data["comment"])
            messages.success(request, "Дорожная карта согласована.")
            return redirect(roadmap)
        if "return" in request.POST and return_form.is_valid():
            roadmap_return(roadmap=roadmap, user=request.user, comment=return_form.cleaned_data["comment"])
            messages.success(request, "Дорожная карта возвращена на доработку с вашим комментарием.")
            return redirect(roadmap)
    except ValidationError as error:
        explain(request, error)
        return redirect(roadmap)
    today = timezone.localdate()
    return render(request, "roadmaps/roadmap_review.html", {
        "roadmap": roadmap, "approve_form": approve_form, "return_form": return_form,
        "table": roadmap_table(roadmap, today=today), "since_approval": changes_since_approval(roadmap)})


@roadmap_view(CAN_EDIT_ROADMAP)
@require_http_methods(["GET", "POST"])
def roadmap_copy(request, roadmap):
    if not roadmap.district_id:
        messages.error(request, "Копировать в школы можно мероприятия дорожной карты муниципалитета.")
        return redirect(roadmap)
    schools = Organization.objects.visible_to(request.user).filter(district=roadmap.district).in_russian_order()
    form = CopyToSchoolsForm(request.POST if request.method == "POST" else None, roadmap=roadmap, schools=schools)
    if request.method == "POST" and form.is_valid():
        result = items_copy_to_schools(items=list(form.cleaned_data["items"]), schools=form.cleaned_data["schools"],
                                       user=request.user)
        skipped = [f"уже были там раньше: {result.already}" if result.already else "",
                   f"срок уже прошёл: {result.past}" if result.past else ""]
        messages.success(request, f"Скопировано мероприятий: {result.items}; дорожных карт организаций: {result.roadmaps}."
                         + (" Не скопировано — " + "; ".join(s for s in skipped if s) + "." if any(skipped) else ""))
        return redirect(roadmap)
    return render(request, "roadmaps/roadmap_copy.html", {"roadmap": roadmap, "form": form})
