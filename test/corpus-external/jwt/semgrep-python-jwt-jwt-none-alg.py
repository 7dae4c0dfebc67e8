# source: semgrep/semgrep-rules@157ae4706d7f54aa33647332f234dd68f30da195:python/jwt/security/jwt-none-alg.py licence: LicenseRef-LGPL-2.1-only-with-Commons-Clause
# expect: jwt-without-verification@7, jwt-without-verification@12
import jwt

def bad1():
    # ruleid: jwt-python-none-alg
    encoded = jwt.encode({'some': 'payload'}, None, algorithm='none')
    return encoded

def bad2(encoded):
    # ruleid: jwt-python-none-alg
    jwt.decode(encoded, None, algorithms=['none'])
    return encoded

def ok(secret_key):
    # ok: jwt-python-none-alg
    encoded = jwt.encode({'some': 'payload'}, secret_key, algorithm='HS256')
    return encoded
