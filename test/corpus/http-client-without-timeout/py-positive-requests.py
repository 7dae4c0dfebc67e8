# expect: http-client-without-timeout@8, http-client-without-timeout@14
import requests

API = "https://billing.example.com/v2"


def create_customer(email, token):
    resp = requests.post(f"{API}/customers", json={"email": email}, headers={"Authorization": f"Bearer {token}"})
    resp.raise_for_status()
    return resp.json()


def get_customer(customer_id):
    return requests.get(f"{API}/customers/{customer_id}").json()
