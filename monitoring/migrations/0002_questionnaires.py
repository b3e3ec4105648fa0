"""The questionnaires of the methodology's monitoring (stage 1: programme quality; stage 2: entry and final
questionnaires of mentors and mentees: motivation, competence and professional growth, satisfaction)."""

from django.db import migrations

PROGRAMME = [
    ("Насколько понятны цели и задачи программы наставничества?", "организация программы"),
    ("Насколько удобен график встреч?", "организация программы"),
    ("Насколько программа соответствует вашим запросам?", "соответствие запросам"),
    ("Насколько полезны материалы и ресурсы программы?", "ресурсы"),
    ("Насколько вы удовлетворены программой в целом?", "удовлетворённость"),
]
PARTICIPANT = [
    ("Насколько вам интересно участвовать в программе наставничества?", "мотивация"),
    ("Насколько вы уверены в своих знаниях и умениях по теме работы?", "компетентность"),
    ("Насколько вы видите свой профессиональный (учебный) рост?", "профессиональный рост"),
    ("Насколько комфортно вам общаться с партнёром по паре?", "удовлетворённость"),
    ("Насколько вы удовлетворены результатами работы?", "удовлетворённость"),
]
QUESTIONNAIRES = [
    ("programme_quality", "Анкета качества программы наставничества", PROGRAMME),
    ("mentor_entry", "Входная анкета наставника", PARTICIPANT),
    ("mentor_final", "Итоговая анкета наставника", PARTICIPANT),
    ("mentee_entry", "Входная анкета наставляемого", PARTICIPANT),
    ("mentee_final", "Итоговая анкета наставляемого", PARTICIPANT),
]
INTRO = "Оцените каждое утверждение от 1 (совсем нет) до 10 (полностью)."


def add(apps, schema_editor):
    Questionnaire = apps.get_model("monitoring", "Questionnaire")
    Question = apps.get_model("monitoring", "Question")
    for kind, title, questions in QUESTIONNAIRES:
        questionnaire, created = Questionnaire.objects.get_or_create(kind=kind, defaults={"title": title, "intro": INTRO})
        if created:
            Question.objects.bulk_create([Question(questionnaire=questionnaire, position=i, text=text, topic=topic)
                                          for i, (text, topic) in enumerate(questions, start=1)])
            Question.objects.create(questionnaire=questionnaire, position=99, text="Что бы вы предложили изменить?",
                                    is_scale=False)


class Migration(migrations.Migration):
    dependencies = [("monitoring", "0001_initial")]
    operations = [migrations.RunPython(add, migrations.RunPython.noop)]
