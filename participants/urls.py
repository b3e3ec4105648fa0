from django.urls import path

from participants.access import PLACE_PREFIXES
from participants.accounts import views as accounts
from participants.cabinet import views as cabinet
from participants.documents import views as documents
from participants.letters import views as letters
from participants.pairs import views as pairs
from participants.partners import views as partners
from participants.practices import views as practices
from participants.programmes import views as programmes
from participants.public import views as public
from participants.recruitment import views as recruitment
from participants.registry import io_views as registry_io
from participants.registry import views as registry
from participants.routes import views as routes
from participants.second_factor import views as second_factor
from participants.target_groups import views as target_groups
from participants.training import views as training
from participants.views import audit, district
from participants.views import places as views

app_name = "participants"

urlpatterns = [
    path("my/", views.home, name="home"),
    path("my/workplace/", views.choose_workplace, name="workplace"),
    path("d/<slug:district>/", views.district_detail, name="district"),
    path("o/<slug:organization>/", views.organization_detail, name="organization"),
    path("o/<slug:organization>/head-counts/new/", views.headcount_edit, name="headcount-create"),
    path("o/<slug:organization>/head-counts/<int:school_year>/", views.headcount_edit, name="headcount-edit"),
    path("d/<slug:district>/mentoring/", district.district_mentoring, name="district-mentoring"),
    path("d/<slug:district>/forms/", district.district_forms, name="district-forms"),
    path("d/<slug:district>/export/<slug:identifier>/", district.district_export, name="district-export"),
    path("r/<slug:region>/export/<slug:identifier>/", district.region_export, name="region-export"),
    path("d/<slug:district>/forms/new/", district.district_form_create, name="district-form-create"),
    # The school's registry (персонифицированный учёт)
    path("o/<slug:organization>/people/", registry.people_list, name="people"),
    path("o/<slug:organization>/people/new/", registry.person_edit, name="person-create"),
    path("o/<slug:organization>/people/<int:pk>/", registry.person_detail, name="person"),
    path("o/<slug:organization>/people/<int:pk>/edit/", registry.person_edit, name="person-edit"),
    path("o/<slug:organization>/people/<int:pk>/consent/", registry.person_consent, name="person-consent"),
    path("o/<slug:organization>/people/<int:pk>/consent/<int:consent_id>/withdraw/", registry.person_consent_withdraw,
         name="person-consent-withdraw"),
    path("o/<slug:organization>/people/<int:pk>/profile/", registry.person_profile, name="person-profile"),
    path("o/<slug:organization>/people/<int:pk>/request/", registry.person_request, name="person-request"),
    path("o/<slug:organization>/people/<int:pk>/groups/", target_groups.person_groups, name="person-groups"),
    path("o/<slug:organization>/people/<int:pk>/anonymise/", registry.person_anonymise_view, name="person-anonymise"),
    path("o/<slug:organization>/people/import/", registry_io.registry_upload, name="people-import"),
    path("o/<slug:organization>/people/template.xlsx", registry_io.registry_template, name="people-template"),
    path("o/<slug:organization>/people/export/", registry_io.organization_export, {"identifier": "reestr"},
         name="people-export"),
    path("o/<slug:organization>/pairs/export/", registry_io.organization_export, {"identifier": "pary"},
         name="pairs-export"),
    path("o/<slug:organization>/partners/new/", registry.partner_create, name="partner-create"),
    # Pairs and groups
    path("o/<slug:organization>/pairs/", pairs.pair_list, name="pairs"),
    path("o/<slug:organization>/pairs/new/", pairs.pair_edit, name="pair-create"),
    path("o/<slug:organization>/people/search/", pairs.people_search, name="people-search"),
    path("o/<slug:organization>/pairs/order.pdf", pairs.pair_order_pdf, name="pair-order"),
    path("o/<slug:organization>/pairs/<int:pk>/", pairs.pair_detail, name="pair"),
    path("o/<slug:organization>/pairs/<int:pk>/edit/", pairs.pair_edit, name="pair-edit"),
    path("o/<slug:organization>/pairs/<int:pk>/activate/", pairs.pair_activate_view, name="pair-activate"),
    path("o/<slug:organization>/pairs/<int:pk>/finish/", pairs.pair_finish_view, name="pair-finish"),
    path("o/<slug:organization>/pairs/<int:pk>/meetings/", pairs.meeting_record, name="meeting-create"),
    path("o/<slug:organization>/pairs/<int:pk>/meetings/<int:meeting_id>/", pairs.meeting_record, name="meeting-edit"),
    path("o/<slug:organization>/pairs/<int:pk>/tasks/", pairs.task_create, name="task-create"),
    path("o/<slug:organization>/pairs/<int:pk>/tasks/<int:task_id>/toggle/", pairs.task_toggle_view,
         name="task-toggle"),
    path("o/<slug:organization>/matching/", pairs.matching, name="matching"),
    path("o/<slug:organization>/matching/<int:request_id>/close/", pairs.request_close, name="request-close"),
    path("my/pairs/", pairs.my_pairs, name="my-pairs"),
    # The second factor of sign-in (under /accounts/: open before the code is entered)
    path("accounts/second-factor/", second_factor.setup, name="second-factor"),
    path("accounts/second-factor/verify/", second_factor.verify, name="second-factor-verify"),
    # The audit trail (django-auditlog), scoped to the place
    path("d/<slug:district>/audit/", audit.district_audit, name="district-audit"),
    path("o/<slug:organization>/audit/", audit.organization_audit, name="organization-audit"),
    # Users and roles of each place, managed by its curators (participants/accounts)
    path("accounts/invitation/<uidb64>/<token>/", accounts.InvitationAcceptView.as_view(), name="invitation-accept"),
    path("d/<slug:district>/curators/", accounts.curators, name="curators"),
    path("d/<slug:district>/experts/", accounts.experts, name="experts"),
    # Programmes of mentoring (participants/programmes)
    path("o/<slug:organization>/programmes/", programmes.school_list, name="programmes"),
    path("o/<slug:organization>/programmes/new/", programmes.school_edit, name="programme-create"),
    path("o/<slug:organization>/programmes/<int:pk>/", programmes.school_edit, name="programme-edit"),
    path("o/<slug:organization>/programmes/<int:pk>/file/", programmes.school_file, name="programme-file"),
    path("d/<slug:district>/programmes/", programmes.district_base, name="district-programmes"),
    path("d/<slug:district>/programmes/new/", programmes.model_create, name="model-programme-create"),
    path("d/<slug:district>/programmes/<int:pk>/", programmes.district_card, name="district-programme"),
    path("d/<slug:district>/programmes/<int:pk>/file/", programmes.district_file, name="district-programme-file"),
    path("d/<slug:district>/programmes/<int:pk>/review/", programmes.district_review, name="programme-review"),
    path("d/<slug:district>/programmes/<int:pk>/copy/", programmes.district_copy, name="programme-copy"),
    # Training of mentors and curators (participants/training)
    path("o/<slug:organization>/training/", training.school, name="training"),
    path("o/<slug:organization>/training/add/", training.school_add, name="training-add"),
    path("o/<slug:organization>/training/import/", training.school_import, name="training-import"),
    path("o/<slug:organization>/training/template.xlsx", training.school_template, name="training-template"),
    path("o/<slug:organization>/training/<int:pk>/certificate/", training.certificate, name="training-certificate"),
    path("d/<slug:district>/training/", training.district, name="district-training"),
    # The library of sample documents (participants/documents/library.py)
    path("o/<slug:organization>/documents/library/", documents.library, name="library"),
    path("o/<slug:organization>/documents/library/<int:pk>/file/", documents.library_file, name="library-file"),
    path("o/<slug:organization>/documents/library/<int:pk>/copy/", documents.library_copy, name="library-copy"),
    # Teachers' deficits and individual routes (participants/routes)
    path("o/<slug:organization>/routes/", routes.school, name="routes"),
    path("o/<slug:organization>/routes/add/", routes.deficit_add, name="deficit-add"),
    path("o/<slug:organization>/routes/import/", routes.deficit_import, name="deficit-import"),
    path("o/<slug:organization>/routes/template.xlsx", routes.template, name="routes-template"),
    path("o/<slug:organization>/routes/<int:person>/", routes.person, name="route"),
    path("o/<slug:organization>/routes/<int:person>/steps/add/", routes.step_add, name="route-step-add"),
    path("o/<slug:organization>/routes/steps/<int:pk>/mark/", routes.step_mark, name="route-step-mark"),
    path("o/<slug:organization>/routes/deficits/<int:pk>/close/", routes.deficit_close, name="deficit-close"),
    path("o/<slug:organization>/routes/deficits/<int:pk>/reopen/", routes.deficit_reopen, name="deficit-reopen"),
    path("d/<slug:district>/deficits/", routes.district, name="district-deficits"),
    # The district's base of partners (participants/partners)
    path("d/<slug:district>/partners/", partners.base, name="partners"),
    path("d/<slug:district>/partners/new/", partners.edit, name="partner-add"),
    path("d/<slug:district>/partners/<int:pk>/", partners.edit, name="partner-edit"),
    path("d/<slug:district>/partners/<int:pk>/file/", partners.agreement_file, name="partner-file"),
    path("d/<slug:district>/partners/export/", partners.export, name="partners-export"),
    # The bank of practices (participants/practices)
    path("o/<slug:organization>/practices/", practices.school_list, name="practices"),
    path("o/<slug:organization>/practices/new/", practices.school_edit, name="practice-create"),
    path("o/<slug:organization>/practices/<int:pk>/", practices.school_edit, name="practice-edit"),
    path("o/<slug:organization>/practices/<int:pk>/file/", practices.school_file, name="practice-file"),
    path("o/<slug:organization>/practices/bank/", practices.school_bank, name="practice-bank"),
    path("d/<slug:district>/practices/", practices.district_bank, name="district-practices"),
    path("d/<slug:district>/practices/review/", practices.review_queue, name="practice-review-queue"),
    path("d/<slug:district>/practices/<int:pk>/", practices.district_card, name="district-practice"),
    path("d/<slug:district>/practices/<int:pk>/review/", practices.district_review, name="practice-review"),
    path("d/<slug:district>/practices/<int:pk>/nominate/", practices.district_nominate, name="practice-nominate"),
    path("d/<slug:district>/practices/<int:pk>/file/", practices.district_file, name="district-practice-file"),
    path("r/<slug:region>/practices/", practices.region_bank, name="region-practices"),
    path("d/<slug:district>/curators/export/", accounts.curators_export, name="curators-export"),
    path("d/<slug:district>/curators/<int:pk>/", accounts.appointment_edit, name="curator-appointment"),
]
for kind, prefix in PLACE_PREFIXES.items():
    urlpatterns += [
        path(f"{prefix}/users/", accounts.users[kind], name=f"{kind}-users"),
        path(f"{prefix}/users/invite/", accounts.invite[kind], name=f"{kind}-invite"),
        path(f"{prefix}/users/<int:pk>/", accounts.membership_action[kind], name=f"{kind}-membership"),
        path(f"{prefix}/documents/", documents.register[kind], name=f"{kind}-documents"),
        path(f"{prefix}/documents/new/", documents.edit[kind], name=f"{kind}-document-create"),
        path(f"{prefix}/documents/<int:pk>/", documents.edit[kind], name=f"{kind}-document-edit"),
        path(f"{prefix}/documents/<int:pk>/delete/", documents.delete[kind], name=f"{kind}-document-delete"),
        path(f"{prefix}/documents/<int:pk>/file/", documents.file[kind], name=f"{kind}-document-file"),
        path(f"{prefix}/documents/draft/<slug:slug>.<slug:fmt>", documents.draft_order[kind],
             name=f"{kind}-document-draft"),
    ]
