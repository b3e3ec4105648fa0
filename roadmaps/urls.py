from django.urls import path, register_converter

from roadmaps.contests import views as contests
from roadmaps.events import views as events
from roadmaps.orders import views as order_views
from roadmaps.views import deadlines, editing, exports, owners, table, workflow
from roadmaps.visits import views as visits

app_name = "roadmaps"


class DirectionConverter:
    regex = "up|down"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(DirectionConverter, "direction")

urlpatterns = [
    # Lists, creation and import, scoped by the owner in the URL.
    path("d/<slug:district>/roadmaps/", owners.district_roadmaps, name="district-list"),
    path("d/<slug:district>/orders/", order_views.order_list, name="orders"),
    path("d/<slug:district>/orders/upload/", order_views.order_upload, name="order-upload"),
    path("d/<slug:district>/orders/<int:pk>/", order_views.order_detail, name="order"),
    path("o/<slug:organization>/orders/", order_views.organization_orders, name="organization-orders"),
    path("d/<slug:district>/roadmaps/new/", owners.district_roadmap_create, name="district-create"),
    path("d/<slug:district>/roadmaps/import/", owners.district_roadmap_import, name="district-import"),
    path("o/<slug:organization>/roadmaps/", owners.organization_roadmaps, name="organization-list"),
    path("o/<slug:organization>/roadmaps/new/", owners.organization_roadmap_create, name="organization-create"),
    path("o/<slug:organization>/roadmaps/import/", owners.organization_roadmap_import, name="organization-import"),
    # One roadmap: its id names its owner, resolved and access-checked once per request (roadmaps/access.py).
    path("roadmaps/<int:pk>/", table.roadmap_detail, name="detail"),
    path("roadmaps/<int:pk>/timeline/", table.roadmap_timeline_view, name="timeline"),
    path("roadmaps/<int:pk>/edit/", table.roadmap_edit, name="edit"),
    path("roadmaps/<int:pk>/export/<slug:identifier>/", exports.roadmap_export, name="export"),
    path("roadmaps/<int:pk>/submit/", workflow.roadmap_submit_view, name="submit"),
    path("roadmaps/<int:pk>/review/", workflow.roadmap_review, name="review"),
    path("roadmaps/<int:pk>/reopen/", workflow.roadmap_reopen_view, name="reopen"),
    path("roadmaps/<int:pk>/adopt/", workflow.roadmap_adopt_view, name="adopt"),
    # Events of the model (roadmaps/events)
    path("d/<slug:district>/events/", events.events["district"], name="district-events"),
    path("d/<slug:district>/events/new/", events.event_create["district"], name="district-event-create"),
    path("o/<slug:organization>/events/", events.events["organization"], name="organization-events"),
    path("o/<slug:organization>/events/new/", events.event_create["organization"], name="organization-event-create"),
    path("events/<int:pk>/", events.event_detail, name="event"),
    # The methodical visit a school asks for (roadmaps/visits)
    path("o/<slug:organization>/visits/", visits.school, name="visits"),
    path("o/<slug:organization>/visits/submit/", visits.submit, name="visit-submit"),
    path("o/<slug:organization>/visits/<int:pk>/withdraw/", visits.withdraw, name="visit-withdraw"),
    path("d/<slug:district>/visits/", visits.district, name="district-visits"),
    path("d/<slug:district>/visits/<int:pk>/accept/", visits.accept, name="visit-accept"),
    path("d/<slug:district>/visits/<int:pk>/decline/", visits.decline, name="visit-decline"),
    path("events/<int:pk>/edit/", events.event_edit, name="event-edit"),
    path("events/<int:pk>/invite/", events.event_invite_view, name="event-invite"),
    path("events/<int:pk>/attendance/", events.event_attendance, name="event-attendance"),
    path("events/<int:pk>/sign-in-sheet/", events.event_sign_in_sheet, name="event-sign-in-sheet"),
    path("events/<int:pk>/held/", events.event_held, name="event-held"),
    path("events/<int:pk>/delete/", events.event_delete_view, name="event-delete"),
    path("events/<int:pk>/<slug:which>/", events.event_file, name="event-file"),
    # Contests (roadmaps/contests)
    path("d/<slug:district>/contests/", contests.contests_of["district"], name="district-contests"),
    path("d/<slug:district>/contests/new/", contests.contest_create["district"], name="contest-create"),
    path("r/<slug:region>/contests/", contests.contests_of["region"], name="region-contests"),
    path("r/<slug:region>/contests/new/", contests.contest_create["region"], name="region-contest-create"),
    path("o/<slug:organization>/contests/", contests.school_list, name="school-contests"),
    path("o/<slug:organization>/contests/<int:pk>/apply/", contests.school_apply, name="contest-apply"),
    path("contests/<int:pk>/", contests.contest_detail, name="contest"),
    path("contests/<int:pk>/applications/<int:application_id>/score/", contests.contest_score_view,
         name="contest-score"),
    path("contests/<int:pk>/publish/", contests.contest_publish_view, name="contest-publish"),
    path("contests/<int:pk>/order.<slug:fmt>", contests.contest_order, name="contest-order"),
    path("contests/<int:pk>/rules/", contests.contest_file, name="contest-rules"),
    path("contests/<int:pk>/applications/<int:application_id>/file/", contests.contest_file,
         name="contest-application-file"),
    path("roadmaps/<int:pk>/copy/", workflow.roadmap_copy, name="copy"),
    path("roadmaps/<int:pk>/items/bulk/", editing.items_bulk_view, name="items-bulk"),
    path("roadmaps/<int:pk>/items/paste/", editing.items_paste_view, name="items-paste"),
    path("roadmaps/<int:pk>/sections/new/", editing.section_edit, name="section-create"),
    path("roadmaps/<int:pk>/sections/<int:section_id>/edit/", editing.section_edit, name="section-edit"),
    path("roadmaps/<int:pk>/sections/<int:section_id>/delete/", editing.section_delete_view, name="section-delete"),
    path("roadmaps/<int:pk>/sections/<int:section_id>/move/<direction:direction>/", editing.section_move_view,
         name="section-move"),
    path("roadmaps/<int:pk>/sections/<int:section_id>/items/new/", editing.item_create_view, name="item-create"),
    path("roadmaps/<int:pk>/deadline-understood/", editing.deadline_understood, name="deadline-understood"),
    path("roadmaps/<int:pk>/items/<int:item_id>/", table.item_detail, name="item"),
    path("roadmaps/<int:pk>/items/<int:item_id>/row/", editing.item_row_view, name="item-row"),
    path("roadmaps/<int:pk>/items/<int:item_id>/edit/", editing.item_edit, name="item-edit"),
    path("roadmaps/<int:pk>/items/<int:item_id>/delete/", editing.item_delete_view, name="item-delete"),
    path("roadmaps/<int:pk>/items/<int:item_id>/restore/", editing.item_restore_view, name="item-restore"),
    path("roadmaps/<int:pk>/items/<int:item_id>/move/<direction:direction>/", editing.item_move_view, name="item-move"),
    path("roadmaps/<int:pk>/items/<int:item_id>/comments/", table.item_comment, name="item-comment"),
    path("roadmaps/<int:pk>/items/<int:item_id>/evidence/", table.item_evidence, name="item-evidence"),
    path("roadmaps/<int:pk>/evidence/<int:evidence_id>/file/", table.evidence_file, name="evidence-file"),
    path("roadmaps/<int:pk>/items/<int:item_id>/deadline/", deadlines.deadline_correct, name="deadline-correct"),
    path("roadmaps/<int:pk>/items/<int:item_id>/occurrences/<int:occurrence_id>/done/", deadlines.occurrence_done,
         name="occurrence-done"),
    path("roadmaps/<int:pk>/items/<int:item_id>/occurrences/<int:occurrence_id>/undo/", deadlines.occurrence_undo,
         name="occurrence-undo"),
    # Each user's deadlines in their calendar program: a page with the private address, and the feed itself.
    path("my/calendar/", deadlines.calendar_page, name="calendar"),
    path("my/deadlines/", deadlines.deadline_list, name="deadlines"),
    path("calendar/<str:token>.ics", deadlines.calendar_ics, name="calendar-feed"),
]
