# expect: jwt-without-verification@9
import jwt
from flask import g, request, abort


def load_user():
    header = request.headers.get("Authorization", "")
    token = header.removeprefix("Bearer ")
    claims = jwt.decode(token, options={"verify_signature": False})
    g.user_id = claims["sub"]


def decode_service_token(token, key):
    return jwt.decode(token, key)
