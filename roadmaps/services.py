"""Every write to roadmaps goes through these functions: each one checks the rule it owns and logs a `Change`."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone

from mentoring_portal.lib.locks import hold
from participants.models import District, Document, DocumentKind, Membership, Organization
from roadmaps.approval_rules import APPROVAL
from roadmaps.changes import log_change
from roadmaps.deadlines import parse_deadline
from roadmaps.models import Comment, Evidence, Item, ItemStatus, Roadmap, RoadmapStatus, Section
from roadmaps.occurrences import sync_occurrences
from roadmaps.responsible import initials_of, people_in

# Fields a curator edits in the item form; the history records each one that changed.
ITEM_FIELDS = (
    "name", "activity", "deadline_text", "responsible", "result", "indicator", "audience", "status", "completion_note",
    "document",
)
# What is still marked on an approved plan: how an item is being done (and the document that did it), not what it is.
PROGRESS_FIELDS = ("status", "completion_note", "document")


class ConflictError(Exception):
    """Someone else saved the item after this user opened it; nothing was written."""

    def __init__(self, current: Item):
        super().__init__("Мероприятие уже изменил другой пользователь.")
        self.current = current


class LockedError(ValidationError):
    pass


def _ensure_editable(roadmap: Roadmap, *, plan: bool = True) -> None:
    """A roadmap under review is not changed; an approved school plan only gets progress marks (plan=False)."""
    if roadmap.is_locked:
        raise LockedError("Дорожная карта на согласовании: изменить её можно после решения муниципалитета.")
    if plan and roadmap.plan_is_approved:
        raise LockedError("Дорожная карта согласована: отмечайте выполнение мероприятий, а чтобы изменить план, "
                          "нажмите «Внести изменения» — после правок карта снова уйдёт на согласование.")


# People ---------------------------------------------------------------------------------------------------------------
def owner_users(roadmap: Roadmap):
    """Users who may be named responsible on this roadmap: members of its owner (and, for a school, its district)."""
    memberships = Membership.objects.filter(
        organization=roadmap.organization_id
    ) if roadmap.organization_id else Membership.objects.filter(district=roadmap.district_id)
    if roadmap.organization_id and roadmap.organization.district_id:
        memberships = memberships | Membership.objects.filter(district=roadmap.organization.district_id)
    return get_user_model().objects.filter(id__in=memberships.values("user_id"))


def link_responsible(item: Item, candidates: list | None = None) -> None:
    people = people_in(item.responsible)
    if not people:
        item.responsible_users.clear()
        return
    candidates = candidates if candidates is not None else list(owner_users(item.roadmap))
    wanted = {(p.surname.replace("ё", "е"), p.initials) for p in people}
    linked = [
        u for u in candidates if (u.last_name.replace("ё", "е"), initials_of(u.first_name)) in wanted
    ]
    item.responsible_users.set(linked)


# Items ----------------------------------------------------------------------------------------------------------------
def _next_position(qs) -> int:
    return (qs.aggregate(top=Max("position"))["top"] or 0) + 1


@transaction.atomic
def item_create(*, section: Section, user, data: dict) -> Item:
    roadmap = section.roadmap
    _ensure_editable(roadmap)
    item = Item(roadmap=roadmap, section=section, position=_next_position(section.items), **data)
    item.refresh_derived()
    item.save()
    link_responsible(item)
    sync_occurrences(item)
    log_change(roadmap, user, "item_created", f"Добавлено мероприятие «{item.name[:80]}»", item)
    return item


@transaction.atomic
def item_update(*, item: Item, user, data: dict, version: int) -> Item:
    """Save the user's edit unless someone saved the item since the user opened it (then ConflictError)."""
    roadmap = item.roadmap
    _ensure_editable(roadmap, plan=False)
    current = Item.objects.select_for_update().get(pk=item.pk)
    if current.version != version:
        raise ConflictError(current)
    changes = {
        field: [getattr(current, field), value]
        for field, value in data.items()
        if field in ITEM_FIELDS and getattr(current, field) != value
    }
    if not changes:
        return current
    if set(changes) - set(PROGRESS_FIELDS):
        _ensure_editable(roadmap)
    for field, (_, value) in changes.items():
        setattr(current, field, value)
    current.version = F("version") + 1
    current.refresh_derived()
    current.save()
    current.refresh_from_db()
    if "responsible" in changes:
        link_responsible(current)
    if "deadline_text" in changes:
        sync_occurrences(current)
    labels = {f: str(Item._meta.get_field(f).verbose_name) for f in changes}
    for field, pair in changes.items():  # «Запланировано», not «planned»
        choices = dict(Item._meta.get_field(field).choices or [])
        changes[field] = ["" if v is None else str(choices.get(v, v)) for v in pair]
    log_change(roadmap, user, "item_updated", f"Изменено: {', '.join(labels.values())}", current,
               {"changes": changes, "labels": labels})
    return current


