"""Issue #15's region in Chromium: the regional coordinator opens the overview, opens a region campaign that reaches
every school, and downloads the consolidated table."""

import io

import pytest
from django.utils import timezone
from openpyxl import load_workbook
from playwright.sync_api import expect

from monitoring.models import Campaign, SchoolReport

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("reference_data")]


def test_the_coordinator_reads_the_region_and_opens_a_region_campaign(page, sign_in, problems, shoot, world):
    base = sign_in(world.coordinator)
    page.click("a:has-text('Обзор региона')")
    expect(page.locator("table")).to_contain_text("Саянский район")
    expect(page.locator("table")).to_contain_text("ГБОУ КК Школа-интернат")
    shoot("region", "region-overview", "Обзор региона: муниципалитеты и школы регионального подчинения — показатели "
                                       "против плана, дорожные карты, мониторинг, пары по формам; Excel и PDF.")
    page.click("a:has-text('Мониторинги региона')")
    page.fill("input[name=title]", "Региональный мониторинг, декабрь")
    page.fill("input[name=due_on]", f"{timezone.localdate().year + 1}-01-20")
    page.click("button:has-text('Открыть')")
    expect(page.locator(".alert-success")).to_contain_text("открыт")
    region_campaign = Campaign.objects.get(region=world.region)
    reached = set(SchoolReport.objects.filter(campaign__in=[region_campaign, *region_campaign.children.all()])
                  .values_list("organization__code", flat=True))
    assert reached == {"agin-1", "tinskaya", "direct"}
    shoot("region", "region-campaign", "Мониторинг региона: отчёты муниципалитетов сведены в одну таблицу; "
                                       "«Сводная таблица (Excel)» — все отчёты региона.")
    page.click("a:has-text('Сводная таблица')")  # made in the background (issue #24): «Мои выгрузки» has it
    page.wait_for_url("**/my/exports/")
    page.wait_for_selector("text=Сводная таблица формируется в фоне")
    with page.expect_download() as download:
        page.click("a:has-text('Скачать')")
    rows = list(load_workbook(io.BytesIO(download.value.path().read_bytes())).active.iter_rows(min_row=3,
                                                                                              values_only=True))
    assert {r[1] for r in rows} == {"МБОУ Агинская СОШ № 1", "МБОУ Тинская СОШ", "ГБОУ КК Школа-интернат"}
    assert problems == [] and base
