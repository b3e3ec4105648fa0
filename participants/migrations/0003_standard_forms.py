"""The forms of mentoring of the methodology (распоряжение Минпросвещения России № Р-145) and of teachers' mentoring,
with their role models: reference data every installation needs."""

from django.db import migrations

STANDARD = [
    ("ученик – ученик", False, ["успевающий – неуспевающий", "лидер – пассивный", "равный – равному",
                                 "адаптированный – неадаптированный", "младший – старший"]),
    ("учитель – учитель", True, ["опытный педагог – молодой специалист",
                                  "опытный классный руководитель – молодой специалист",
                                  "лидер педагогического сообщества – педагог, испытывающий проблемы",
                                  "педагог-новатор – консервативный педагог",
                                  "опытный предметник – неопытный предметник"]),
    ("студент – ученик", False, ["успевающий студент – неуспевающий ученик",
                                  "педагогический студент – ученик", "студент – ученик с особыми потребностями"]),
    ("работодатель – ученик", False, ["активный профессионал – равнодушный потребитель",
                                       "коллега – будущий коллега"]),
    ("работодатель – студент", False, ["активный профессионал – равнодушный потребитель",
                                        "коллега – молодой коллега"]),
    ("педагог – педагог", True, ["опытный педагог – молодой специалист", "педагог – педагог, вновь прибывший",
                                  "педагог – педагог с профессиональными дефицитами"]),
    ("руководитель ОО – педагог", True, ["руководитель – молодой специалист", "руководитель – педагог"]),
    ("групповое наставничество педагогов", True, ["опытные педагоги – молодые специалисты"]),
]


def add_forms(apps, schema_editor):
    MentoringForm = apps.get_model("participants", "MentoringForm")
    FormVariant = apps.get_model("participants", "FormVariant")
    for position, (name, is_teacher, variants) in enumerate(STANDARD, start=1):
        form, _ = MentoringForm.objects.get_or_create(
            name=name, district=None, defaults={"is_teacher_form": is_teacher, "position": position}
        )
        for variant in variants:
            FormVariant.objects.get_or_create(form=form, name=variant)


class Migration(migrations.Migration):
    dependencies = [("participants", "0002_registry_and_pairs")]
    operations = [migrations.RunPython(add_forms, migrations.RunPython.noop)]