@transaction.atomic
def item_delete(*, item: Item, user) -> None:
    _ensure_editable(item.roadmap)
    item.deleted_at = timezone.now()
    item.save(update_fields=["deleted_at", "updated_at"])
    log_change(item.roadmap, user, "item_deleted", f"Удалено мероприятие «{item.name[:80]}»", item)


@transaction.atomic
def item_restore(*, item: Item, user) -> None:
    _ensure_editable(item.roadmap)
    item.deleted_at = None
    item.position = _next_position(item.section.items.alive())
    item.save(update_fields=["deleted_at", "position", "updated_at"])
    log_change(item.roadmap, user, "item_restored", f"Восстановлено мероприятие «{item.name[:80]}»", item)


@transaction.atomic
def item_move(*, item: Item, user, direction: str) -> None:
    """Move an item one place up or down; past the edge of its section it goes to the neighbouring section."""
    roadmap = item.roadmap
    _ensure_editable(roadmap)
    siblings = list(item.section.items.alive().order_by("position", "id"))
    index = siblings.index(item)
    step = -1 if direction == "up" else 1
    target = index + step
    if 0 <= target < len(siblings):
        siblings[index], siblings[target] = siblings[target], siblings[index]
        _renumber(siblings)
    else:
        sections = list(roadmap.sections.order_by("position", "id"))
        neighbour = sections.index(item.section) + step
        if not 0 <= neighbour < len(sections):
            return
        new_section = sections[neighbour]
        siblings.remove(item)
        _renumber(siblings)
        others = list(new_section.items.alive().order_by("position", "id"))
        item.section = new_section
        others = [item] + others if step > 0 else others + [item]
        _renumber(others)
    log_change(roadmap, user, "item_moved", f"Перемещено мероприятие «{item.name[:80]}»", item)


@transaction.atomic
def items_paste(*, section: Section, user, items: list[dict]) -> list[Item]:
    """Items pasted from a spreadsheet, added at the end of the section: all or none."""
    return [item_create(section=section, user=user, data=data) for data in items]


BULK_ACTIONS = {"status": "Изменить статус", "responsible": "Назначить ответственных", "delete": "Удалить"}


@transaction.atomic
def items_bulk(*, items: list[Item], user, action: str, value: str = "") -> int:
    """One action on several items at once, each through the same rule and history as a single edit; all or none."""
    if not items:
        raise ValidationError("Отметьте мероприятия в таблице.")
    if action == "status" and value not in ItemStatus.values:
        raise ValidationError("Выберите статус.")
    if action == "responsible" and not value.strip():
        raise ValidationError("Укажите ответственных.")
    if action not in BULK_ACTIONS:
        raise ValidationError("Выберите действие.")
    for item in items:
        if action == "delete":
            item_delete(item=item, user=user)
        else:
            item_update(item=item, user=user, data={action: value.strip() if action == "responsible" else value},
                        version=item.version)
    return len(items)


def _renumber(objects) -> None:
    for position, obj in enumerate(objects, start=1):
        obj.position = position
    if objects:
        type(objects[0]).objects.bulk_update(objects, ["position", "section"] if isinstance(objects[0], Item)
                                             else ["position"])


# Sections -------------------------------------------------------------------------------------------------------------
@transaction.atomic
def section_create(*, roadmap: Roadmap, user, title: str) -> Section:
    _ensure_editable(roadmap)
    section = Section.objects.create(roadmap=roadmap, title=title, position=_next_position(roadmap.sections))
    log_change(roadmap, user, "section_created", f"Добавлен раздел «{title[:80]}»")
    return section


@transaction.atomic
def section_update(*, section: Section, user, title: str) -> Section:
    _ensure_editable(section.roadmap)
    old, section.title = section.title, title
    section.save(update_fields=["title"])
    log_change(section.roadmap, user, "section_updated", f"Раздел «{old[:60]}» переименован в «{title[:60]}»")
    return section


@transaction.atomic
def section_delete(*, section: Section, user) -> None:
    roadmap = section.roadmap
    _ensure_editable(roadmap)
    if section.items.alive().exists():
        raise ValidationError("В разделе есть мероприятия: перенесите или удалите их, затем удалите раздел.")
    section.delete()
    _renumber(list(roadmap.sections.order_by("position", "id")))
    log_change(roadmap, user, "section_deleted", f"Удалён раздел «{section.title[:80]}»")


