"""The demo's library of samples: Саянский район's управление образования and Клин's МУ «Методический кабинет» each
put out a model положение, a media plan and a consent form (Word files a school edits); МБОУ Агинская СОШ № 1 has
taken the положение and not yet adopted it."""

from __future__ import annotations

from datetime import date

from django.core.files.base import ContentFile

from mentoring_portal.lib.exports import DocxTable, write_docx
from participants.documents.library import sample_copy
from participants.documents.models import Document, DocumentKind
from participants.models import District, Organization

REGULATION = [
    "1. Общие положения. Настоящее положение определяет порядок организации наставничества в образовательной "
    "организации в соответствии с распоряжением Минпросвещения России от 25.12.2019 № Р-145.",
    "2. Цель и задачи наставничества.",
    "3. Организационные основы: куратор, база наставников и наставляемых, формы наставничества.",
    "4. Права и обязанности наставника и наставляемого.",
    "5. Мониторинг и оценка результатов, мотивация наставников.",
]


def _samples(district: District) -> list[tuple[str, str, str, bytes]]:
    who = district.administration_short_name or district.name
    return [
        (DocumentKind.REGULATION, "Положение о наставничестве в ОО (образец)", "положение для утверждения приказом ОО",
         write_docx(title="Положение о наставничестве (образец)", paragraphs=REGULATION, landscape=False)),
        (DocumentKind.MEDIA_PLAN, "Медиаплан реализации ЦМН на учебный год (образец)", "",
         write_docx(title="Медиаплан", table=DocxTable([("Что публикуем", 9), ("Рубрика", 5), ("Срок", 4),
                                                        ("Ответственный", 5)], [
             ["Новость о старте программы наставничества", "Новости", "Сентябрь", "Куратор"],
             ["Интервью с наставником", "Наши наставники", "Декабрь", "Куратор"],
             ["Итоги года: лучшие пары", "Новости", "Май", "Куратор"]]))),
        (DocumentKind.FORM, "Согласие на обработку персональных данных участника (форма)", "",
         write_docx(title="Согласие на обработку персональных данных", landscape=False, paragraphs=[
             f"Форма подготовлена: {who}.", "Я, ______________________, даю согласие на обработку персональных "
             "данных в целях реализации программы наставничества (152-ФЗ)."])),
    ]


def load(today: date) -> int:
    made = 0
    for code in ("sayansky", "klin"):
        district = District.objects.filter(code=code).first()
        if district is None or Document.objects.filter(district=district, is_sample=True).exists():
            continue
        for kind, title, approves, content in _samples(district):
            document = Document(district=district, kind=kind, title=title, approves=approves,
                                date=date(today.year if today.month >= 9 else today.year - 1, 8, 25), is_sample=True)
            document.file.save(f"{title[:40]}.docx", ContentFile(content), save=True)
            made += 1
    school = Organization.objects.filter(code="agin-1").first()
    regulation = Document.objects.filter(district__code="sayansky", is_sample=True, kind=DocumentKind.REGULATION).first()
    if school is not None and regulation is not None and not school.documents.filter(copied_from=regulation).exists():
        sample_copy(sample=regulation, organization=school, user=None, today=today)
    return made
