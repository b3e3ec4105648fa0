from django.urls import path

from monitoring.builder import views as builder
from monitoring.passport import views as passport
from monitoring.region import campaigns as region_campaigns
from monitoring.region import views as region
from monitoring.rounds import views as rounds
from monitoring.schedules import views as schedules
from monitoring.views import campaigns, dashboard, forecast, questionnaires
from participants.access import PLACE_PREFIXES

app_name = "monitoring"

urlpatterns = [
    path("r/<slug:region>/", region.overview, name="region-overview"),
    path("r/<slug:region>/campaigns/schedule/", schedules.schedule_edit["region"], name="region-schedule"),
    path("r/<slug:region>/campaigns/", region_campaigns.campaign_list, name="region-campaigns"),
    path("r/<slug:region>/campaigns/new/", region_campaigns.campaign_create, name="region-campaign-create"),
    path("r/<slug:region>/campaigns/<int:pk>/", region_campaigns.campaign_detail, name="region-campaign"),
    path("r/<slug:region>/campaigns/<int:pk>/table.xlsx", region_campaigns.campaign_xlsx, name="region-campaign-xlsx"),
    path("r/<slug:region>/campaigns/<int:pk>/reports/<int:report_id>/decide/", region_campaigns.report_decide,
         name="region-report-decide"),
    path("d/<slug:district>/campaigns/schedule/", schedules.schedule_edit["district"], name="schedule"),
    path("d/<slug:district>/indicators/", dashboard.dashboard, name="dashboard"),
    path("d/<slug:district>/indicators/new/", dashboard.indicator_edit, name="indicator-create"),
    path("d/<slug:district>/indicators/<int:pk>/", dashboard.indicator_edit, name="indicator-edit"),
    path("d/<slug:district>/report/", dashboard.district_report, name="district-report"),
    path("d/<slug:district>/report/<slug:identifier>/", dashboard.district_report, name="district-report-export"),
    path("d/<slug:district>/campaigns/", campaigns.campaign_list, name="campaigns"),
    path("d/<slug:district>/campaigns/new/", campaigns.campaign_create, name="campaign-create"),
    path("d/<slug:district>/campaigns/<int:pk>/", campaigns.campaign_detail, name="campaign"),
    path("d/<slug:district>/campaigns/<int:pk>/edit/", campaigns.campaign_edit, name="campaign-edit"),
    path("d/<slug:district>/campaigns/<int:pk>/close/", campaigns.campaign_close_view, name="campaign-close"),
    path("d/<slug:district>/campaigns/<int:pk>/delete/", campaigns.campaign_delete_view, name="campaign-delete"),
    path("d/<slug:district>/campaigns/<int:pk>/remind/", campaigns.campaign_remind, name="campaign-remind"),
    path("d/<slug:district>/campaigns/<int:pk>/reports/<int:report_id>/", campaigns.report_decide,
         name="report-decide"),
    path("o/<slug:organization>/monitoring/", dashboard.school_monitoring, name="school"),
    path("o/<slug:organization>/monitoring/targets/", dashboard.school_targets, name="school-targets"),
    path("o/<slug:organization>/monitoring/reports/<int:report_id>/", campaigns.report_fill, name="report-fill"),
    path("o/<slug:organization>/report/", dashboard.school_report, name="school-report"),
    path("o/<slug:organization>/report/<slug:identifier>/", dashboard.school_report, name="school-report-export"),
    path("o/<slug:organization>/questionnaires/", questionnaires.invitations, name="invitations"),
    path("o/<slug:organization>/questionnaires/new/", questionnaires.invitations_create, name="invitations-create"),
    path("o/<slug:organization>/questionnaires/new-for-category/", questionnaires.invitations_for_category,
         name="invitations-create-for-category"),
    path("o/<slug:organization>/questionnaires/<int:invitation_id>/enter/", questionnaires.answer_enter,
         name="answer-enter"),
    path("q/<str:token>/", questionnaires.answer, name="answer"),
    path("o/<slug:organization>/questionnaires/rounds/", rounds.school_rounds, name="rounds"),
    path("o/<slug:organization>/questionnaires/rounds/<slug:identifier>/", rounds.school_rounds,
         name="rounds-export"),
    path("d/<slug:district>/questionnaires/rounds/", rounds.district_rounds, name="district-rounds"),
    path("d/<slug:district>/questionnaires/rounds/<slug:identifier>/", rounds.district_rounds,
         name="district-rounds-export"),
]
for kind, prefix in PLACE_PREFIXES.items():  # the questionnaire builder of a region, a district, a school
    base = f"{prefix}/questionnaires/builder"
    urlpatterns += [
        path(f"{base}/", builder.builder[kind], name=f"{kind}-builder"),
        path(f"{base}/<int:pk>/", builder.edit[kind], name=f"{kind}-builder-edit"),
        path(f"{base}/<int:pk>/questions/", builder.question_add[kind], name=f"{kind}-builder-question"),
        path(f"{base}/<int:pk>/questions/<int:question_id>/delete/", builder.question_delete[kind],
             name=f"{kind}-builder-question-delete"),
        path(f"{base}/<int:pk>/questions/<int:question_id>/<slug:direction>/", builder.question_move[kind],
             name=f"{kind}-builder-question-move"),
        path(f"{base}/<int:pk>/publish/", builder.publish[kind], name=f"{kind}-builder-publish"),
        path(f"{base}/<int:pk>/copy/", builder.copy[kind], name=f"{kind}-builder-copy"),
    ]
urlpatterns += [
    path("d/<slug:district>/forecast/", forecast.district_forecast, name="district-forecast"),
    path("o/<slug:organization>/forecast/", forecast.school_forecast, name="school-forecast"),
    path("d/<slug:district>/passport/", passport.district_passport, name="district-passport"),
    path("d/<slug:district>/passport.<slug:fmt>", passport.district_passport, name="district-passport-export"),
    path("r/<slug:region>/passport/", passport.region_passport, name="region-passport"),
    path("r/<slug:region>/passport.<slug:fmt>", passport.region_passport, name="region-passport-export"),
]
urlpatterns.append(path("o/<slug:organization>/questionnaires/builder/<int:pk>/fill/", builder.fill,
                        name="organization-builder-fill"))