@transaction.atomic
def section_move(*, section: Section, user, direction: str) -> None:
    roadmap = section.roadmap
    _ensure_editable(roadmap)
    sections = list(roadmap.sections.order_by("position", "id"))
    index = sections.index(section)
    target = index + (-1 if direction == "up" else 1)
    if 0 <= target < len(sections):
        sections[index], sections[target] = sections[target], sections[index]
        _renumber(sections)
        log_change(roadmap, user, "section_moved", f"Перемещён раздел «{section.title[:80]}»")


# Comments and evidence ---------------------------------------------------------------------------------------------
@transaction.atomic  # the comment and its line in the history, or neither
def comment_add(*, item: Item, user, text: str) -> Comment:
    comment = Comment.objects.create(item=item, author=user, text=text)
    log_change(item.roadmap, user, "comment_added", "Добавлен комментарий", item)
    return comment


@transaction.atomic  # the evidence and its line in the history, or neither
def evidence_add(*, item: Item, user, title: str, file=None, url: str = "") -> Evidence:
    if not file and not url:
        raise ValidationError("Приложите файл или укажите ссылку.")
    evidence = Evidence.objects.create(item=item, added_by=user, title=title, file=file or "", url=url)
    log_change(item.roadmap, user, "evidence_added", f"Добавлено подтверждение «{title[:80]}»", item)
    return evidence


# Approval workflow ----------------------------------------------------------------------------------------------------
@transaction.atomic
def roadmap_submit(*, roadmap: Roadmap, user) -> Roadmap:
    _move(roadmap, "submit")
    roadmap.status = RoadmapStatus.SUBMITTED
    roadmap.submitted_at = timezone.now()
    roadmap.save(update_fields=["status", "submitted_at", "updated_at"])
    log_change(roadmap, user, "submitted", "Отправлена на согласование")
    return roadmap


def _move(roadmap: Roadmap, action: str, **context) -> None:
    """The approval's rules (roadmaps/approval_rules.py) on the roadmap as it is now: its row is held, so an approval
    and a return at the same instant are one after the other, and the second is refused."""

    hold(roadmap)
    roadmap.refresh_from_db(fields=["status"])
    APPROVAL.check(action, roadmap=roadmap, **context)


def _review(roadmap: Roadmap, user, status: str, comment: str, summary: str) -> Roadmap:
    _move(roadmap, "approve" if status == RoadmapStatus.APPROVED else "return", comment=comment)
    roadmap.status = status
    roadmap.review_comment = comment
    roadmap.reviewed_at = timezone.now()
    roadmap.reviewed_by = user
    roadmap.save(update_fields=["status", "review_comment", "reviewed_at", "reviewed_by", "updated_at"])
    log_change(roadmap, user, status, summary, details={"comment": comment} if comment else {})
    return roadmap


@transaction.atomic
def roadmap_approve(*, roadmap: Roadmap, user, comment: str = "") -> Roadmap:
    return _review(roadmap, user, RoadmapStatus.APPROVED, comment, "Согласована")


@transaction.atomic
def roadmap_return(*, roadmap: Roadmap, user, comment: str) -> Roadmap:
    return _review(roadmap, user, RoadmapStatus.RETURNED, comment.strip(), f"Возвращена на доработку: {comment.strip()[:200]}")


@transaction.atomic
def roadmap_adopt(*, roadmap: Roadmap, user, document=None, number: str = "", date=None, file=None) -> Roadmap:
    """A district's roadmap approved by the district's own order («Приложение к приказу … № …»): an order from the
    register, or a new one typed here, which the register then keeps (nothing is typed twice)."""

    if roadmap.is_school_roadmap:
        raise ValidationError("Дорожную карту организации согласует муниципалитет.")
    if document is None:
        if not number.strip() or date is None:
            raise ValidationError("Выберите приказ из реестра или укажите номер и дату нового приказа.")
        document = Document.objects.create(
            district=roadmap.district, kind=DocumentKind.ORDER_ROADMAP, number=number.strip(), date=date,
            title=f"Об утверждении: {roadmap.title}"[:500], approves=roadmap.title, file=file or "", added_by=user)
    elif document.district_id != roadmap.district_id or document.kind not in DocumentKind.orders():
        raise ValidationError("Выберите приказ этого муниципалитета из реестра документов.")
    roadmap.status = RoadmapStatus.APPROVED
    roadmap.approval_document = document
    roadmap.approval_kind = roadmap.approval_kind or "Приложение к приказу"
    roadmap.approval_number, roadmap.approval_date = document.number, document.date
    roadmap.reviewed_at, roadmap.reviewed_by = timezone.now(), user
    roadmap.save()
    log_change(roadmap, user, "approved", f"Утверждена: {document.reference}")
    return roadmap


