"""Orders imported as tasks (roadmaps.orders)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('participants', '0007_consent_giver'),
        ('roadmaps', '0002_occurrences'),
    ]

    operations = [
        migrations.CreateModel(
            name='Order',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('number', models.CharField(max_length=50, verbose_name='номер')),
                ('date', models.DateField(verbose_name='дата')),
                ('title', models.TextField(blank=True, verbose_name='заголовок')),
                ('source_name', models.CharField(blank=True, max_length=255, verbose_name='файл')),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('district', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='orders', to='participants.district', verbose_name='муниципалитет')),
                ('roadmap', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='order', to='roadmaps.roadmap', verbose_name='задачи по приказу')),
            ],
            options={
                'verbose_name': 'приказ',
                'verbose_name_plural': 'приказы',
                'ordering': ['-date', '-id'],
                'constraints': [models.UniqueConstraint(fields=('district', 'number', 'date'), name='order_once_per_district')],
            },
        ),
    ]
