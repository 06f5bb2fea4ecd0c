"""Schemathesis hook: signs every request with Baidu's `bce-auth-v1` (issue 18).

Load it with `SCHEMATHESIS_HOOKS=bce_signing` (this folder on `PYTHONPATH`). The keys come from
`BCE_ACCESS_KEY` and `BCE_SECRET_KEY`; the defaults are the embedded mock's
(`conformance mock` prints them at start-up).

The signature follows Baidu's "Generate Authentication String" page, as the BCC page's
"Request Instance" shows it (`bce-auth-v1/{AK}/{timestamp}/{expiration}/host/{signature}`):
signingKey = hex(HMAC-SHA256(SK, authStringPrefix)), signature = hex(HMAC-SHA256(signingKey,
canonical request)), the canonical request being method, URI, query and the signed headers
(here `host` only), each encoded per RFC 3986 (unreserved characters kept).

It is registered as a `requests` auth, so Schemathesis treats the credential as explicit: its
`ignored_auth` check then replays the request without it and with a wrong one, which must be
refused. It signs the prepared request, so the query string and path are exactly the bytes sent.
"""

import datetime
import hashlib
import hmac
import os
from urllib.parse import quote, unquote, urlsplit

import requests
import schemathesis

ACCESS_KEY = os.environ.get("BCE_ACCESS_KEY", "MOCKACCESSKEY0000001")
SECRET_KEY = os.environ.get("BCE_SECRET_KEY", "mock-secret-key-do-not-use-in-production")
EXPIRATION_SECONDS = 1800


def _encode(text: str, keep_slash: bool = False) -> str:
    return quote(text, safe="-_.~/" if keep_slash else "-_.~")


def _hmac_hex(key: str, message: str) -> str:
    return hmac.new(key.encode(), message.encode(), hashlib.sha256).hexdigest()


def _canonical_query(query: str) -> str:
    pairs = []
    for part in query.split("&") if query else []:
        name, _, value = part.partition("=")
        name, value = unquote(name.replace("+", " ")), unquote(value.replace("+", " "))
        if name.lower() != "authorization":
            pairs.append(_encode(name) + "=" + _encode(value))
    return "&".join(sorted(pairs))


def authorization(method: str, url: str, now: datetime.datetime) -> str:
    """The `Authorization` value for one request, signing only `host`."""
    parts = urlsplit(url)
    timestamp = now.strftime("%Y-%m-%dT%H:%M:%SZ")
    prefix = f"bce-auth-v1/{ACCESS_KEY}/{timestamp}/{EXPIRATION_SECONDS}"
    uri = _encode(unquote(parts.path) or "/", keep_slash=True)
    canonical = "\n".join([method.upper(), uri, _canonical_query(parts.query), "host:" + _encode(parts.netloc)])
    signature = _hmac_hex(_hmac_hex(SECRET_KEY, prefix), canonical)
    return f"{prefix}/host/{signature}"


class BCESignature(requests.auth.AuthBase):
    def __call__(self, request):
        request.headers["Authorization"] = authorization(
            request.method, request.url, datetime.datetime.now(datetime.timezone.utc)
        )
        return request


schemathesis.auth.set_from_requests(BCESignature())
