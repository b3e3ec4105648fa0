from django.core.management.base import BaseCommand

from mentoring_portal.lib.commands import today_or
from roadmaps.digest import send_digests


class Command(BaseCommand):
    help = "Рассылает письма о просроченных сроках и сроках ближайшей недели (запускать раз в неделю, например cron)."

    def add_arguments(self, parser):
        parser.add_argument("--date", help="считать «сегодня» этой датой: 2024-05-13")
        parser.add_argument("--site-url", default="http://127.0.0.1:8000", help="адрес портала для ссылок в письмах")
        parser.add_argument("--dry-run", action="store_true", help="только показать, кому ушли бы письма")

    def handle(self, *args, date=None, site_url, dry_run, **options):
        today = today_or(date)
        digests = send_digests(today, site_url, dry_run=dry_run)
        for digest in digests:
            self.stdout.write(f"{digest.user.email}: просрочено {len(digest.overdue)}, на неделе {len(digest.next_week)}")
        verb = "Было бы отправлено" if dry_run else "Отправлено"
        self.stdout.write(self.style.SUCCESS(f"{verb} писем: {len(digests)}"))
