"""Personal API tokens moved to Wagtail's APIToken (wagtailcore_apitoken).

Our table kept an unkeyed SHA-256 of each secret; Wagtail keeps an HMAC keyed with SECRET_KEY, which
cannot be computed without the secret, so the old tokens cannot be carried over: they are dropped
and their owners make new ones (docs/api.md).
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0005_api_tokens"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.DeleteModel(name="PersonalAPIToken"),
    ]
