"""Each form of mentoring says who may be its mentor and its mentees; a pair ending before it starts is refused in
Russian."""

from django.db import migrations, models

# Who takes each role in the methodology's forms (the registry's categories).
ROLES = {
    "ученик – ученик": (["student"], ["student"]),
    "учитель – учитель": (["teacher"], ["teacher"]),
    "студент – ученик": (["university_student", "graduate"], ["student"]),
    "работодатель – ученик": (["partner"], ["student"]),
    "работодатель – студент": (["partner"], ["university_student"]),
    "педагог – педагог": (["teacher"], ["teacher"]),
    "руководитель ОО – педагог": (["teacher"], ["teacher"]),
    "групповое наставничество педагогов": (["teacher"], ["teacher"]),
}


def set_roles(apps, schema_editor):
    MentoringForm = apps.get_model("participants", "MentoringForm")
    for name, (mentors, mentees) in ROLES.items():
        MentoringForm.objects.filter(name=name, district=None).update(mentor_categories=mentors,
                                                                      mentee_categories=mentees)


class Migration(migrations.Migration):

    dependencies = [
        ('participants', '0005_region_second_factor'),
    ]

    operations = [
        migrations.AddField(
            model_name='mentoringform',
            name='mentee_categories',
            field=models.JSONField(blank=True, default=list, help_text='Категории реестра; пусто — любая.', verbose_name='кто может быть наставляемым'),
        ),
        migrations.AddField(
            model_name='mentoringform',
            name='mentor_categories',
            field=models.JSONField(blank=True, default=list, help_text='Категории реестра; пусто — любая.', verbose_name='кто может быть наставником'),
        ),
        migrations.AlterConstraint(
            model_name='pair',
            name='pair_end_after_start',
            constraint=models.CheckConstraint(condition=models.Q(('end_date__gte', models.F('start_date'))), name='pair_end_after_start', violation_error_message='Дата окончания раньше даты начала.'),
        ),
        migrations.RunPython(set_roles, migrations.RunPython.noop),
    ]
