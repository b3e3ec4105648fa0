from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.utils import timezone

from monitoring import demo as monitoring_demo
from monitoring.rounds import demo as rounds_demo
from participants import demo as participants_demo
from participants import demo_workspace
from participants.cabinet import demo as cabinet_demo
from participants.documents import demo as library_demo
from participants.letters import demo as letters_demo
from participants.public import demo as content_plan_demo
from participants.recruitment import demo as recruitment_demo
from participants.registry import demo as demo_registry
from participants.routes import demo as routes_demo
from participants.target_groups import demo as target_groups_demo
from roadmaps import demo as roadmaps_demo
from roadmaps.visits import demo as visits_demo


class Command(BaseCommand):
    help = "Загружает демонстрационные данные по документам из fixtures/seeds/ (повторный запуск ничего не дублирует)."

    def add_arguments(self, parser):
        parser.add_argument("--admin-password", help="Создать суперпользователя admin с этим паролем.")

    def handle(self, *args, admin_password=None, **options):
        today = timezone.localdate()
        result = participants_demo.load(today)
        self.stdout.write(f"Организаций: {result.organizations}, пользователей: {result.users}.")
        self.stdout.write(f"Участников в реестре добавлено: {demo_registry.load(today)}.")
        demo_workspace.load(today)
        self.stdout.write(f"Дорожных карт импортировано: {roadmaps_demo.load(today)}.")
        self.stdout.write(f"Целевых показателей: {monitoring_demo.load(today)}.")
        parent_path = cabinet_demo.load(today)
        recruitment_demo.load(today)
        rounds_demo.load(today)
        target_groups_demo.load(today)
        letters_demo.load(today)
        routes_demo.load(today)
        library_demo.load(today)
        content_plan_demo.load(today)
        visits_demo.load(today)
        if admin_password:
            admin, _ = get_user_model().objects.get_or_create(
                username="admin", defaults={"is_staff": True, "is_superuser": True}
            )
            admin.set_password(admin_password)
            admin.save()
        self.stdout.write(self.style.SUCCESS(f"Демонстрационные входы (пароль у всех: {result.password}):"))
        for login in result.logins:
            self.stdout.write(f"  {login.role:<26} {login.username:<18} {login.full_name}")
        if parent_path:
            self.stdout.write(f"Ссылка родителя ученика МБОУ Агинская СОШ № 1 (без входа): {parent_path}")
