"""Whether an inbound message really comes from the domain of its From address.

Anyone can write any From address, and any header: a message is authenticated only by what a
server we trust checked when it received the message, never by what the message says of itself.
Two sources count:

- Authentication-Results header fields (RFC 8601) whose authserv-id is one of
  settings.INBOUND_EMAIL_TRUSTED_AUTHSERV_IDS, the ids of our own receiving mail servers; fields
  naming any other server are the sender's word and are skipped. A sender may still write a
  field naming our server, so (RFC 8601, section 5) our server must delete such fields from
  incoming mail. And the fields our server adds sit above every header the sender wrote: for
  each method (dmarc, dkim, spf) only the top-most trusted field reporting it decides, so what
  our server checked shadows anything written below it.
- The verdict of the provider whose inbound webhook delivered the message, only when that is
  settings.INBOUND_EMAIL_PROVIDER (the channel names the webhook): Amazon SES's DMARC verdict,
  from its notification; SendGrid's SPF and dkim fields, from its post; Mailgun's X-Mailgun-Spf
  and X-Mailgun-Dkim-Check-Result headers, and the Received-SPF field of Postmark's Headers, each
  only when the message has exactly one (the provider's: a second may be the sender's). A
  message fed to `manage.py ingest_email` has no provider: only trusted Authentication-Results
  count for it.

Authenticated means, as DMARC aligns them: dmarc=pass for the From domain; or dkim=pass by a
signing domain (d=) that is the From domain or a parent of it; or spf=pass for an envelope sender
(MAIL FROM) in the From domain or a parent of it. A parent domain speaks for its subdomains (it
delegates them), never the other way round. Anything else (a fail, none, a signature by another
domain, no trusted verdict at all) leaves the message unauthenticated.
"""

import re
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _

METHODS = ("dmarc", "dkim", "spf")
PAIR = re.compile(r'([\w.\-/]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^\s";]+)')
DKIM_DOMAIN = re.compile(r"(?:^|;)\s*d\s*=\s*([^;\s]+)")
SENDGRID_DKIM = re.compile(r"@([\w.\-]+)\s*:\s*(\w+)")


@dataclass(frozen=True)
class Check:
    """One method's result about one domain, as a trusted party reported it."""

    method: str
    result: str
    domain: str  # the domain the result is for ("" when the report does not say)
    by: str  # who reported it: an authserv-id or a provider


@dataclass(frozen=True)
class Verdict:
    authenticated: bool
    evidence: str  # what decided, in words an agent reading a held message follows


def _domain(value):
    """The domain of an address, an @domain or a bare domain."""
    return value.strip().strip('"').rpartition("@")[2].strip().rstrip(".").lower()


def _speaks_for(domain, from_domain):
    return bool(domain) and (from_domain == domain or from_domain.endswith(f".{domain}"))


def _passes(check, from_domain):
    if check.result != "pass":
        return False
    if check.method == "dmarc":
        return check.domain == from_domain
    return _speaks_for(check.domain, from_domain)


def _headers(message, name):
    """The values of every field with this name, top-most first."""
    try:
        return [" ".join(str(value).split()) for value in message.get_all(name) or []]
    except (TypeError, ValueError, IndexError):  # a field too broken to decode
        return []


def _without_comments(value):
    """The value with its (comments) removed, quoted strings kept (RFC 5322 CFWS)."""
    kept, depth, quoted, escaped = [], 0, False, False
    for char in value:
        if escaped or char == "\\":
            escaped = not escaped
        elif quoted:
            quoted = char != '"'
        elif char == "(":
            depth += 1
            continue
        elif char == ")" and depth:
            depth -= 1
            continue
        elif char == '"' and not depth:
            quoted = True
        if not depth:
            kept.append(char)
    return "".join(kept)


def _split(value):
    """The ;-separated parts of a value, a ; inside a quoted string kept."""
    parts, current, quoted = [], [], False
    for char in value:
        if char == '"':
            quoted = not quoted
        if char == ";" and not quoted:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return [part.strip() for part in parts]


def _result_domain(method, properties):
    if method == "dmarc":
        return _domain(properties.get("header.from", ""))
    if method == "dkim":
        return _domain(properties.get("header.d") or properties.get("header.i", ""))
    return _domain(properties.get("smtp.mailfrom", ""))


