from django.core.management.base import BaseCommand
from django.utils import timezone

from monitoring.schedules.services import open_due_campaigns


class Command(BaseCommand):
    help = "Открывает мониторинги по расписаниям муниципалитетов и регионов (запускать ежедневно, например из cron)."

    def handle(self, *args, **options):
        opened = open_due_campaigns(timezone.localdate())
        for campaign in opened:
            self.stdout.write(f"Открыт: {campaign.district.name} — {campaign.title}")
        self.stdout.write(self.style.SUCCESS(f"Открыто мониторингов: {len(opened)}."))
