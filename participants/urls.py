from django.urls import path

from participants import views

app_name = "participants"

urlpatterns = [
    path("my/", views.home, name="home"),
    path("d/<slug:district>/", views.district_detail, name="district"),
    path("o/<slug:organization>/", views.organization_detail, name="organization"),
    path("o/<slug:organization>/head-counts/new/", views.headcount_edit, name="headcount-create"),
    path("o/<slug:organization>/head-counts/<int:school_year>/", views.headcount_edit, name="headcount-edit"),
]
