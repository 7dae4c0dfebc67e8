# expect: weak-randomness-for-secrets@8, weak-randomness-for-secrets@13
import random
import string


def make_invite_code(length=10):
    alphabet = string.ascii_uppercase + string.digits
    invite_code = "".join(random.choice(alphabet) for _ in range(length))
    return invite_code


def new_api_key():
    api_key = "%032x" % random.getrandbits(128)
    return api_key
