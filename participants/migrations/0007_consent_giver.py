"""Who gave a consent: the person, a parent (legal representative), or a minor with the parent's consent."""

from django.db import migrations, models


def existing_consents(apps, schema_editor):
    """Consents recorded before: a pupil's was given by a parent (the form asked for the parent's name)."""
    Consent = apps.get_model("participants", "Consent")
    Consent.objects.filter(person__category="student").update(giver="representative")


class Migration(migrations.Migration):

    dependencies = [
        ('participants', '0006_form_roles'),
    ]

    operations = [
        migrations.AddField(
            model_name='consent',
            name='giver',
            field=models.CharField(choices=[('self', 'сам участник'), ('representative', 'родитель (законный представитель)'), ('self_with_consent', 'участник с согласия родителя (законного представителя)')], default='self', max_length=20, verbose_name='кто дал'),
        ),
        migrations.AlterField(
            model_name='consent',
            name='given_by',
            field=models.CharField(help_text='ФИО того, кто подписал согласие; за ребёнка — ФИО родителя (законного представителя)', max_length=200, verbose_name='кем дано'),
        ),
        migrations.RunPython(existing_consents, migrations.RunPython.noop),
    ]