@transaction.atomic
def roadmap_unadopt(*, roadmap: Roadmap, user) -> Roadmap:
    """Back to a draft, to be approved by a new order (the old order stays in the register)."""
    if roadmap.is_school_roadmap or roadmap.status != RoadmapStatus.APPROVED:
        raise ValidationError("Отменить можно утверждение дорожной карты муниципалитета.")
    roadmap.status = RoadmapStatus.DRAFT
    roadmap.approval_document = None
    roadmap.save(update_fields=["status", "approval_document", "updated_at"])
    log_change(roadmap, user, "reopened", "Утверждение отменено: карта снова черновик")
    return roadmap


@transaction.atomic
def roadmap_reopen(*, roadmap: Roadmap, user) -> Roadmap:
    """An approved school plan opened for changes: a draft again, to be sent for approval; the district then sees
    what changed since its approval (roadmaps.selectors.changes_since_approval)."""
    _move(roadmap, "reopen")
    roadmap.status = RoadmapStatus.DRAFT
    roadmap.save(update_fields=["status", "updated_at"])
    log_change(roadmap, user, "reopened", "Открыта для изменений после согласования")
    return roadmap


@transaction.atomic
def roadmap_update(*, roadmap: Roadmap, user, data: dict) -> Roadmap:
    """Save the roadmap's particulars; a new period changes what yearless deadlines mean, so items follow."""
    _ensure_editable(roadmap)
    period_changed = (data.get("period_start"), data.get("period_end")) != roadmap.period
    for field, value in data.items():
        setattr(roadmap, field, value)
    roadmap.full_clean()
    roadmap.save()
    if period_changed:
        for item in roadmap.items.all():
            item.roadmap = roadmap
            item.refresh_derived()
            item.save(update_fields=["deadline_parsed", "search"])
            sync_occurrences(item)
    log_change(roadmap, user, "updated", "Изменены сведения о дорожной карте")
    return roadmap


# Creating and copying -----------------------------------------------------------------------------------------------
@transaction.atomic
def roadmap_create(*, owner: District | Organization, user, **fields) -> Roadmap:
    owner_field = "district" if isinstance(owner, District) else "organization"
    roadmap = Roadmap(**{owner_field: owner}, **fields)
    roadmap.full_clean()
    roadmap.save()
    log_change(roadmap, user, "created", "Создана дорожная карта")
    return roadmap


@dataclass
class CopyResult:
    roadmaps: int
    items: int
    already: int = 0  # copied there before: not copied twice
    past: int = 0  # every deadline already behind: it would arrive overdue


@transaction.atomic
def items_copy_to_schools(*, items: list[Item], schools: list[Organization], user, today=None,
                          skip_past: bool = True) -> CopyResult:
    """Copy chosen district items into each school's draft roadmap (made if the school has none), keeping sections.
    An item copied there before is not copied again, and one whose every deadline is past is not sent to arrive
    overdue (unless `skip_past` is off: an order's duties are owed whatever their date)."""
    if not items or not schools:
        raise ValidationError("Выберите мероприятия и организации.")
    hold(*schools)  # two copies at once: the second waits, then finds the first's draft and its items there
    source = items[0].roadmap
    today = today or timezone.localdate()
    result = CopyResult(roadmaps=0, items=0)
    for school in schools:
        roadmap = (
            school.roadmaps.filter(status__in=[RoadmapStatus.DRAFT, RoadmapStatus.RETURNED]).order_by("-id").first()
        )
        if roadmap is None:
            roadmap = roadmap_create(
                owner=school, user=user, title=f"План мероприятий (дорожная карта) внедрения ЦМН в {school.short_name}",
                period_start=source.period_start, period_end=source.period_end,
            )
        sections = {s.title: s for s in roadmap.sections.all()}
        there = set(roadmap.items.alive().filter(source_item__in=items).values_list("source_item_id", flat=True))
        copied = 0
        for item in items:
            if item.pk in there:
                result.already += 1
                continue
            windows = parse_deadline(item.deadline_text, roadmap.period).windows
            if skip_past and windows and max(end for _, end in windows) < today:
                result.past += 1
                continue
            section = sections.get(item.section.title)
            if section is None:
                section = Section.objects.create(
                    roadmap=roadmap, title=item.section.title, position=_next_position(roadmap.sections)
                )
                sections[section.title] = section
            copy = Item(
                roadmap=roadmap, section=section, position=_next_position(section.items), source_item=item,
                **{f: getattr(item, f) for f in ITEM_FIELDS if f not in PROGRESS_FIELDS},
                status=ItemStatus.PLANNED,
            )
            copy.refresh_derived()
            copy.save()
            sync_occurrences(copy)
            copied += 1
        if copied:
            result.items += copied
            result.roadmaps += 1
            log_change(roadmap, user, "items_copied", f"Из дорожной карты муниципалитета скопировано мероприятий: {copied}")
    return result
