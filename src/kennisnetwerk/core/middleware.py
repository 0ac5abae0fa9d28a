"""Dutch first: the interface is Dutch unless the person chose another language with the
language switch (stored in the language cookie). The browser's Accept-Language is not used,
as on Dutch government websites."""

from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_vary_headers


class DutchFirstLocaleMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.supported = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in self.supported else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        try:
            response = self.get_response(request)
        finally:
            # Do not let this request's language leak into the next work on this thread.
            translation.deactivate()
        patch_vary_headers(response, ("Cookie",))
        response.headers.setdefault("Content-Language", language)
        return response
