"""The pages bench_load.sh loads: one line per page a user opens first (mentoring_portal/generate/pages.py), as
«<session cookie or -> <path>», a signed-in session made for each user; the sign-in page first, for comparison.

    DATABASE_URL=… .venv/bin/python bench/load_targets.py --seed 1"""

import argparse
from importlib import import_module

import portal  # noqa: F401 - sets Django up (bench/portal.py)
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model

from mentoring_portal.generate.pages import region_pages


def session_cookie(username: str) -> str:
    user = get_user_model().objects.get(username=username)
    session = import_module(settings.SESSION_ENGINE).SessionStore()
    session[SESSION_KEY], session[BACKEND_SESSION_KEY] = str(user.pk), "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session["second_factor"] = "not-needed"
    session.save()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    cookies: dict[str, str] = {}
    print("- /accounts/login/")
    for page in region_pages(args.seed):
        if page.first:
            if page.username not in cookies:
                cookies[page.username] = session_cookie(page.username)
            print(cookies[page.username], page.url)


if __name__ == "__main__":
    main()
