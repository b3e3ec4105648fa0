"""The Russian user guide (docs/GUIDE.md) written from the browser journeys: each journey's screenshots with what the
user does there, so the guide always shows the portal as it is. `bash scripts/guide.sh` regenerates it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "docs" / "screenshots"
GUIDE = ROOT / "docs" / "GUIDE.md"

# The guide's chapters in order, each with what the role does in the portal.
CHAPTERS = {
    "district": ("Муниципальный куратор", "Ведёт дорожную карту муниципалитета, рассылает мероприятия в школы, "
                                           "согласует дорожные карты школ, открывает мониторинги."),
    "school": ("Куратор образовательной организации", "Ведёт дорожную карту школы, реестр наставников и наставляемых, "
                                                       "формирует пары и группы, готовит приказ о закреплении."),
    "workspace": ("Пользователи, базы и документы", "Кураторы приглашают людей и меняют роли без администратора, ведут "
                                                    "базы кураторов, экспертов, партнёров и программ, банк практик и "
                                                    "реестр документов, скачивают проекты приказов."),
    "events": ("События и конкурсы", "Муниципалитет и школы проводят события с приглашениями и посещаемостью, "
                                     "проведённое событие выполняет мероприятие дорожной карты; конкурсы — от заявки "
                                     "до приказа об итогах."),
    "public": ("Раздел «Наставничество» на сайте", "Куратор выбирает, что показать, пишет новости и вставляет раздел "
                                                  "на сайт школы; посетители читают его без входа."),
    "region": ("Региональный координатор", "Видит все муниципалитеты и школы регионального подчинения в обзоре, "
                                          "открывает мониторинг региона и скачивает сводную таблицу."),
    "mentor": ("Наставник", "Видит свои пары и отмечает встречи и задачи плана."),
    "methodist": ("Методист", "Смотрит показатели против плана и скачивает аналитическую справку в PDF и Excel."),
    "participant": ("Наставляемый и родитель", "По личной ссылке от куратора (или войдя в портал) видят пару, план и "
                                               "встречи, отмечают задачи, пишут куратору; родитель даёт согласие на "
                                               "обработку данных ребёнка — с телефона, без пароля."),
    "questionnaire": ("Участник анкетирования", "Отвечает на анкету по личной ссылке — с телефона, без входа."),
    "security": ("Безопасность глазами пользователя", "Журнал изменений, проверка файлов, удаление персональных данных "
                                                      "по запросу, защита входа."),
}


@dataclass
class Step:
    chapter: str
    name: str
    caption: str


STEPS: list[Step] = []


def write_guide(steps: list[Step]) -> None:
    lines = ["# Руководство пользователя", "",
             "Снимки и подписи создаёт браузерный тест каждой роли (`tests/browser/`); `bash scripts/guide.sh` "
             "обновляет их и этот файл, так что руководство всегда совпадает с порталом.", ""]
    for key, (title, intro) in CHAPTERS.items():
        chapter = [s for s in steps if s.chapter == key]
        if not chapter:
            continue
        lines += [f"## {title}", "", intro, ""]
        for number, step in enumerate(chapter, start=1):
            lines += [f"{number}. {step.caption}", "", f"   ![{step.caption}](screenshots/{step.name}.png)", ""]
    GUIDE.write_text("\n".join(lines), encoding="utf-8")
