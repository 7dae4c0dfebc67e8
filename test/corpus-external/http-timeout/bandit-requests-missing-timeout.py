# source: PyCQA/bandit@920805426889:examples/requests-missing-timeout.py licence: Apache-2.0
# expect: http-client-without-timeout@8, http-client-without-timeout@9, http-client-without-timeout@10, http-client-without-timeout@11, http-client-without-timeout@12, http-client-without-timeout@13, http-client-without-timeout@14, http-client-without-timeout@15, http-client-without-timeout@16, http-client-without-timeout@17, http-client-without-timeout@18, http-client-without-timeout@19, http-client-without-timeout@20, http-client-without-timeout@21, http-client-without-timeout@23, http-client-without-timeout@25, http-client-without-timeout@27, http-client-without-timeout@29, http-client-without-timeout@31, http-client-without-timeout@33, http-client-without-timeout@35, http-client-without-timeout@37, http-client-without-timeout@39, http-client-without-timeout@42, http-client-without-timeout@46
import httpx
import requests
import not_requests

# Errors
requests.get('https://gmail.com')
requests.get('https://gmail.com', timeout=None)
requests.post('https://gmail.com')
requests.post('https://gmail.com', timeout=None)
requests.put('https://gmail.com')
requests.put('https://gmail.com', timeout=None)
requests.delete('https://gmail.com')
requests.delete('https://gmail.com', timeout=None)
requests.patch('https://gmail.com')
requests.patch('https://gmail.com', timeout=None)
requests.options('https://gmail.com')
requests.options('https://gmail.com', timeout=None)
requests.head('https://gmail.com')
requests.head('https://gmail.com', timeout=None)
httpx.get('https://gmail.com')
httpx.get('https://gmail.com', timeout=None)
httpx.post('https://gmail.com')
httpx.post('https://gmail.com', timeout=None)
httpx.put('https://gmail.com')
httpx.put('https://gmail.com', timeout=None)
httpx.delete('https://gmail.com')
httpx.delete('https://gmail.com', timeout=None)
httpx.patch('https://gmail.com')
httpx.patch('https://gmail.com', timeout=None)
httpx.options('https://gmail.com')
httpx.options('https://gmail.com', timeout=None)
httpx.head('https://gmail.com')
httpx.head('https://gmail.com', timeout=None)
httpx.Client()
httpx.Client(timeout=None)
httpx.AsyncClient()
httpx.AsyncClient(timeout=None)
with httpx.Client() as client:
    client.get('https://gmail.com')
with httpx.Client(timeout=None) as client:
    client.get('https://gmail.com')
async with httpx.AsyncClient() as client:
    await client.get('https://gmail.com')
async with httpx.AsyncClient(timeout=None) as client:
    await client.get('https://gmail.com')

# Okay
not_requests.get('https://gmail.com')
requests.get('https://gmail.com', timeout=5)
requests.post('https://gmail.com', timeout=5)
requests.put('https://gmail.com', timeout=5)
requests.delete('https://gmail.com', timeout=5)
requests.patch('https://gmail.com', timeout=5)
requests.options('https://gmail.com', timeout=5)
requests.head('https://gmail.com', timeout=5)
httpx.get('https://gmail.com', timeout=5)
httpx.post('https://gmail.com', timeout=5)
httpx.put('https://gmail.com', timeout=5)
httpx.delete('https://gmail.com', timeout=5)
httpx.patch('https://gmail.com', timeout=5)
httpx.options('https://gmail.com', timeout=5)
httpx.head('https://gmail.com', timeout=5)
httpx.Client(timeout=5)
httpx.AsyncClient(timeout=5)
with httpx.Client(timeout=5) as client:
    client.get('https://gmail.com')
async with httpx.AsyncClient(timeout=5) as client:
    await client.get('https://gmail.com')
