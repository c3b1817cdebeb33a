"""The demo FAQ page, its answers, and reader activity for the reports."""

FAQ_PAGE = {
    "slug": "faq",
    "title": "Frequently asked questions",
    "intro": "<p>Short answers to the questions our support team hears most.</p>",
}

# (category, question, answer, active)
FAQ_ITEMS = [
    (
        "Ordering",
        "What is the cut-off for next-day delivery?",
        "<p>10pm, Sunday to Thursday. Friday-night and Saturday orders arrive on Monday.</p>",
        True,
    ),
    (
        "Ordering",
        "Is there a minimum order?",
        "<p>Yes, $60 before tax. Delivery is free from $150.</p>",
        True,
    ),
    (
        "Ordering",
        "Can I change an order after placing it?",
        "<p>Yes, until 10pm the evening before delivery, from the order page.</p>",
        True,
    ),
    (
        "Ordering",
        "Do you substitute out-of-stock items?",
        "<p>Only with the closest product at the same or a lower price, and only if you allow "
        "substitutions on the order.</p>",
        True,
    ),
    (
        "Ordering",
        "Can I order by phone?",
        "<p>Not any more: online and app orders let us confirm stock and prices instantly.</p>",
        False,
    ),
    (
        "Delivery",
        "How long is a delivery window?",
        "<p>Two hours, between 5am and 3pm, Monday to Saturday.</p>",
        True,
    ),
    (
        "Delivery",
        "What if the driver is late?",
        "<p>You get a text with the new time. More than an hour late, and the delivery fee is "
        "credited automatically.</p>",
        True,
    ),
    (
        "Delivery",
        "Can you leave my order if I'm closed?",
        "<p>Dry goods, yes, in a safe place you name. Chilled and frozen goods only in a cold "
        "room or lockable fridge we know about.</p>",
        True,
    ),
    ("Delivery", "Do you deliver on Sundays?", "<p>No, Monday to Saturday only.</p>", True),
    (
        "Problems with an order",
        "Something is missing. What do I do?",
        "<p>Report it on the order page the same day. You choose a credit or a redelivery.</p>",
        True,
    ),
    (
        "Problems with an order",
        "How do I get a refund for damaged goods?",
        "<p>Refuse them at the door, or report them within 24 hours with a photo. You get a "
        "credit, or a refund to your card if you ask.</p>",
        True,
    ),
    (
        "Problems with an order",
        "Chilled goods arrived warm. Should I accept them?",
        "<p>No. Above 41°F, refuse them; we credit and replace them on the next route.</p>",
        True,
    ),
    (
        "Payments",
        "When is my card charged?",
        "<p>When the order is delivered, for what actually arrived.</p>",
        True,
    ),
    (
        "Payments",
        "How long does a refund take?",
        "<p>3 to 5 business days to a card, up to 7 for ACH. Account credits are instant.</p>",
        True,
    ),
    (
        "Payments",
        "Can I pay by invoice?",
        "<p>Approved customers can pay on account with monthly statements and 30-day terms. "
        "Ask support to apply.</p>",
        True,
    ),
    (
        "Account",
        "How do I add a colleague?",
        "<p>Account, Team, Invite. Choose whether they order, receive deliveries or manage "
        "everything.</p>",
        True,
    ),
    (
        "Account",
        "I didn't get my sign-in code.",
        "<p>Check spam, wait a couple of minutes, then ask for a new code. Codes expire after "
        "15 minutes.</p>",
        True,
    ),
    (
        "Account",
        "Can one account have several locations?",
        "<p>Yes. Add each address under Account, Delivery addresses.</p>",
        True,
    ),
]

FAQ_CATEGORIES = ["Ordering", "Delivery", "Problems with an order", "Payments", "Account"]

# (query, days ago, searches, searches without results)
SEARCHES = [
    ("refund", 1, 14, 0),
    ("delivery window", 1, 9, 0),
    ("missing items", 2, 8, 0),
    ("invoice", 3, 7, 0),
    ("cut off", 2, 5, 0),
    ("pallet return", 1, 4, 4),
    ("alcohol licence", 4, 3, 3),
    ("gift card", 6, 2, 2),
    ("standing order", 5, 4, 0),
    ("team", 8, 2, 0),
]

# Ticket category name -> slug of the topic it points customers to (set when not set yet).
CATEGORY_TOPICS = {
    "Order issue": "ordering",
    "Product quality": "missing-or-damaged-items",
    "Delivery problem": "delivery",
    "Payment issue": "payments-and-invoices",
    "Account support": "account-and-team",
    "General inquiry": "getting-started",
}
