"""The demo help desk's categories, tags, canned responses and macros, and the products its
orders hold."""

from decimal import Decimal

from ..choices import Priority, Status

CATEGORIES = [
    ("Order issue", "Missing, wrong or damaged items, changes to an order.", Priority.MEDIUM),
    ("Product quality", "Produce, meat or dairy that was not up to standard.", Priority.MEDIUM),
    ("Delivery problem", "Late, missed or misdelivered drops.", Priority.HIGH),
    ("Payment issue", "Invoices, card payments, refunds and credit.", Priority.MEDIUM),
    ("Account support", "Signing in, users, delivery addresses and settings.", Priority.LOW),
    ("General inquiry", "Anything else.", Priority.LOW),
]

# The agents' teams: (name, notification address, members by demo account), and the team each
# category's new tickets go to (product quality and general questions go to no team: anyone
# may pick them up).
TEAMS = [
    ("Orders & delivery", "orders@example.com", ("agent",)),
    ("Payments", "payments@example.com", ("agent",)),
    ("Accounts", "accounts@example.com", ("agent2",)),
]
CATEGORY_TEAMS = {
    "Order issue": "Orders & delivery",
    "Delivery problem": "Orders & delivery",
    "Payment issue": "Payments",
    "Account support": "Accounts",
}

# (name, colour)
TAGS = [
    ("damaged", "red"),
    ("driver", "blue"),
    ("food safety", "amber"),
    ("refund", "green"),
    ("invoices", "purple"),
    ("follow-up", "teal"),
]

# Demo tickets (by subject) and their tags.
# Who is copied on some demo tickets (a plain address, and an account: customer2 sees that ticket
# in the portal), and which agents follow one.
TICKET_CCS = {
    "Missing avocados from this morning's delivery": ("chef@lopeztaqueria.example",),
    "Invoice shows the wrong tax rate": ("customer2@example.com", "books@lopeztaqueria.example"),
}
TICKET_FOLLOWERS = {"Card payment declined but money was taken": ("admin",)}

TICKET_TAGS = {
    "Missing avocados from this morning's delivery": ("refund",),
    "Tomatoes arrived bruised": ("damaged", "refund"),
    "Invoice shows the wrong tax rate": ("invoices",),
    "Driver could not find our back entrance": ("driver",),
    "Chicken thighs delivered above safe temperature": ("food safety", "damaged"),
    "Need copies of last quarter's invoices": ("invoices",),
    "Delivery arrived two hours late": ("driver", "follow-up"),
    "Milk expired two days after delivery": ("food safety",),
    "Refund not received yet": ("refund", "follow-up"),
    "Damaged box of to-go containers": ("damaged",),
}

# Canned responses that are macros: title -> (status, tags to add).
MACRO_ACTIONS = {
    "Need photos of damaged goods": (Status.WAITING_ON_CUSTOMER, ("damaged",)),
    "Closing after no reply": (Status.RESOLVED, ()),
}

CANNED_RESPONSES = [
    (
        "Credit issued for missing items",
        "Hi {customer_name},\n\nI'm sorry some items were missing. I've issued a credit for "
        "them on your account; it will show on your next invoice. "
        "Reference: {ticket_number}.\n\n{agent_name}",
    ),
    (
        "Need photos of damaged goods",
        "Hi {customer_name},\n\nThanks for letting us know. Could you reply with a photo of the "
        "damaged items and the label on the case? That lets us claim it back from the supplier "
        "and refund you faster.\n\n{agent_name}",
    ),
    (
        "Delivery window explained",
        "Hi {customer_name},\n\nDeliveries arrive within the two-hour window you chose at "
        "checkout. "
        "If a driver is running late you'll get a text with a new arrival time.\n\n{agent_name}",
    ),
    (
        "Closing after no reply",
        "Hi {customer_name},\n\nWe haven't heard back about {ticket_subject}, so we'll mark "
        "this as "
        "resolved. Just reply if you still need help and the ticket reopens.\n\n{agent_name}",
    ),
]

PRODUCTS = [
    ("Roma tomatoes, 25 lb case", Decimal("28.50")),
    ("Yellow onions, 50 lb sack", Decimal("24.00")),
    ("Avocados, 48 count", Decimal("61.20")),
    ("Corn tortillas, 5 dozen", Decimal("9.75")),
    ("Chicken thighs, boneless, 40 lb", Decimal("96.00")),
    ("Queso fresco, 5 lb", Decimal("21.40")),
    ("Limes, 200 count", Decimal("38.00")),
    ("Cilantro, 30 bunches", Decimal("18.90")),
    ("Basmati rice, 40 lb", Decimal("44.00")),
    ("Whole milk, 4 gal", Decimal("19.60")),
    ("Frying oil, 35 lb jug", Decimal("52.30")),
    ("Paper to-go boxes, 200", Decimal("31.00")),
]
