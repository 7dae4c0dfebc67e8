# source: semgrep/semgrep-rules@157ae4706d7f:python/jwt/security/jwt-hardcode.py licence: LicenseRef-LGPL-2.1-only-with-Commons-Clause
# expect: hardcoded-secret@9, hardcoded-secret@13, hardcoded-secret@18, hardcoded-secret@24
import jwt

secret_const = "this-is-secret"


def bad1():
    encoded = jwt.encode({"some": "payload"}, "secret", algorithm="HS256")
    return encoded

def bad1b():
    encoded = jwt.encode({'some': 'payload'}, 'secret', algorithm='HS256')
    return encoded


def bad2():
    encoded = jwt.encode({"some": "payload"}, secret_const, algorithm="HS256")
    return encoded


def bad3():
    secret = "secret"
    encoded = jwt.encode({"some": "payload"}, secret, algorithm="HS256")
    return encoded


def ok(secret_key):
    encoded = jwt.encode({"some": "payload"}, secret_key, algorithm="HS256")
    return encoded
