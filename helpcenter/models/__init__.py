from .contact import ContactFormField, ContactPage
from .home import HomePage

__all__ = ["ContactFormField", "ContactPage", "HomePage"]
