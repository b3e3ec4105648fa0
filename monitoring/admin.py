from django.contrib import admin

from monitoring.models import Campaign, Indicator, Invitation, Question, Questionnaire, SchoolReport, Target


class TargetInline(admin.TabularInline):
    model = Target
    extra = 0
    raw_id_fields = ["organization"]


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ["position", "name", "district", "region", "method", "formula"]
    list_filter = ["district", "region", "method"]
    inlines = [TargetInline]


class ReportInline(admin.TabularInline):
    model = SchoolReport
    extra = 0
    fields = ["organization", "status", "submitted_at"]
    readonly_fields = ["submitted_at"]


@admin.register(Campaign)
class CampaignAdmin(admin.ModelAdmin):
    list_display = ["title", "district", "year", "due_on", "is_closed"]
    inlines = [ReportInline]


class QuestionInline(admin.TabularInline):
    model = Question
    extra = 0


@admin.register(Questionnaire)
class QuestionnaireAdmin(admin.ModelAdmin):
    list_display = ["title", "kind"]
    inlines = [QuestionInline]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["questionnaire", "organization", "person", "answered_at"]
    list_filter = ["questionnaire"]
    raw_id_fields = ["organization", "person", "pair"]
