# source: semgrep/semgrep-rules@157ae4706d7f:python/requests/best-practice/use-timeout.py licence: LicenseRef-LGPL-2.1-only-with-Commons-Clause
# expect: http-client-without-timeout@7, http-client-without-timeout@9, http-client-without-timeout@19, http-client-without-timeout@33
import requests

url = "www.github.com"

r = requests.get(url)

r = requests.post(url)

r = requests.get(url, timeout=50)


def from_import_test1(url):
    from requests import get, post

    r = get(url, timeout=3)

    r = post(url)


def test2():
    """Perform a requests.get and default headers set"""
    headers = {**_get_default_headers(), **headers}
    r = requests.get(
        url, headers=headers, params=params, **{"timeout": TIMEOUT, **kwargs}
    )
    return r


def test3():
    session = requests.Session()
    r = session.get(get_url())

    r = session.get(url, timeout=3)
