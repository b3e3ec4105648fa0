"""Draft orders made from the portal's data, as a PDF to sign and a Word file to finish (officials finish orders in
Word). One `DraftOrder` holds the wording; each draft is a builder registered by the app whose data it reads (the
curators' order here, the final order of a monitoring campaign in monitoring), so participants imports no app."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from mentoring_portal.lib.exports import DocxTable, render_pdf, write_docx
from mentoring_portal.lib.plugins import Plugins

LEGAL_BASIS = ("В соответствии с распоряжением Минпросвещения России от 25.12.2019 № Р-145 «Об утверждении методологии "
               "(целевой модели) наставничества обучающихся для организаций, осуществляющих образовательную "
               "деятельность по общеобразовательным, дополнительным общеобразовательным и программам среднего "
               "профессионального образования, в том числе с применением лучших практик обмена опытом между "
               "обучающимися»")


@dataclass
class DraftOrder:
    issuer: str  # who signs: the organization, or the district's administration
    title: str  # «О …»
    basis: str
    lead: str  # «1. Закрепить следующие наставнические пары/группы:»
    columns: list[tuple[str, float]]  # label, width in cm (Word)
    rows: list[list[str]]
    clauses: list[str] = field(default_factory=list)  # the numbered points after the table
    signer: str = "Руководитель"

    @property
    def filename(self) -> str:
        return f"Приказ {self.title}"[:150]

    def pdf(self, today: date) -> bytes:
        return render_pdf("participants/documents/order_pdf.html", {"order": self, "today": today,
                                                                     "labels": [c for c, _ in self.columns]})

    def docx(self, today: date) -> bytes:
        return write_docx(
            title=f"{self.issuer}\nПРИКАЗ\n«___» ____________ {today.year} г.   № ________\n\n{self.title}",
            paragraphs=[self.basis, "ПРИКАЗЫВАЮ:", self.lead], table=DocxTable(self.columns, self.rows),
            landscape=False,
            signature="\n".join(self.clauses) + f"\n\n{self.signer} _______________ / ____________________ /")


@dataclass(frozen=True)
class Draft:
    slug: str
    kind: str  # "district" | "organization" | "region": where it is offered
    label: str
    build: Callable[[Any, object, date], DraftOrder | None]  # (place, user, today) → the order, or None: no data
    capability: str
    empty: str  # why there is nothing to draft


DRAFTS: Plugins[Draft] = Plugins("documents: draft orders made from the portal's data", unique=True,
                                 key_of=lambda d: d.slug)


def drafts_for(kind: str) -> list[Draft]:
    return [d for d in DRAFTS if d.kind == kind]


def numbered(rows) -> list[list[str]]:
    return [[str(n), *row] for n, row in enumerate(rows, start=1)]
