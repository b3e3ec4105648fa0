"""The demo crawled as a signed-in user: every page reachable by links from the landing page, breadth first."""

import re
from collections import deque

SKIP = re.compile(r"^/(static|media|accounts/logout|admin)/|/(export|download|file|template|calendar\.ics|feed)"
                  r"|\.(xlsx|pdf|docx|ics|csv)(\?|$)")
LINK = re.compile(r'href="(/[^"#]*)"')


def crawl(client, max_pages: int, start: tuple[str, ...] = ("/",)) -> dict[str, str]:
    """URL → HTML of each page that answered 200 with HTML, up to `max_pages`."""
    seen, pages, queue = set(), {}, deque(start)
    while queue and len(pages) < max_pages:
        url = queue.popleft()
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url, follow=True)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        html = response.content.decode()
        pages[url] = html
        for link in LINK.findall(html):
            link = link.replace("&amp;", "&")
            if link not in seen and not SKIP.search(link):
                queue.append(link)
    return pages
