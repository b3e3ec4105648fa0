"""Security as the people using the portal meet it, in Chromium: every page works under the Content-Security-Policy
(no violation, no script error, in-place editing included), a hostile evidence file is refused with a message, the
curator reads the audit trail, the school curator erases a person's data, and a password guesser is locked out."""

import pytest
from django.conf import settings

from participants.models import Person

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("reference_data")]


def test_the_district_curators_pages_run_under_the_policy(page, sign_in, problems, shoot, world, objects):
    base = sign_in(world.curator)
    roadmap = objects["district_roadmap"]
    for path in ("/my/", f"/d/{world.district.code}/", f"/roadmaps/{roadmap.pk}/", f"/roadmaps/{roadmap.pk}/timeline/",
                 f"/d/{world.district.code}/indicators/", f"/d/{world.district.code}/audit/"):
        page.goto(base + path)
    shoot("security", "audit-trail",
          "Журнал изменений: страница муниципалитета → «Журнал изменений». Кто, когда и что изменил; ФИО и "
          "контакты участников на уровне муниципалитета скрыты («запись № …»).")
    page.goto(f"{base}/roadmaps/{roadmap.pk}/")
    item = objects["item"]
    page.click(f"#item-{item.pk} a[title='Изменить']")
    field = page.locator(f"#item-{item.pk} textarea[name=name]")
    field.fill("Назначить куратора внедрения ЦМН")
    field.press("Control+Enter")
    page.wait_for_selector(f"#item-{item.pk} >> text=Назначить куратора внедрения ЦМН")
    assert problems == []


def test_a_hostile_evidence_file_is_refused_with_a_message(page, sign_in, problems, shoot, world, objects, tmp_path):
    base = sign_in(world.curator)
    roadmap, item = objects["district_roadmap"], objects["item"]
    page.goto(f"{base}/roadmaps/{roadmap.pk}/items/{item.pk}/")
    hostile = tmp_path / "protokol.pdf"
    hostile.write_bytes(b"<html><script>alert(document.cookie)</script></html>")
    page.fill("input[name=title]", "Протокол совещания")
    page.set_input_files("input[name=file]", str(hostile))
    page.click("text=Добавить подтверждение")
    assert page.locator("text=это не PDF").count() == 1
    shoot("security", "evidence-refused",
          "Файл-подтверждение к мероприятию: вид файла определяется по содержимому, а не по имени — страница "
          "HTML, переименованная в «протокол.pdf», не принимается.")
    assert problems == []


def test_the_school_curator_erases_a_persons_data_on_request(page, sign_in, problems, shoot, world, objects):
    mentee = objects["mentee"]
    base = sign_in(world.school_curator)
    page.goto(f"{base}/o/{world.school.code}/people/{mentee.pk}/")
    page.click("text=Удалить персональные данные по запросу")
    page.check("#confirm-erase")
    shoot("security", "person-erase",
          "Удаление персональных данных по запросу (152-ФЗ): карточка участника → «Удалить персональные данные "
          "по запросу» → подтверждение. Обезличенная запись остаётся для показателей.")
    page.click("button:has-text('Удалить персональные данные')")
    page.wait_for_selector("text=Персональные данные удалены")
    assert Person.objects.get(pk=mentee.pk).anonymised_on is not None
    assert problems == []


def test_a_password_guesser_is_locked_out(page, live_server, problems, shoot, world):
    for _ in range(settings.AXES_FAILURE_LIMIT + 1):
        page.goto(f"{live_server.url}/accounts/login/")
        page.fill("input[name=username]", world.curator.username)
        page.fill("input[name=password]", "guess")
        page.click("button[type=submit]")
    assert page.locator("text=Вход временно закрыт").count() == 1
    shoot("security", "locked-out",
          "После десяти неверных паролей подряд вход для этой учётной записи закрывается на 30 минут.")


def test_a_curator_turns_on_the_second_factor(page, sign_in, problems, shoot, world):
    from django_otp.oath import totp
    from django_otp.plugins.otp_totp.models import TOTPDevice

    base = sign_in(world.curator)
    page.goto(f"{base}/accounts/second-factor/")
    assert page.locator("img[alt^='QR-код']").evaluate("img => img.naturalWidth") > 0  # data: image under the CSP
    shoot("security", "second-factor",
          "Второй фактор входа: «Второй фактор» в меню с вашим именем → QR-код для приложения-генератора кодов "
          "→ код из приложения.")
    device = TOTPDevice.objects.get(user=world.curator)
    page.fill("input[name=code]", f"{totp(device.bin_key):06d}")
    page.click("button:has-text('Включить')")
    page.wait_for_selector("text=Второй фактор включён")
    assert problems == []


def test_the_school_curator_imports_the_registry_with_a_progress_bar(page, sign_in, problems, shoot, world, tmp_path):
    from tests.test_registry_io import row, workbook

    base = sign_in(world.school_curator)
    page.goto(f"{base}/o/{world.school.code}/people/import/")
    sheet = tmp_path / "reestr.xlsx"
    sheet.write_bytes(workbook(row(), row(last="Орлова", first="Анна")))
    page.set_input_files("input[name=file]", str(sheet))
    page.click("button:has-text('Прочитать файл')")
    page.wait_for_selector("text=Будут добавлены: 2")
    shoot("security", "registry-import-preview",
          "Импорт реестра из Excel: файл читается в фоне с полосой хода; до подтверждения видно, кого портал "
          "добавит, какие строки повторяют уже внесённых людей, и все ошибки по строкам.")
    page.click("button:has-text('Подтвердить импорт')")
    page.wait_for_selector("text=Добавлено в реестр: 2")
    assert Person.objects.filter(organization=world.school).count() == 2
    assert problems == []


def test_the_methodist_orders_the_district_report_and_downloads_it(page, sign_in, problems, shoot, world):
    base = sign_in(world.methodist)
    page.goto(f"{base}/d/{world.district.code}/report/")
    page.click("a:has-text('Скачать Excel'), a:has-text('Скачать XLSX')")
    page.wait_for_url("**/my/exports/")
    page.wait_for_selector("text=Справка формируется в фоне")
    shoot("security", "my-exports",
          "Большие выгрузки и справки формируются в фоне: «Мои выгрузки» показывает ход и даёт скачать готовый "
          "файл.")
    with page.expect_download() as download:
        page.click("a:has-text('Скачать')")
    assert download.value.suggested_filename.endswith(".xlsx")
    assert problems == []
