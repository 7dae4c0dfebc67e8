# expect: none
import random
import secrets


def make_invite_code():
    return secrets.token_urlsafe(16)


def backoff(attempt):
    delay = min(30, 2 ** attempt) + random.uniform(0, 1)
    return delay


def pick_shard(shards):
    shard = random.choice(shards)
    return shard
