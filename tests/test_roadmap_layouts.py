"""The importer reads every item of roadmaps in the layouts schools publish (tests/roadmap_layouts.py builds them in
Word): a title block, the period in any spelling, a table split by a page break, two-level headers, extra columns,
merged or Roman-numbered sections, restarted or missing numbers, empty and unreadable cells, merged cells, cells of
several paragraphs. An importer that loses a row without the user noticing is worse than none."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from roadmaps.importing.services import parse_file
from tests.roadmap_layouts import PERIODS, Layout, as_xlsx, build


def read_back(layout: Layout, excel: bool = False):
    built = build(layout)
    result = parse_file("карта.xlsx", as_xlsx(built)) if excel else parse_file("карта.docx", built.data)
    assert result.ok, [str(e) for e in result.errors]
    [roadmap] = result.roadmaps
    items = [item for section in roadmap.sections for item in section.items]
    return built, roadmap, items


def assert_every_item_comes_back(layout: Layout, excel: bool = False):
    built, roadmap, items = read_back(layout, excel)
    assert [i.name for i in items] == [e.name for e in built.items]
    assert [i.deadline for i in items] == [e.deadline for e in built.items]
    assert [i.responsible for i in items] == [e.responsible for e in built.items]
    assert (roadmap.period[0].year, roadmap.period[1].year) == built.years
    kept = {"Целевая аудитория": lambda i: i.audience, "Отметка о выполнении": lambda i: i.note,
            "Примечание": lambda i: i.note.removeprefix("Примечание: ")}.get(layout.extra)
    if kept:  # an extra column stays with its item
        assert [kept(i) for i in items] == [e.extra for e in built.items]
    assert roadmap.rows_read == len(built.items) + len(built.sections)
    if built.sections:
        assert [s.title for s in roadmap.sections if s.items] == built.sections


FEATURES = {
    "title_block": [True], "period": list(PERIODS), "dates": ["two"], "people": ["two"],
    "extra": ["Отметка о выполнении", "Примечание", "Целевая аудитория"], "sections": ["roman", "none"],
    "numbering": ["restart", "none"], "split": ["repeat", "bare"], "empty_cells": [True], "odd_deadline": [True],
    "merged_people": [True], "paragraphs": [True],
}
# Each feature alone, then pairs of features that meet in real documents.
SINGLE = [Layout(**{key: value}) for key, values in FEATURES.items() for value in values]
PAIRS = [
    Layout(dates="two", people="two"), Layout(dates="two", split="repeat"), Layout(people="two", split="bare"),
    Layout(sections="roman", numbering="restart"), Layout(sections="none", numbering="none"),
    Layout(title_block=True, period="учебный", extra="Отметка о выполнении"),
    Layout(merged_people=True, people="two"), Layout(empty_cells=True, odd_deadline=True),
    Layout(paragraphs=True, split="repeat"), Layout(dates="two", empty_cells=True),
    Layout(sections="roman", split="bare"), Layout(numbering="restart", merged_people=True),
    Layout(title_block=True, period="гг.", dates="two", people="two", extra="Примечание", sections="roman",
           numbering="restart", split="repeat", empty_cells=True, odd_deadline=True, merged_people=True,
           paragraphs=True),
]
LAYOUTS = SINGLE + PAIRS


def test_there_are_enough_layouts():
    assert len(LAYOUTS) >= 30


@pytest.mark.parametrize("layout", LAYOUTS, ids=[layout.id or "plain" for layout in LAYOUTS])
def test_every_item_of_a_layout_comes_back(layout):
    assert_every_item_comes_back(layout)


# The same layouts saved to Excel (a responsible merged down is merged down in the sheet too).
EXCEL = LAYOUTS


@pytest.mark.parametrize("layout", EXCEL, ids=[layout.id or "plain" for layout in EXCEL])
def test_every_item_of_a_layout_saved_to_excel_comes_back(layout):
    assert_every_item_comes_back(layout, excel=True)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.builds(Layout, **{key: st.sampled_from([Layout.__dataclass_fields__[key].default, *values])
                            for key, values in FEATURES.items()}))
def test_any_mix_of_the_layout_features_gives_back_every_item(layout):
    assert_every_item_comes_back(layout)



def test_the_completion_mark_of_an_imported_roadmap_becomes_the_items_note(world):
    from roadmaps.importing.services import roadmap_import

    built = build(Layout(extra="Отметка о выполнении", merged_people=True))
    [roadmap] = roadmap_import(owner=world.school, result=parse_file("карта.docx", built.data), user=None,
                               source_name="карта.docx")
    items = list(roadmap.items.order_by("section__position", "position"))
    assert [i.completion_note for i in items] == [e.extra for e in built.items]
    assert [i.responsible for i in items] == [e.responsible for e in built.items]


@pytest.mark.parametrize("make, message", [
    (lambda: _docx_with(paragraphs=["Уважаемые коллеги!", "Направляем вам план работы."]),
     "не найдена таблица дорожной карты"),
    (lambda: _docx_with(paragraphs=["План мероприятий на 2024 год"], table=[["№", "Наименование мероприятия", "Срок"]]),
     "нет ни одного мероприятия"),
    (lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 2048, "Word"),  # a password-protected (encrypted) file
    (lambda: build(Layout()).data[:3000], "повреждён"),
])
def test_a_file_that_is_not_a_roadmap_gets_a_russian_message(make, message):
    result = parse_file("карта.docx", make())
    assert not result.ok and message in " ".join(str(e) for e in result.errors)


def _docx_with(*, paragraphs, table=None) -> bytes:
    import io

    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=0, cols=len(table[0]))
        for values in table:
            for cell, value in zip(grid.add_row().cells, values):
                cell.text = value
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
