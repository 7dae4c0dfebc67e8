# expect: none
import jwt
from flask import g, request


def load_user(public_key):
    token = request.headers.get("Authorization", "").removeprefix("Bearer ")
    claims = jwt.decode(token, public_key, algorithms=["RS256"], audience="api")
    g.user_id = claims["sub"]
