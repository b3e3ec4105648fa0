from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q

from participants.models import District, Organization
from roadmaps.importing.services import parse_file, roadmap_import


class Command(BaseCommand):
    help = "Импортирует дорожную карту из .docx, .xlsx или текста с табуляциями (всё или ничего)."

    def add_arguments(self, parser):
        parser.add_argument("path")
        owner = parser.add_mutually_exclusive_group(required=True)
        owner.add_argument("--organization", help="id или код организации")
        owner.add_argument("--district", help="id или код муниципалитета")
        parser.add_argument("--period", help="период, если его нет в названии: 2023-09-01:2024-08-31")

    def handle(self, *args, path, organization=None, district=None, period=None, **options):
        owner = self._owner(Organization if organization else District, organization or district)
        file = Path(path)
        if not file.is_file():
            raise CommandError(f"Файл не найден: {path}")
        result = parse_file(file.name, file.read_bytes(), self._period(period))
        for warning in result.warnings:
            self.stderr.write(f"Предупреждение: {warning}")
        if not result.ok:
            raise CommandError("Импорт отменён, ничего не изменено:\n" + "\n".join(f"- {e}" for e in result.errors))
        for roadmap in roadmap_import(owner=owner, result=result, user=None, source_name=file.name):
            self.stdout.write(
                f"Создана дорожная карта #{roadmap.pk} «{roadmap.title[:90]}» ({roadmap.period_label}): "
                f"разделов {roadmap.sections.count()}, мероприятий {roadmap.items.count()}"
            )

    def _owner(self, model, key: str):
        lookup = Q(code=key) | Q(pk=int(key)) if key.isdigit() else Q(code=key)
        owner = model.objects.filter(lookup).first()
        if owner is None:
            raise CommandError(f"Не найдено: {model._meta.verbose_name} «{key}»")
        return owner

    def _period(self, raw: str | None):
        if not raw:
            return None
        try:
            start, end = (date.fromisoformat(part) for part in raw.split(":"))
        except ValueError:
            raise CommandError("Период укажите так: 2023-09-01:2024-08-31") from None
        return start, end