def _authentication_results(value):
    """(authserv-id, [Check, …]) of one Authentication-Results field."""
    authserv_id, *resinfos = _split(_without_comments(value))
    server = authserv_id.split()[0].lower() if authserv_id.split() else ""
    checks = []
    for resinfo in resinfos:
        pairs = PAIR.findall(resinfo)
        method = pairs[0][0].partition("/")[0].lower() if pairs else ""
        if method not in METHODS:
            continue
        result = pairs[0][1].strip('"').lower()
        properties = {key.lower(): raw.strip('"') for key, raw in pairs[1:]}
        checks.append(Check(method, result, _result_domain(method, properties), server))
    return server, checks


def _trusted_results(message):
    trusted = {server.lower() for server in settings.INBOUND_EMAIL_TRUSTED_AUTHSERV_IDS}
    decided = {}
    for value in _headers(message, "Authentication-Results"):
        server, checks = _authentication_results(value)
        if server not in trusted:
            continue
        for method in METHODS:
            reported = [check for check in checks if check.method == method]
            if reported:
                decided.setdefault(method, reported)
    return [check for method in METHODS for check in decided.get(method, [])]


def _received_spf(value, by):
    """A Check from a Received-SPF field (RFC 7208, section 9.1) about the MAIL FROM identity."""
    value = _without_comments(value)
    result = value.split()[0].lower() if value.split() else ""
    properties = {key.lower(): raw.strip('"') for key, raw in PAIR.findall(value)}
    if properties.get("identity", "mailfrom").lower() != "mailfrom":
        return []
    return [Check("spf", result, _domain(properties.get("envelope-from", "")), by)]


def _only(values):
    """The one value a provider's field has, or "": a second one may be the sender's own."""
    return values[0] if len(values) == 1 else ""


def _mailgun(message, esp_event, from_domain):
    spf = _only(_headers(message, "X-Mailgun-Spf")).lower()
    dkim = _only(_headers(message, "X-Mailgun-Dkim-Check-Result")).lower()
    # Mailgun does not say which signature passed: its "Pass" speaks for a domain only when
    # every signature on the message is that domain's.
    signers = {
        _domain(match[1])
        for value in _headers(message, "DKIM-Signature")
        for match in DKIM_DOMAIN.finditer(value)
    }
    signer = signers.pop() if len(signers) == 1 else ""
    envelope = _domain(message.envelope_sender or "")
    return [Check("spf", spf, envelope, "Mailgun"), Check("dkim", dkim, signer, "Mailgun")]


def _postmark(message, esp_event, from_domain):
    headers = esp_event.get("Headers") if isinstance(esp_event, dict) else None
    spf = _only(
        [
            " ".join(str(header.get("Value", "")).split())
            for header in headers or []
            if str(header.get("Name", "")).lower() == "received-spf"
        ]
    )
    return _received_spf(spf, "Postmark") if spf else []


def _amazon_ses(message, esp_event, from_domain):
    receipt = esp_event.get("receipt") if isinstance(esp_event, dict) else None
    status = ((receipt or {}).get("dmarcVerdict") or {}).get("status", "")
    return [Check("dmarc", str(status).lower(), from_domain, "Amazon SES")] if status else []


def _sendgrid(message, esp_event, from_domain):
    post = getattr(esp_event, "POST", {})
    checks = [
        Check(
            "spf", post.get("SPF", "").lower(), _domain(message.envelope_sender or ""), "SendGrid"
        )
    ]
    for domain, result in SENDGRID_DKIM.findall(post.get("dkim", "")):
        checks.append(Check("dkim", result.lower(), _domain(domain), "SendGrid"))
    return checks


# The providers whose verdicts we read, by their EMAIL_PROVIDER name.
PROVIDERS = {
    "mailgun": _mailgun,
    "postmark": _postmark,
    "amazon_ses": _amazon_ses,
    "sendgrid": _sendgrid,
}


def _provider_results(message, channel, esp_event, from_domain):
    provider = settings.INBOUND_EMAIL_PROVIDER
    if esp_event is None or channel.lower().replace(" ", "_") != provider:
        return []
    reader = PROVIDERS.get(provider)
    return reader(message, esp_event, from_domain) if reader else []


def _described(checks):
    return ", ".join(f"{check.method}={check.result or '?'} ({check.by})" for check in checks)


def verdict(message, sender, *, channel, esp_event=None):
    """Whether the message is authenticated for the domain of `sender` (its From address)."""
    from_domain = _domain(sender)
    checks = _trusted_results(message) + _provider_results(message, channel, esp_event, from_domain)
    passed = [check for check in checks if _passes(check, from_domain)]
    if passed:
        return Verdict(True, _described(passed))
    if not checks:
        return Verdict(False, _("no verdict from our mail server or provider"))
    return Verdict(
        False,
        _("no pass for %(domain)s: %(checks)s")
        % {"domain": from_domain, "checks": _described(checks)},
    )
