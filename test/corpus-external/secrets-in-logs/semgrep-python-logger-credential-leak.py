# source: semgrep/semgrep-rules@157ae4706d7f:python/lang/security/audit/logging/logger-credential-leak.py licence: LicenseRef-LGPL-2.1-only-with-Commons-Clause
# expect: sensitive-data-in-logs@11, sensitive-data-in-logs@17
import logging

logger = logging.getLogger("some_app")

def some_api_call(foo):
    return

def bad1(secret):
    logger.info("here is my secret value: %s",secret)

def bad2(api_key):
    try:
        some_api_call(api_key)
    except:
        logger.error("api call using api key %s failed",api_key)

def ok(api_key):
    try:
        some_api_call(api_key)
    except:
        # this is OK
        logger.exception("api call failed.  Check your API key!")
