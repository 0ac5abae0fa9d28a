import json
import re

import pytest
from django.test import Client

from kennisnetwerk.accounts.tests.factories import make_facilitator


@pytest.mark.django_db
def test_htmx_requests_carry_the_csrf_token_from_the_page():
    client = Client(enforce_csrf_checks=True)
    client.force_login(make_facilitator())
    page = client.get("/auditlog/").content.decode()
    headers = json.loads(re.search(r"hx-headers='([^']+)'", page).group(1))
    token = headers["X-CSRFToken"]

    refused = client.post("/taal/", {"language": "en", "next": "/"}, HTTP_HX_REQUEST="true")
    assert refused.status_code == 403
    accepted = client.post(
        "/taal/", {"language": "en", "next": "/"}, HTTP_HX_REQUEST="true", HTTP_X_CSRFTOKEN=token
    )
    assert accepted.status_code in (200, 204, 302)


@pytest.mark.django_db
def test_htmx_is_served_by_the_platform_itself(client):
    page = client.get("/").content.decode()
    assert '<script src="/static/vendor/htmx/htmx.min.js" defer></script>' in page
    # No script or stylesheet from another host (no CDN).
    assert not re.search(r'<(script|link)[^>]+(src|href)="(https?:)?//', page)
