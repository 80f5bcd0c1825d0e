"""Passwords as users meet them: the forced change at the first sign-in of an account an
administrator created (or reset), the change page, and the reset by e-mail link (Django's own
views, with Vietnamese templates).

The flag is read once, when the user signs in, and kept in the session: the middleware then
costs no query on any page.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.password_validation import password_validators_help_texts
from django.contrib.auth.signals import user_logged_in
from django.shortcuts import redirect
from django.urls import reverse, reverse_lazy

from . import account_services

SESSION_KEY = "thidua_must_change_password"

# Paths a user who must change the password may still open.
FREE_PREFIXES = ("/static/", "/api/", "/quen-mat-khau/", "/suc-khoe/", "/dang-xuat/")


def on_login(sender, request, user, **kwargs) -> None:
    if request is None or not hasattr(request, "session"):
        return
    if account_services.must_change_password(user):
        request.session[SESSION_KEY] = True
    else:
        request.session.pop(SESSION_KEY, None)


def connect() -> None:
    user_logged_in.connect(on_login, dispatch_uid="thidua.org.account_auth.on_login")


class ForcePasswordChangeMiddleware:
    """Sends a user who must change the password to the change page, whatever they open."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = getattr(request, "session", None)
        if session is not None and session.get(SESSION_KEY):
            change = reverse("password_change")
            if request.path != change and not request.path.startswith(FREE_PREFIXES):
                return redirect(change)
        return self.get_response(request)


class PasswordRulesMixin:
    """The rules of AUTH_PASSWORD_VALIDATORS, listed under the form as they are configured."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["password_rules"] = password_validators_help_texts()
        return context


class PasswordChangeView(PasswordRulesMixin, auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("account")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["forced"] = bool(self.request.session.get(SESSION_KEY))
        return context

    def form_valid(self, form):
        response = super().form_valid(form)  # keeps this session, ends the others
        account_services.password_changed(account=form.user)
        self.request.session.pop(SESSION_KEY, None)
        messages.success(self.request, "Đã đổi mật khẩu.")
        return response


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset_form.html"
    email_template_name = "accounts/password_reset_email.txt"
    subject_template_name = "accounts/password_reset_subject.txt"
    success_url = reverse_lazy("password_reset_done")


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


class PasswordResetConfirmView(PasswordRulesMixin, auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("password_reset_complete")

    def form_valid(self, form):
        response = super().form_valid(form)
        account_services.password_changed(account=form.user)
        return response


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"
