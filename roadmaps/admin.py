from django.contrib import admin

from roadmaps.models import Change, Item, Roadmap, Section


class SectionInline(admin.TabularInline):
    model = Section
    extra = 0
    fields = ["position", "title", "is_stage"]


@admin.register(Roadmap)
class RoadmapAdmin(admin.ModelAdmin):
    list_display = ["title", "district", "organization", "period_start", "period_end", "status"]
    list_filter = ["status"]
    search_fields = ["title"]
    inlines = [SectionInline]


@admin.register(Item)
class ItemAdmin(admin.ModelAdmin):
    list_display = ["name", "roadmap", "deadline_text", "status", "deleted_at"]
    list_filter = ["status"]
    search_fields = ["name", "responsible"]
    raw_id_fields = ["roadmap", "section", "source_item"]
    filter_horizontal = ["responsible_users"]


@admin.register(Change)
class ChangeAdmin(admin.ModelAdmin):
    list_display = ["created_at", "user", "action", "summary"]
    list_filter = ["action"]
    raw_id_fields = ["roadmap", "item"]