for kind, prefix in (("district", PLACE_PREFIXES["district"]), ("organization", PLACE_PREFIXES["organization"])):
    urlpatterns += [
        path(f"{prefix}/public/", public.public_settings[kind], name=f"{kind}-public"),
        path(f"{prefix}/public/news/", public.news_add[kind], name=f"{kind}-news-add"),
        path(f"{prefix}/public/plan/", public.plan_add[kind], name=f"{kind}-plan-add"),
        path(f"{prefix}/public/news/<int:pk>/delete/", public.news_delete[kind], name=f"{kind}-news-delete"),
    ]
# The participant's own page (participants/cabinet): by a personal link, or signed in as a mentee
urlpatterns += [
    path("my/mentoring/", cabinet.my_mentoring, name="my-mentoring-choose"),
    path("o/<slug:organization>/people/<int:pk>/links/", cabinet.link_issue, name="person-link"),
    path("o/<slug:organization>/people/<int:pk>/links/revoke/", cabinet.link_revoke, name="person-link-revoke"),
    path("o/<slug:organization>/people/<int:pk>/messages/read/", cabinet.messages_read, name="person-messages-read"),
]
for prefix, name in (("k/<str:token>", "cabinet"), ("my/mentoring/<int:person>", "my-mentoring")):
    urlpatterns += [
        path(f"{prefix}/", cabinet.cabinet, name=name),
        path(f"{prefix}/tasks/<int:task_id>/", cabinet.task_mark, name=f"{name}-task"),
        path(f"{prefix}/write/", cabinet.write, name=f"{name}-write"),
        path(f"{prefix}/mentors/", cabinet.choose_mentors, name=f"{name}-mentors"),
        path(f"{prefix}/consent/", cabinet.consent_give, name=f"{name}-consent"),
        path(f"{prefix}/consent/withdraw/", cabinet.consent_withdraw, name=f"{name}-consent-withdraw"),
    ]
# Recruitment by an open link (participants/recruitment)
urlpatterns += [
    path("join/<str:token>/", recruitment.answer, name="join"),
    path("join/<str:token>/thanks/", recruitment.thanks, name="join-thanks"),
    path("o/<slug:organization>/recruitment/", recruitment.forms_page, name="recruitment"),
    path("o/<slug:organization>/recruitment/<int:pk>/toggle/", recruitment.form_toggle, name="recruitment-toggle"),
    path("o/<slug:organization>/recruitment/candidates/<int:pk>/take/", recruitment.candidate_take,
         name="candidate-take"),
    path("o/<slug:organization>/recruitment/candidates/<int:pk>/decline/", recruitment.candidate_decline,
         name="candidate-decline"),
]
# Letters from the district to its schools (participants/letters)
urlpatterns += [
    path("d/<slug:district>/letters/", letters.district_letters, name="district-letters"),
    path("d/<slug:district>/letters/<int:pk>/", letters.district_letter, name="district-letter"),
    path("o/<slug:organization>/letters/", letters.school_letters, name="school-letters"),
    path("o/<slug:organization>/letters/<int:pk>/", letters.school_letter, name="school-letter"),
]
