"""GET /: whoever opens the server's address learns what it is and where to go."""


def test_the_root_says_what_this_is_and_links_the_console(client):
    response = client.get("/", base_url="https://precheck.school.example")
    assert response.status_code == 200 and response.mimetype == "text/html"
    page = response.get_data(as_text=True)
    assert "Precheck" in page and 'href="/admin/"' in page
    assert "<code>https://precheck.school.example</code>" in page  # the Server URL to paste
