from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from mentoring_portal.lib import versions
from mentoring_portal.lib.schoolyear import school_year_label, school_year_of
from participants.access import CAN_EDIT_ORGANIZATION, access_of, district_view, organization_view
from participants.accounts.curators import without_curator
from participants.caches import place as place_cache
from participants.forms import HeadCountForm
from participants.landing import DISTRICT, HOME, ORGANIZATION, blocks_for, kept_by
from participants.models import Organization
from participants.selectors import landing_for, school_rows


@login_required
def home(request):
    today = timezone.localdate()
    memberships = access_of(request.user).memberships
    workplace = next((m for m in memberships if m.pk == request.session.get(WORKPLACE)), None)

    def body() -> dict:  # only when the kept page is missing (participants/caches/place.py, participants/landing.py)
        blocks = blocks_for(HOME, request.user, today)
        landing = landing_for(request.user, today)
        return {"landing": landing.at(workplace) if workplace else landing, "blocks": blocks,
                "todos": [todo for block in blocks for todo in block.todos]}

    return render(request, "participants/home.html", {
        "page_key": place_cache.landing_key(request.user, today, kept_by(HOME, request.user),
                                            workplace.pk if workplace else ""),
        "workplaces": memberships if len(memberships) > 1 else [],
        "workplace": workplace,
        **versions.lazy(body, ("landing", "blocks", "todos")),
    })


WORKPLACE = "workplace"  # the session's chosen membership: where a person with several roles works now


@login_required
@require_http_methods(["GET", "POST"])
def choose_workplace(request):
    """«Где я работаю»: one of the user's roles, or all of them (an empty choice)."""
    if request.method == "POST":
        chosen = request.POST.get("workplace", "")
        if chosen.isdigit() and any(m.pk == int(chosen) for m in access_of(request.user).memberships):
            request.session[WORKPLACE] = int(chosen)
        else:
            request.session.pop(WORKPLACE, None)
    return redirect("participants:home")


@district_view()
def district_detail(request, district):
    today = timezone.localdate()
    year = school_year_of(today)

    def body() -> dict:  # only when the rendered page is not kept (participants/caches/place.py)
        return {"rows": school_rows(Organization.objects.visible_to(request.user).filter(district=district), year),
                "without_curator": list(without_curator(district, request.user).only("short_name")),
                "blocks": blocks_for(DISTRICT, request.user, today, district)}

    return render(request, "participants/district_detail.html", {
        "district": district, "school_year": year, "school_year_label": school_year_label(year),
        "page_key": place_cache.key(district, request.user, today), **versions.lazy(body, ("rows", "without_curator",
                                                                                             "blocks"))})


@organization_view()
def organization_detail(request, organization):
    return render(
        request,
        "participants/organization_detail.html",
        {
            "organization": organization,
            "head_counts": organization.head_counts.all(),
            "curators": organization.memberships.select_related("user").order_by("role"),
            "blocks": blocks_for(ORGANIZATION, request.user, timezone.localdate(), organization),
        },
    )


@organization_view(CAN_EDIT_ORGANIZATION)
@require_http_methods(["GET", "POST"])
def headcount_edit(request, organization, school_year: int | None = None):
    instance = get_object_or_404(organization.head_counts, school_year=school_year) if school_year else None
    initial = {} if instance else {"school_year": school_year_of(timezone.localdate())}
    data = request.POST if request.method == "POST" else None
    form = HeadCountForm(data, instance=instance, initial=initial, organization=organization)
    if request.method == "POST" and form.is_valid():
        head_count = form.save()
        messages.success(request, f"Контингент на {head_count.school_year_label} учебный год сохранён.")
        return redirect(organization)
    return render(
        request,
        "participants/headcount_form.html",
        {"organization": organization, "form": form, "instance": instance},
    )
