# expect: none
import httpx
import requests

API = "https://billing.example.com/v2"
DEFAULTS = {"timeout": 5}


def create_customer(email):
    resp = requests.post(f"{API}/customers", json={"email": email}, timeout=(3.05, 10))
    resp.raise_for_status()
    return resp.json()


def get_customer(customer_id):
    return requests.get(f"{API}/customers/{customer_id}", **DEFAULTS).json()


def ping():
    return httpx.get(f"{API}/health").status_code
