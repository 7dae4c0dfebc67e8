# expect: none
import logging

logger = logging.getLogger(__name__)


def register(form):
    logger.info("registering %s", form["email"])
    user = create_user(form["email"], form["password"])
    logger.info("password policy check passed for user %s (length %d)", user.id, len(form["password"]))
    logger.debug("token refreshed for user_id=%s", user.id)
    return user
