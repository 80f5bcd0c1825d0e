"""Password rules with Vietnamese messages. Django's own validators are translated (the site's
language is "vi") except the minimum length, whose message Django 5.2 words with a "%d" that the
Vietnamese catalogue does not have yet: it is written here."""

from __future__ import annotations

from django.contrib.auth.password_validation import MinimumLengthValidator


class VietnameseMinimumLengthValidator(MinimumLengthValidator):
    def get_error_message(self) -> str:
        return f"Mật khẩu quá ngắn: cần ít nhất {self.min_length} ký tự."

    def get_help_text(self) -> str:
        return f"Mật khẩu cần có ít nhất {self.min_length} ký tự."
