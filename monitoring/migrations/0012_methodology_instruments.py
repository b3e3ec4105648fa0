"""The methodology's instruments that were missing (issue #25): the SWOT analysis the curator runs, one for each of
the five forms («учитывает особенности требований ко всем пяти формам наставничества и является уникальной для
каждой формы»), and the curator's questionnaire. They belong to no place: every school copies the ones it needs in
the questionnaire builder. The SWOT's four quarters are free text; each form adds the conditions the methodology
names for it, rated 1–10."""

from django.db import migrations

SWOT_QUARTERS = [
    ("Сильные стороны", "Что в реализации формы получается лучше всего?"),
    ("Слабые стороны", "Что мешает, что получается хуже ожидаемого?"),
    ("Возможности", "Какие внешние возможности можно использовать (партнёры, события, ресурсы)?"),
    ("Угрозы", "Какие внешние риски могут помешать (нагрузка, отток участников, сроки)?"),
]
FORMS = {
    "ученик – ученик": ["Наставники-обучающиеся мотивированы и готовы уделять время",
                        "Наставляемые видят пользу в работе с ровесником",
                        "Классные руководители поддерживают пары",
                        "Удаётся подобрать пары по интересам и запросам"],
    "учитель – учитель": ["Молодые педагоги получают поддержку в первые три года",
                          "У наставников есть время на совместную работу (взаимопосещение уроков)",
                          "Администрация учитывает наставничество в нагрузке и стимулировании",
                          "Методические объединения включены в работу пар"],
    "студент – ученик": ["Есть соглашение с колледжем или вузом о наставничестве",
                         "Студенты-наставники регулярно бывают в школе",
                         "Студенты подготовлены к работе с обучающимися",
                         "Наставляемые выбирают профиль обучения осознаннее"],
    "работодатель – ученик": ["Есть соглашение с предприятием-партнёром",
                              "Наставники от предприятия доступны для встреч и экскурсий",
                              "Проекты обучающихся связаны с задачами предприятия",
                              "Обучающиеся лучше понимают профессии предприятия"],
    "работодатель – студент": ["Есть соглашение с предприятием о практике и наставничестве",
                               "Наставники от предприятия ведут проекты студентов",
                               "Студенты проходят стажировки на предприятии",
                               "Выпускники трудоустраиваются на предприятии-партнёре"],
}
CURATOR = [
    ("Условия", "В организации утверждены положение и программа наставничества", "scale"),
    ("Условия", "Назначенный куратор имеет время на сопровождение пар", "scale"),
    ("Базы", "Базы наставников и наставляемых сформированы и актуальны", "scale"),
    ("Базы", "Согласия на обработку персональных данных собраны у всех участников", "scale"),
    ("Работа пар", "Пары встречаются по плану", "scale"),
    ("Работа пар", "Планы пар выполняются не менее чем на 90 %", "scale"),
    ("Работа пар", "Какие формы наставничества в организации используются", "multiple"),
    ("Итоги", "Что удалось за период", "text"),
    ("Итоги", "Что нужно изменить в следующем периоде", "text"),
]


def add(apps, schema_editor):
    Questionnaire = apps.get_model("monitoring", "Questionnaire")
    Question = apps.get_model("monitoring", "Question")
    if Questionnaire.objects.filter(kind="custom", title__startswith="SWOT-анализ").exists():
        return
    for form, conditions in FORMS.items():
        swot = Questionnaire.objects.create(
            kind="custom", status="published", respondent="curator",
            title=f"SWOT-анализ реализации формы наставничества «{form}»",
            intro="Заполняет куратор по итогам периода: четыре стороны анализа и оценка условий формы от 1 до 10.")
        position = 0
        for section, text in SWOT_QUARTERS:
            position += 1
            Question.objects.create(questionnaire=swot, position=position, section=section, text=text, kind="text",
                                    is_scale=False, required=True, topic=section.lower())
        for text in conditions:
            position += 1
            Question.objects.create(questionnaire=swot, position=position, section="Условия формы", text=text,
                                    kind="scale", is_scale=True, required=True, low_label="не выполняется",
                                    high_label="выполняется полностью", topic="условия формы")
    curator = Questionnaire.objects.create(
        kind="custom", status="published", respondent="curator", title="Анкета куратора",
        intro="Самооценка внедрения целевой модели наставничества в организации.")
    for position, (section, text, kind) in enumerate(CURATOR, start=1):
        Question.objects.create(questionnaire=curator, position=position, section=section, text=text, kind=kind,
                                is_scale=kind == "scale", required=kind != "text", topic=section.lower(),
                                choices="\n".join(FORMS) if kind == "multiple" else "",
                                low_label="совсем нет" if kind == "scale" else "",
                                high_label="полностью" if kind == "scale" else "")


class Migration(migrations.Migration):
    dependencies = [("monitoring", "0011_questionnaire_builder")]

    operations = [migrations.RunPython(add, migrations.RunPython.noop)]
