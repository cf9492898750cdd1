"""Create an iDenfy verification token: POST /api/v2/token with safe error handling."""
import os
import random
import time
from email.utils import parsedate_to_datetime

import requests

TOKEN_URL = os.environ.get("IDENFY_TOKEN_URL", "https://ivs.idenfy.com/api/v2/token")
ERRATA = "http://localhost:4321"
MAX_ATTEMPTS = 4  # the first try and up to three retries
BASE_DELAY = 1.0  # seconds
MAX_DELAY = 30.0  # seconds
TIMEOUT = (5, 30)  # seconds to connect, seconds to wait for the answer

# What a 4xx identifier means for your code; any other identifier means "request".
IDENTIFIER_KINDS = {
    "INTERNAL_ERROR": "server",
    "UNAUTHORIZED": "credentials",
    "PARTNER_CONTRACT_ERROR": "account",
    "PERMISSIONS_ERROR": "account",
    "TOO_MANY_REQUESTS": "rate_limit",
}
RETRYABLE_KINDS = {"rate_limit", "server", "network"}
# Errata has a page for each of these.
KNOWN_IDENTIFIERS = {
    "INTERNAL_ERROR",
    "BAD_VALUE",
    "MISSING_VALUE",
    "UNAUTHORIZED",
    "ENCODING_ERROR",
    "JSON_ERROR",
    "TOKEN_NOT_VALID",
    "PARTNER_CONTRACT_ERROR",
    "METHOD_NOT_ALLOWED",
    "PERMISSIONS_ERROR",
    "TOO_MANY_REQUESTS",
    "VALIDATION_ERROR",
    "PARTNER_ERROR",
}
KNOWN_STATUSES = {400, 401, 402, 403, 405, 429, 500}


class IdenfyError(Exception):
    """A token request that failed.

    kind: rate_limit, server, network (retryable), credentials, account, request or unexpected.
    status and identifier are None when the response had none.
    """

    def __init__(self, kind, message, status=None, identifier=None, retry_after=None):
        super().__init__(message)
        self.kind = kind
        self.message = message
        self.status = status
        self.identifier = identifier
        self.retry_after = retry_after  # seconds, from a Retry-After header
        self.help_url = errata_url(status, identifier)

    @property
    def retryable(self):
        return self.kind in RETRYABLE_KINDS

    def __str__(self):
        status = self.status if self.status is not None else "no response"
        identifier = self.identifier or "no identifier"
        help_text = f" (see {self.help_url})" if self.help_url else ""
        return f"iDenfy {status} {identifier}: {self.message}{help_text}"


def errata_url(status, identifier):
    """The Errata page that explains an error, or None."""
    if identifier in KNOWN_IDENTIFIERS:
        return f"{ERRATA}/errors/{identifier.lower().replace('_', '-')}/"
    if status in KNOWN_STATUSES:
        return f"{ERRATA}/status/{status}/"
    return None


def json_object(response):
    """The body as a dict, or None if it is not a JSON object (an HTML page, an empty body)."""
    try:
        body = response.json()
    except ValueError:
        return None
    return body if isinstance(body, dict) else None


def read_error(response):
    """(identifier, message) of an error response. Never raises."""
    body = json_object(response) or {}
    identifier = body.get("identifier")
    message = body.get("message")
    if not isinstance(identifier, str):
        identifier = None  # 401, 402 and 403 carry none
    if not isinstance(message, str):
        message = f"HTTP {response.status_code} without a JSON error message"
    return identifier, message


def error_kind(status, identifier):
    """Branch on the status first, then on the identifier; never on the message."""
    if status == 429:
        return "rate_limit"
    if status >= 500:
        return "server"
    if status == 401:
        return "credentials"
    if status in (402, 403):
        return "account"
    if 400 <= status < 500:
        return IDENTIFIER_KINDS.get(identifier, "request")
    return "unexpected"


def retry_after_seconds(response):
    """Retry-After in seconds, or None. iDenfy does not document this header."""
    value = response.headers.get("Retry-After", "").strip()
    if value.isdecimal():
        return float(value)
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError):
        return None


def backoff(attempt):
    """Full jitter: a random wait between 0 and base * 2^(attempt - 1), capped."""
    return random.uniform(0, min(MAX_DELAY, BASE_DELAY * 2 ** (attempt - 1)))


def attempt_once(payload, auth):
    try:
        # A redirect is unexpected: following it would turn the POST into a GET.
        response = requests.post(
            TOKEN_URL, json=payload, auth=auth, timeout=TIMEOUT, allow_redirects=False
        )
    except (requests.ConnectionError, requests.Timeout) as exc:
        # No response. A timeout may hide a token that was created: see "What retrying costs".
        raise IdenfyError("network", f"No response from iDenfy: {exc}") from exc
    if 200 <= response.status_code < 300:  # 201 Created: never compare with 200
        body = json_object(response)
        if body is None or not isinstance(body.get("authToken"), str):
            raise IdenfyError("unexpected", "Success without an authToken", response.status_code)
        return body
    identifier, message = read_error(response)
    raise IdenfyError(
        error_kind(response.status_code, identifier),
        message,
        response.status_code,
        identifier,
        retry_after_seconds(response),
    )


def create_token(payload):
    """POST /api/v2/token. Returns the 201 body (authToken, scanRef, ...); raises IdenfyError."""
    auth = (os.environ["IDENFY_API_KEY"], os.environ["IDENFY_API_SECRET"])
    attempt = 1
    while True:
        try:
            return attempt_once(payload, auth)
        except IdenfyError as error:
            wait = error.retry_after if error.retry_after is not None else backoff(attempt)
            if not error.retryable or attempt >= MAX_ATTEMPTS or wait > MAX_DELAY:
                raise  # a Retry-After beyond MAX_DELAY is for the caller to schedule
            time.sleep(wait)
            attempt += 1
