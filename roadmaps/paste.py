"""Rows copied from Excel or a Word table and pasted into a section of the roadmap: tab-separated cells, a cell with
line breaks quoted as Excel quotes it, a header row used if it is there (the importer's header words), otherwise
«наименование, срок, ответственные, результат» with an optional «№» first."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

from roadmaps.importing.parse import _NUMBER_RE, clean_cell, header_columns

DEFAULT_COLUMNS = ["name", "deadline", "responsible", "result"]
FIELD_OF = {"name": "name", "deadline": "deadline_text", "responsible": "responsible", "result": "result",
            "activity": "activity", "indicator": "indicator", "audience": "audience"}
MAX_ROWS = 500


@dataclass
class Pasted:
    items: list[dict] = field(default_factory=list)  # item fields, ready for item_create
    errors: list[str] = field(default_factory=list)


def parse_paste(text: str) -> Pasted:
    result = Pasted()
    rows = [row for row in csv.reader(io.StringIO(text.strip("\n")), delimiter="\t") if any(c.strip() for c in row)]
    if not rows:
        result.errors.append("Вставьте строки таблицы: скопируйте их в Excel или Word (Ctrl+C) и вставьте сюда (Ctrl+V).")
        return result
    if len(rows) > MAX_ROWS:
        result.errors.append(f"Строк больше {MAX_ROWS}: для целой дорожной карты воспользуйтесь импортом из файла.")
        return result
    first_line = 1
    columns = header_columns(rows[0])
    if columns:
        rows, first_line = rows[1:], 2
    else:
        numbered = sum(bool(_NUMBER_RE.match(row[0].strip())) for row in rows) > len(rows) / 2
        columns = (["number"] if numbered else []) + DEFAULT_COLUMNS
    for line, row in enumerate(rows, start=first_line):
        values = {key: clean_cell(cell) for key, cell in zip(columns, row) if key in FIELD_OF}
        if not values.get("name"):
            result.errors.append(f"Строка {line}: нет наименования мероприятия "
                                 f"(«{' | '.join(c.strip() for c in row if c.strip())[:80]}»).")
            continue
        result.items.append({FIELD_OF[key]: value for key, value in values.items()})
    return result
