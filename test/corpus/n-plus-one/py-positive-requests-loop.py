# expect: n-plus-one@8, n-plus-one@17
import requests


def enrich_companies(companies):
    enriched = []
    for company in companies:
        resp = requests.get(f"https://registry.example.com/companies/{company['number']}", timeout=5)
        resp.raise_for_status()
        enriched.append({**company, "registry": resp.json()})
    return enriched


def load_prices(conn, skus):
    prices = {}
    for sku in skus:
        cur = conn.execute("SELECT price FROM prices WHERE sku = %s", (sku,))
        prices[sku] = cur.fetchone()[0]
    return prices
