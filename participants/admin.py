from django.contrib import admin

from participants.models import District, HeadCount, Membership, Organization, Region


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["name", "code"]
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
