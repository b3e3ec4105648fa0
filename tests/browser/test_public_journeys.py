"""Issue #15's public section in Chromium: the school curator publishes the section and writes news; a visitor reads
it without signing in; the iframe snippet works in a plain HTML page of the school's own site."""

import threading
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest
from playwright.sync_api import expect

from participants.models import PublicPage

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("reference_data")]


def test_the_school_publishes_its_section_and_a_plain_page_embeds_it(page, sign_in, problems, shoot, world,
                                                                     live_server, tmp_path):
    base = sign_in(world.school_curator)
    page.goto(f"{base}/o/{world.school.code}/public/")
    page.check("input[name=is_published]")
    page.fill("input[name=contact]", "куратор ЦМН, +7 (39140) 2-11-35")
    page.click("button:has-text('Сохранить')")
    expect(page.locator(".alert-success")).to_contain_text("Раздел опубликован")
    page.fill("input[name=title]", "Стартовала школа наставников")
    page.fill("textarea[name=text]", "Первые пары начали работу.")
    page.click("button:has-text('Добавить новость')")
    expect(page.locator(".alert-success")).to_contain_text("Новость добавлена")
    shoot("public", "public-settings", "Раздел «Наставничество»: опубликовать, выбрать блоки, написать новость; справа — "
                                       "адрес страницы, новостная лента и код для вставки на сайт школы.")
    snippet = page.locator("#snippet").input_value()
    assert PublicPage.objects.get().is_published

    # A visitor, without signing in
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/p/o/{world.school.code}/")
    expect(page.locator("main")).to_contain_text("Стартовала школа наставников")
    expect(page.locator("main")).to_contain_text("куратор ЦМН, +7 (39140) 2-11-35")
    shoot("public", "public-page", "Публичная страница школы: без входа, из данных портала, без имён детей.")

    # The snippet pasted into a plain page of the school's site
    site = tmp_path / "school-site.html"
    site.write_text("<!doctype html><html lang='ru'><head><meta charset='utf-8'><title>Сайт школы</title>"
                    "<link rel='icon' href='data:,'></head>"
                    f"<body><h1>МБОУ Агинская СОШ № 1</h1>{snippet.replace('&lt;', '<').replace('&gt;', '>')}"
                    f"</body></html>", encoding="utf-8")
    with school_site(tmp_path) as address:  # another origin, over http, as a real school site is
        page.goto(f"{address}/school-site.html")
        frame = page.frame_locator("iframe")
        expect(frame.locator("main")).to_contain_text("Стартовала школа наставников")
    assert problems == []


@contextmanager
def school_site(folder):
    handler = partial(SimpleHTTPRequestHandler, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
