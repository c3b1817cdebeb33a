"""A mail provider that is down for its first N sends, then delivers to Django's test outbox."""

from django.core.mail.backends.locmem import EmailBackend


class ProviderDown(Exception):
    pass


class FlakyEmailBackend(EmailBackend):
    """Every connection shares one outage: set `failures_left` before the test, read `calls`."""

    failures_left = 0
    calls = 0

    @classmethod
    def reset(cls, failures):
        cls.failures_left, cls.calls = failures, 0

    def send_messages(self, messages):
        cls = type(self)
        cls.calls += 1
        if cls.failures_left > 0:
            cls.failures_left -= 1
            raise ProviderDown("503 Service Unavailable: try again later")
        return super().send_messages(messages)
