"""A curator edits the roadmap table in place: items and sections are added, changed, moved, deleted, restored."""

from datetime import date

import pytest
from django.urls import reverse

from roadmaps import page_cache
from roadmaps.models import Change, Item, RoadmapStatus, Section
from tests.factories import SAYANSKY_SECTIONS, make_roadmap

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def roadmap(world):
    return make_roadmap(world.district, sections=SAYANSKY_SECTIONS)


def url(name, roadmap, **kwargs):
    return reverse(f"roadmaps:{name}", kwargs={"pk": roadmap.pk, **kwargs})


def first_item(roadmap) -> Item:
    return roadmap.items.order_by("section__position", "position").first()


def form_data(item: Item, **changes) -> dict:
    data = {f: getattr(item, f) for f in ("name", "activity", "deadline_text", "responsible", "result", "indicator",
                                           "audience", "status", "completion_note")}
    return {**data, "version": item.version, **changes}


def numbers(client, roadmap) -> list[str]:
    from django.utils import timezone

    from roadmaps.selectors import roadmap_table

    return [f"{row.number} {row.item.name[:12]}" for row in roadmap_table(roadmap, today=timezone.localdate()).rows]


@pytest.mark.parametrize("who", ["curator", "methodist", "coordinator"])
def test_it_shows_the_table_as_the_document_does(login, world, roadmap, who):
    content = login(getattr(world, who)).get(url("detail", roadmap)).content.decode()
    assert "Нормативное правовое регулирование" in content
    assert "1.1" in content and "2.2" in content
    assert "Октябрь 2021г" in content and "октябрь 2021" in content  # as typed, and as understood
    assert ("Изменить" in content) is (who == "curator")


@pytest.mark.parametrize("who", ["outsider_curator", "school_curator", "mentor"])
def test_it_hides_the_roadmap_from_outsiders(login, world, roadmap, who):
    client = login(getattr(world, who))
    assert client.get(url("detail", roadmap)).status_code == 404
    assert client.post(url("item-edit", roadmap, item_id=first_item(roadmap).pk), {}).status_code == 404


@pytest.mark.parametrize("view, kwargs", [
    ("item-edit", "item"), ("item-delete", "item"), ("item-move", "item-up"), ("section-create", None),
    ("edit", None), ("copy", None),
])
def test_it_refuses_changes_by_a_read_only_role(login, world, roadmap, view, kwargs):
    extra = {}
    if kwargs == "item":
        extra = {"item_id": first_item(roadmap).pk}
    elif kwargs == "item-up":
        extra = {"item_id": first_item(roadmap).pk, "direction": "up"}
    response = login(world.methodist).post(url(view, roadmap, **extra), {"name": "x", "title": "x"})
    assert response.status_code == 403
    assert not Change.objects.exists()


def test_it_edits_an_item_in_place(login, world, roadmap):
    item = first_item(roadmap)
    client = login(world.curator)
    form = client.get(url("item-edit", roadmap, item_id=item.pk), **HTMX)
    assert form.status_code == 200 and form.content.decode().lstrip().startswith("<tr")
    response = client.post(url("item-edit", roadmap, item_id=item.pk),
                           form_data(item, deadline_text="Ноябрь 2021г", status="done"), **HTMX)
    assert response.status_code == 200
    assert "Ноябрь 2021г" in response.content.decode() and "ноябрь 2021" in response.content.decode()
    item.refresh_from_db()
    assert (item.deadline_text, item.status, item.version) == ("Ноябрь 2021г", "done", 2)
    change = item.changes.get()
    assert change.user == world.curator and "срок (как в документе)" in change.summary
    assert change.details["changes"]["deadline_text"] == ["Октябрь 2021г", "Ноябрь 2021г"]


def test_it_edits_without_javascript_too(login, world, roadmap):
    item = first_item(roadmap)
    response = login(world.curator).post(url("item-edit", roadmap, item_id=item.pk), form_data(item, name="Новое"))
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.name == "Новое"


