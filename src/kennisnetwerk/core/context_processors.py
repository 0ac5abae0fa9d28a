from django.conf import settings
from django.http import HttpRequest

from .menu import main_menu


def platform(request: HttpRequest) -> dict:
    return {
        "network_name": settings.NETWORK_NAME,
        "main_menu": main_menu(request),
    }
