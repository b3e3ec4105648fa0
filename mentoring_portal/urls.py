from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.generic import RedirectView

from mentoring_portal.forms import PortalAuthenticationForm
from mentoring_portal.jobs.views import export_file, export_retry, job_progress, my_exports
from participants.public import views as public

admin.site.site_header = "Портал наставничества — администрирование"
admin.site.site_title = "Портал наставничества"

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="participants:home", permanent=False)),
    path("accounts/login/", auth_views.LoginView.as_view(authentication_form=PortalAuthenticationForm), name="login"),
    # Password recovery by e-mail: Django's views with the portal's Russian pages (templates/registration/).
    path("accounts/password_reset/done/", auth_views.PasswordResetDoneView.as_view(
        extra_context={"days": max(1, settings.PASSWORD_RESET_TIMEOUT // 86400)}), name="password_reset_done"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("admin/", admin.site.urls),
    path("jobs/<uuid:pk>/progress/", job_progress, name="job-progress"),
    path("my/exports/", my_exports, name="my-exports"),
    path("my/exports/<uuid:pk>/file/", export_file, name="export-file"),
    path("my/exports/<uuid:pk>/retry/", export_retry, name="export-retry"),
    # The public «Наставничество» section: no sign-in (participants/public)
    path("p/<slug:kind>/<slug:code>/", public.public_page, name="public-page"),
    path("p/<slug:kind>/<slug:code>/embed/", public.public_embed, name="public-embed"),
    path("p/<slug:kind>/<slug:code>/news.atom", public.NewsFeed(), name="public-feed"),
    path("p/<slug:kind>/<slug:code>/documents/<int:pk>/", public.public_document, name="public-document"),
    path("", include("participants.urls")),
    path("", include("roadmaps.urls")),
    path("", include("monitoring.urls")),
]

handler500 = "mentoring_portal.errors.server_error"
