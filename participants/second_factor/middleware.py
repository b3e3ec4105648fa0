"""After the password: a user with a second factor enters the code before anything else; a curator whose region
requires it and who has none sets it up first. The decision is kept in the session, so a signed-in page costs no
queries once it is made."""

from django.shortcuts import redirect
from django.urls import reverse

from participants.second_factor.policy import has_second_factor, required_for

SESSION_KEY = "second_factor"  # "verified" | "not-needed"
OPEN_PATHS = ("/accounts/", "/static/", "/calendar/", "/q/")  # sign-in pages, the second factor's own, secret links


class SecondFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if not user.is_authenticated or request.path.startswith(OPEN_PATHS) or user.is_verified():
            return self.get_response(request)
        if request.session.get(SESSION_KEY) == "not-needed":
            return self.get_response(request)
        if has_second_factor(user):
            return redirect(f"{reverse('participants:second-factor-verify')}?next={request.get_full_path()}")
        if required_for(user):
            return redirect("participants:second-factor")
        request.session[SESSION_KEY] = "not-needed"
        return self.get_response(request)
