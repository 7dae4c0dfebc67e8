# expect: tls-verification-disabled@9, tls-verification-disabled@15, tls-verification-disabled@16
import ssl
import urllib.request

import requests


def fetch_report(url, token):
    resp = requests.get(url, headers={"Authorization": f"Bearer {token}"}, verify=False, timeout=10)
    return resp.content


def legacy_fetch(url):
    ctx = ssl.create_default_context()
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
    with urllib.request.urlopen(url, context=ctx, timeout=10) as resp:
        return resp.read()