def test_it_keeps_what_was_typed_when_the_form_is_wrong(login, world, roadmap):
    item = first_item(roadmap)
    response = login(world.curator).post(url("item-edit", roadmap, item_id=item.pk),
                                         form_data(item, name="  ", responsible="Иванова И.И."), **HTMX)
    content = response.content.decode()
    assert response.status_code == 400
    assert "Укажите наименование мероприятия" in content and "Иванова И.И." in content


def test_the_second_of_two_concurrent_saves_is_refused(login, world, roadmap, client):
    item = first_item(roadmap)
    opened_version = item.version
    login(world.curator).post(url("item-edit", roadmap, item_id=item.pk),
                              form_data(item, result="Приказ УО № 1"), **HTMX)
    from django.test import Client

    second = Client()
    second.force_login(world.curator)
    response = second.post(url("item-edit", roadmap, item_id=item.pk),
                           {**form_data(item, result="Мой вариант"), "version": opened_version}, **HTMX)
    content = response.content.decode()
    assert response.status_code == 409
    assert "Ваши изменения не сохранены" in content
    assert "Приказ УО № 1" in content and "Мой вариант" in content  # the other's version, and what this one typed
    item.refresh_from_db()
    assert item.result == "Приказ УО № 1"
    retry = second.post(url("item-edit", roadmap, item_id=item.pk),
                        {**form_data(item, result="Мой вариант")}, **HTMX)
    assert retry.status_code == 200
    item.refresh_from_db()
    assert item.result == "Мой вариант"


def test_it_adds_an_item_at_the_end_of_a_section(login, world, roadmap):
    section = roadmap.sections.get(position=1)
    response = login(world.curator).post(url("item-create", roadmap, section_id=section.pk), {
        "name": "Совещание кураторов", "deadline_text": "Декабрь 2021", "status": "planned"}, **HTMX)
    assert response.status_code == 200 and 'id="roadmap-table"' in response.content.decode()
    assert "1.4 Совещание ку" in numbers(None, roadmap)


def test_it_renumbers_when_an_item_moves(login, world, roadmap):
    client = login(world.curator)
    second = roadmap.items.get(name__startswith="Разработка муниципального")
    client.post(url("item-move", roadmap, item_id=second.pk, direction="up"), **HTMX)
    assert numbers(None, roadmap)[:2] == ["1.1 Разработка м", "1.2 Утверждение "]
    last_of_first = roadmap.items.get(name__startswith="Разработка дорожных")
    client.post(url("item-move", roadmap, item_id=last_of_first.pk, direction="down"), **HTMX)
    assert numbers(None, roadmap)[2] == "2.1 Разработка д"
    assert Change.objects.filter(action="item_moved").count() == 2


def test_the_table_shows_the_new_order_after_a_move(login, world, roadmap):
    """A move renumbers with one bulk update (no save signals): the cached table must still follow it."""
    client = login(world.curator)
    client.get(url("detail", roadmap))  # the table is now cached
    second = roadmap.items.get(name__startswith="Разработка муниципального")
    page = client.post(url("item-move", roadmap, item_id=second.pk, direction="up"), **HTMX).content.decode()
    assert page.index("Разработка муниципального") < page.index("Утверждение состава")
    section = roadmap.sections.order_by("position").last()
    page = client.post(url("section-move", roadmap, section_id=section.pk, direction="up"), **HTMX).content.decode()
    assert page.index(section.title) < page.index("Разработка муниципального")


def test_it_deletes_an_item_that_can_be_restored(login, world, roadmap):
    client = login(world.curator)
    item = first_item(roadmap)
    page = client.post(url("item-delete", roadmap, item_id=item.pk), **HTMX).content.decode()
    assert "Удалённые мероприятия (1)" in page
    assert numbers(None, roadmap)[0] == "1.1 Разработка м"
    client.post(url("item-restore", roadmap, item_id=item.pk), **HTMX)
    assert numbers(None, roadmap)[2] == "1.3 Утверждение "


