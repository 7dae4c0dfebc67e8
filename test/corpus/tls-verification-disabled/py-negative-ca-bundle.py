# expect: none
import jwt
import requests


def fetch_report(url, token):
    resp = requests.get(url, headers={"Authorization": f"Bearer {token}"}, verify="/etc/ssl/internal-ca.pem", timeout=10)
    return resp.content


def validate(form):
    return form.is_valid(verify=True)
