from django.core.management.base import BaseCommand

from mentoring_portal.lib.commands import today_or
from monitoring.questionnaire_mail import send_lost, send_reminders


class Command(BaseCommand):
    help = ("Раз в день: напоминание об анкете тем, кто получил ссылку 3 дня назад или раньше и ещё не ответил, и "
            "первое письмо со ссылкой, если очередь его потеряла.")

    def add_arguments(self, parser):
        parser.add_argument("--site-url", required=True, help="Адрес портала для ссылок: https://nastavnik.example.ru")
        parser.add_argument("--date", help="Считать сегодняшней эту дату (ГГГГ-ММ-ДД)")
        parser.add_argument("--dry-run", action="store_true", help="Только показать, кому ушли бы письма")

    def handle(self, *args, site_url, date=None, dry_run=False, **options):
        today = today_or(date)
        lost = send_lost(site_url, dry_run=dry_run)
        reminded = send_reminders(today, site_url, dry_run=dry_run)
        verb = "Было бы отправлено" if dry_run else "Отправлено"
        self.stdout.write(self.style.SUCCESS(f"{verb} напоминаний: {len(reminded)}; писем со ссылкой, которые "
                                             f"не ушли из очереди: {len(lost)}"))