def test_it_adds_renames_moves_and_deletes_sections(login, world, roadmap):
    client = login(world.curator)
    client.post(url("section-create", roadmap), {"title": "Информационное сопровождение"}, **HTMX)
    section = roadmap.sections.get(title="Информационное сопровождение")
    client.post(url("section-move", roadmap, section_id=section.pk, direction="up"), **HTMX)
    assert [s.title[:10] for s in roadmap.sections.order_by("position")] == ["Нормативно", "Информацио", "Мониторинг"]
    client.post(url("section-edit", roadmap, section_id=section.pk), {"title": "Информирование"}, **HTMX)
    client.post(url("section-delete", roadmap, section_id=section.pk), **HTMX)
    assert not Section.objects.filter(pk=section.pk).exists()


def test_it_refuses_to_delete_a_section_with_items(login, world, roadmap):
    section = roadmap.sections.get(position=1)
    response = login(world.curator).post(url("section-delete", roadmap, section_id=section.pk), **HTMX)
    assert "В разделе есть мероприятия" in response.content.decode()
    assert Section.objects.filter(pk=section.pk).exists()


@pytest.mark.parametrize("query, expected", [
    ({"responsible": "Рябцева Е.В."}, 2),
    ({"status": "done"}, 0),
    ({"q": "мониторинг"}, 2),
    ({"due": "overdue"}, 4),
])
def test_it_filters_the_table(login, world, roadmap, query, expected):
    response = login(world.curator).get(url("detail", roadmap), query)
    assert response.context["table"].shown == expected


def test_it_filters_by_section(login, world, roadmap):
    section = roadmap.sections.get(position=2)
    response = login(world.curator).get(url("detail", roadmap), {"section": section.pk})
    assert response.context["table"].shown == 2


def test_it_shows_items_due_this_month(login, world, roadmap, monkeypatch):
    from datetime import date

    from django.utils import timezone

    monkeypatch.setattr(timezone, "localdate", lambda: date(2023, 5, 10))
    response = login(world.curator).get(url("detail", roadmap), {"due": "month"})
    assert [row.item.name[:10] for row in response.context["table"].rows] == ["Внутренний"]


def test_it_draws_the_timeline_with_a_bar_per_window(login, world, roadmap):
    response = login(world.methodist).get(url("timeline", roadmap))
    timeline = response.context["timeline"]
    assert len(timeline.months) == 48
    bars = {t.row.item.name[:10]: t.bars for _, rows in timeline.rows for t in rows}
    assert bars["Внутренний"] == [(16, 1), (28, 1), (40, 1)]
    assert bars["Участие в "] == []


def test_it_shows_an_items_history_comments_and_evidence(login, world, roadmap):
    item = first_item(roadmap)
    client = login(world.curator)
    client.post(url("item-comment", roadmap, item_id=item.pk), {"text": "Приказ подписан"})
    client.post(url("item-evidence", roadmap, item_id=item.pk), {"title": "Приказ № 12", "url": "example.ru/prikaz"})
    page = client.get(url("item", roadmap, item_id=item.pk)).content.decode()
    assert "Приказ подписан" in page and "https://example.ru/prikaz" in page
    assert "Добавлено подтверждение «Приказ № 12»" in page


def test_it_asks_for_a_file_or_a_link_as_evidence(login, world, roadmap):
    item = first_item(roadmap)
    response = login(world.curator).post(url("item-evidence", roadmap, item_id=item.pk), {"title": "Приказ"})
    assert response.status_code == 400 and "Приложите файл или укажите ссылку" in response.content.decode()


