from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request) -> bool:
        # Entrepreneurs may create an account themselves; professionals are invited.
        return settings.ENTREPRENEUR_SIGNUP_OPEN
