# source: github/codeql@f53dce3a83de:python/ql/test/query-tests/Security/CWE-312-CleartextLogging/test.py licence: MIT
# expect: sensitive-data-in-logs@22, sensitive-data-in-logs@24, sensitive-data-in-logs@25, sensitive-data-in-logs@29, sensitive-data-in-logs@32, sensitive-data-in-logs@36, sensitive-data-in-logs@39, sensitive-data-in-logs@41, sensitive-data-in-logs@42
import logging
import sys

LOGGER = logging.getLogger("LOGGER")

def get_logger():
    return LOGGER


def get_password():
    return "<PASSWORD>"


def get_cert():
    return "<CERT>"


def log_password():
    password = get_password()
    logging.info("logging.info Password '%s'", password)

    LOGGER.log(logging.INFO, "LOGGER.log Password '%s'", password)
    logging.root.info("logging.root.info Password '%s'", password)

    # name of logger variable should not matter
    foo = LOGGER
    foo.info("foo.info Password '%s'", password)

    # return value from function
    get_logger().info("get_logger().info Password '%s'", password)


def log_cert():
    logging.debug("Cert=%s", get_cert())

def print_password():
    print(get_password())

    sys.stdout.write(get_password())
    sys.stderr.write(get_password())


def FPs(account, account_id):
    # we assume that any account parameter is sensitive (id/username)
    # https://github.com/github/codeql/issues/6363
    print(account)

    # https://github.com/github/codeql/issues/6927
    arn = f"arn:aws:iam::{account_id}:role/cfripper-access"
    logging.info(f"Preparing to assume role: {arn}")

    # Harmless UUIDs
    # https://github.com/github/codeql/issues/6726
    # https://github.com/github/codeql/issues/7497
    x = generate_uuid4()
    print(x)

    # username not considered sensitive
    # https://github.com/github/codeql/issues/7116
    logging.error("Misc Exception. User %s: %s", request.user.username)

    # dictionary taint-flow cross-talk
    # https://github.com/github/codeql/issues/6380
    import settings
    config = {
        "sleep_timer": 5,
        "password": settings.password
    }
    print(config["sleep_timer"])


if __name__ == "__main__":
    logging.basicConfig(level=logging.DEBUG)
    log_password()
    log_cert()
    print_password()