def test_it_uploads_a_file_as_evidence(login, world, roadmap):
    from django.core.files.uploadedfile import SimpleUploadedFile

    item = first_item(roadmap)
    login(world.curator).post(url("item-evidence", roadmap, item_id=item.pk),
                              {"title": "Протокол", "file": SimpleUploadedFile("protokol.pdf", b"%PDF-1.4")})
    evidence = item.evidence.get()
    assert evidence.file.name.endswith(".pdf")
    response = login(world.methodist).get(reverse("roadmaps:evidence-file", args=[roadmap.pk, evidence.pk]))
    assert b"".join(response.streaming_content) == b"%PDF-1.4"
    assert response["Content-Disposition"].startswith("attachment") and response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("name, data", [("page.html", b"<html><script>alert(document.cookie)</script>"),
                                        ("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
                                        ("protokol.pdf", b"<script>alert(1)</script>")])
def test_it_refuses_evidence_files_that_could_run_in_a_browser(login, world, roadmap, name, data):
    from django.core.files.uploadedfile import SimpleUploadedFile

    item = first_item(roadmap)
    response = login(world.curator).post(url("item-evidence", roadmap, item_id=item.pk),
                                         {"title": "Протокол", "file": SimpleUploadedFile(name, data)})
    page = response.content.decode()
    assert response.status_code == 400 and ("а здесь принимается" in page or "это не PDF" in page)
    assert not item.evidence.exists()


def test_a_new_period_changes_what_yearless_deadlines_mean(login, world, roadmap):
    section = roadmap.sections.get(position=1)
    login(world.curator).post(url("item-create", roadmap, section_id=section.pk),
                              {"name": "Круглый стол", "deadline_text": "Февраль", "status": "planned"})
    item = roadmap.items.get(name="Круглый стол")
    assert len(item.deadline.windows) == 4
    login(world.curator).post(url("edit", roadmap), {
        "title": roadmap.title, "period_start": "2023-09-01", "period_end": "2024-08-31"})
    item = Item.objects.get(pk=item.pk)
    assert [str(w[0]) for w in item.deadline.windows] == ["2024-02-01"]


def test_a_submitted_roadmap_cannot_be_edited(login, world):
    roadmap = make_roadmap(world.school, sections=SAYANSKY_SECTIONS)
    roadmap.status = RoadmapStatus.SUBMITTED
    roadmap.save()
    item = first_item(roadmap)
    response = login(world.school_curator).post(url("item-edit", roadmap, item_id=item.pk),
                                                form_data(item, name="Другое"))
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.name != "Другое"


def test_the_history_names_the_fields_in_russian(login, world, roadmap):
    item = first_item(roadmap)
    client = login(world.curator)
    client.post(url("item-edit", roadmap, item_id=item.pk), form_data(item, deadline_text="Ноябрь 2021г"))
    page = client.get(url("item", roadmap, item_id=item.pk)).content.decode()
    assert "<em>срок (как в документе)</em>: «Октябрь 2021г» → «Ноябрь 2021г»" in page


def test_the_table_is_cached_until_the_roadmap_changes(login, world, roadmap, django_assert_max_num_queries):
    client = login(world.methodist)
    client.get(url("detail", roadmap))
    with django_assert_max_num_queries(8):  # the rows come from the cache
        assert client.get(url("detail", roadmap)).status_code == 200
    item = first_item(roadmap)
    login(world.curator).post(url("item-edit", roadmap, item_id=item.pk),
                              form_data(item, name="Приказ о внедрении ЦМН (новая редакция)"))
    assert "Приказ о внедрении ЦМН (новая редакция)" in login(world.methodist).get(url("detail", roadmap)).content.decode()
    before = page_cache.version(roadmap.pk)
    item.occurrences.create(start=date(2022, 1, 1), due=date(2022, 1, 31))  # a deadline marked or added anywhere
    assert page_cache.version(roadmap.pk) > before


@pytest.mark.parametrize("typed, kept", [("4. Мониторинг", "Мониторинг"), ("Раздел IV. Мониторинг", "Мониторинг"),
                                         ("IV) Мониторинг", "Мониторинг"), ("2023 год — итоги", "2023 год — итоги")])
def test_a_typed_section_number_is_not_doubled(login, world, roadmap, typed, kept):
    """The portal numbers sections itself: «4. Мониторинг» would read «4. 4. Мониторинг»."""
    login(world.curator).post(url("section-create", roadmap), {"title": typed}, **HTMX)
    assert roadmap.sections.order_by("position").last().title == kept


def test_several_items_change_at_once(login, world, roadmap):
    client = login(world.curator)
    first, second = roadmap.items.order_by("pk")[:2]
    bulk = url("items-bulk", roadmap)
    client.post(bulk, {"items": [first.pk, second.pk], "action": "status", "status": "done"}, **HTMX)
    client.post(bulk, {"items": [first.pk, second.pk], "action": "responsible", "responsible": "Абашева Е.А."}, **HTMX)
    assert set(roadmap.items.filter(pk__in=[first.pk, second.pk]).values_list("status", "responsible")) == {
        ("done", "Абашева Е.А.")}
    assert Change.objects.filter(action="item_updated").count() == 4  # each item's history, as for a single edit
    page = client.post(bulk, {"items": [first.pk, second.pk], "action": "delete"}, **HTMX).content.decode()
    assert "Удалить: мероприятий — 2" in page and "Удалённые мероприятия (2)" in page
    refused = client.post(bulk, {"action": "delete"}, **HTMX).content.decode()
    assert "Отметьте мероприятия в таблице" in refused


def test_rows_pasted_from_excel_become_items(login, world, roadmap):
    section = roadmap.sections.order_by("position").first()
    pasted = ("1.4\tСовещание кураторов ОО\tДекабрь 2021\tРябцева Е.В.\tПротокол\r\n"
              '1.5\t"Семинар для наставников\nв два дня"\tЯнварь 2022\tАбашева Е.А.\tПрограмма\r\n')
    response = login(world.curator).post(url("items-paste", roadmap), {"section": section.pk, "rows": pasted})
    assert response.status_code == 302
    added = list(section.items.order_by("-position")[:2])[::-1]
    assert [(i.name, i.deadline_text, i.responsible, i.result) for i in added] == [
        ("Совещание кураторов ОО", "Декабрь 2021", "Рябцева Е.В.", "Протокол"),
        ("Семинар для наставников\nв два дня", "Январь 2022", "Абашева Е.А.", "Программа")]


def test_a_pasted_header_decides_the_columns_and_a_bad_row_adds_nothing(login, world, roadmap):
    section = roadmap.sections.order_by("position").first()
    before = roadmap.items.count()
    pasted = "Срок\tНаименование мероприятия\tОтветственные\nМай 2022\tОтчёт\tДиректор\nИюнь 2022\t\tДиректор\n"
    response = login(world.curator).post(url("items-paste", roadmap), {"section": section.pk, "rows": pasted})
    content = response.content.decode()
    assert response.status_code == 400 and "Строка 3: нет наименования мероприятия" in content
    assert "Май 2022\tОтчёт" in content and roadmap.items.count() == before  # what was pasted stays on the page
    fixed = pasted.replace("Июнь 2022\t\t", "Июнь 2022\tСовещание\t")
    login(world.curator).post(url("items-paste", roadmap), {"section": section.pk, "rows": fixed})
    assert list(section.items.order_by("-position").values_list("name", "deadline_text")[:2]) == [
        ("Совещание", "Июнь 2022"), ("Отчёт", "Май 2022")]



def test_the_row_editor_says_how_the_deadline_is_understood_as_one_types(login, world, roadmap):
    """Issue #22: the preview says «понято: …» for each imported deadline; the row editor says the same under the
    field, and again for each text typed (htmx asks the view below)."""
    client = login(world.curator)
    form = client.get(url("item-edit", roadmap, item_id=first_item(roadmap).pk)).content.decode()
    assert 'class="form-text deadline-understood"' in form and "понято: октябрь 2021" in form
    assert url("deadline-understood", roadmap) in form
    said = client.get(url("deadline-understood", roadmap), {"deadline_text": "до 31.10.2021"}).content.decode()
    assert "понято: до 31.10.2021" in said and "text-danger" not in said
    unread = client.get(url("deadline-understood", roadmap), {"deadline_text": "когда-нибудь"}).content.decode()
    assert "понято: срок не распознан" in unread and "text-danger" in unread
    assert client.get(url("deadline-understood", roadmap), {"deadline_text": ""}).content.decode().strip() == ""
