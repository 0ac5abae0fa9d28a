import pytest


@pytest.mark.django_db
def test_dutch_is_the_default_whatever_the_browser_prefers(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert '<html lang="nl"' in response.content.decode()
    assert response["Content-Language"] == "nl"


@pytest.mark.django_db
def test_the_language_switch_sets_english_and_back(client):
    response = client.post("/taal/", {"language": "en", "next": "/privacy/"})
    assert response.status_code == 302
    assert response["Location"] == "/privacy/"
    assert '<html lang="en"' in client.get("/").content.decode()
    client.post("/taal/", {"language": "nl", "next": "/"})
    assert '<html lang="nl"' in client.get("/").content.decode()


@pytest.mark.django_db
def test_an_unknown_language_falls_back_to_dutch(client):
    client.cookies["django_language"] = "xx"
    assert '<html lang="nl"' in client.get("/").content.decode()


@pytest.mark.django_db
def test_each_language_is_offered_in_its_own_name(client):
    body = client.get("/").content.decode()
    assert '<option value="en" lang="en">English</option>' in body
    assert '<option value="nl" lang="nl" selected>Nederlands</option>' in body
