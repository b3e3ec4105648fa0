from django.contrib import admin

from participants.models import (
    Consent,
    District,
    ExportLog,
    FormVariant,
    HeadCount,
    Meeting,
    Membership,
    MenteeRequest,
    MentoringForm,
    MentorProfile,
    Organization,
    Pair,
    Partner,
    Person,
    PlanTask,
    Region,
)


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "second_factor_for_curators"]
    search_fields = ["name"]


@admin.register(District)
class DistrictAdmin(admin.ModelAdmin):
    list_display = ["name", "administration_short_name", "region", "code"]
    list_filter = ["region"]
    search_fields = ["name", "administration_name"]


class HeadCountInline(admin.TabularInline):
    model = HeadCount
    extra = 0


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ["short_name", "kind", "district", "region", "code"]
    list_filter = ["kind", "region", "district"]
    search_fields = ["short_name", "name", "code"]
    inlines = [HeadCountInline]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "role", "region", "district", "organization", "position"]
    list_filter = ["role"]
    search_fields = ["user__username", "user__last_name"]
    autocomplete_fields = ["user", "region", "district", "organization"]


# Registry and pairs ---------------------------------------------------------------------------------------------------


class ConsentInline(admin.TabularInline):
    model = Consent
    extra = 0


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["last_name", "first_name", "patronymic", "category", "grade", "organization"]
    list_filter = ["category", "organization"]
    search_fields = ["search"]
    raw_id_fields = ["organization", "partner", "user"]
    inlines = [ConsentInline]


class VariantInline(admin.TabularInline):
    model = FormVariant
    extra = 0


@admin.register(MentoringForm)
class MentoringFormAdmin(admin.ModelAdmin):
    list_display = ["name", "is_teacher_form", "district", "is_active"]
    list_filter = ["is_teacher_form", "district"]
    inlines = [VariantInline]


class MeetingInline(admin.TabularInline):
    model = Meeting
    extra = 0


class TaskInline(admin.TabularInline):
    model = PlanTask
    extra = 0


@admin.register(Pair)
class PairAdmin(admin.ModelAdmin):
    list_display = ["mentor", "form", "organization", "start_date", "end_date", "status"]
    list_filter = ["status", "form"]
    raw_id_fields = ["organization", "mentor", "mentees", "programme"]
    inlines = [MeetingInline, TaskInline]


@admin.register(ExportLog)
class ExportLogAdmin(admin.ModelAdmin):
    """Read-only: the log of personal-data downloads is evidence, not data to edit."""

    list_display = ["created_at", "user", "organization", "what", "rows"]
    list_filter = ["what"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


admin.site.register([Partner, MentorProfile, MenteeRequest])
