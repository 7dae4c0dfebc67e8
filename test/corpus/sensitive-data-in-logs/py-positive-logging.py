# expect: sensitive-data-in-logs@8, sensitive-data-in-logs@11, sensitive-data-in-logs@16
import logging

logger = logging.getLogger(__name__)


def register(form):
    logger.info("registering %s with password %s", form["email"], form["password"])
    user = create_user(form["email"], form["password"])
    api_key = issue_api_key(user)
    logger.debug(f"issued api key {api_key} for user {user.id}")
    return user


def charge(card_number, amount):
    logging.warning("charging card_number=%s amount=%s", card_number, amount)
