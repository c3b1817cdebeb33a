"""The demo topic "Ordering" and its articles."""

from .markup import callout, questions, steps, text

TOPIC = {
    "slug": "ordering",
    "title": "Ordering",
    "icon": "basket",
    "description": "Placing, changing and repeating orders, cut-off times and minimums.",
    "category": "Order issue",
    "articles": [
        {
            "slug": "place-an-order",
            "title": "How to place an order",
            "summary": "Step by step: find products, check prices and stock, choose a "
            "delivery window and confirm.",
            "tags": ["ordering", "basics"],
            "votes": (22, 2, ["It would help to know how to order for two locations at once."]),
            "related": ["cut-off-times", "standing-orders"],
            "body": [
                steps(
                    (
                        "Sign in",
                        "<p>Use your email and password, or ask for a one-time code by email.</p>",
                    ),
                    (
                        "Add products",
                        "<p>Search by name or browse by aisle. Use "
                        "<strong>Reorder</strong> on a past order to copy all of its lines "
                        "into your cart.</p>",
                    ),
                    (
                        "Review your cart",
                        "<p>Quantities are in selling units: a case, a "
                        "sack, a bunch. Items that are short in stock show the quantity we can "
                        "promise.</p>",
                    ),
                    (
                        "Choose a delivery window",
                        "<p>Pick the day and a two-hour window. "
                        "Windows that are full are greyed out.</p>",
                    ),
                    (
                        "Confirm",
                        "<p>You get a confirmation email with the order number "
                        "(for example LT-10421) straight away.</p>",
                    ),
                ),
                callout(
                    "info",
                    "Substitutions",
                    "<p>If an item runs out after you order, we substitute the closest "
                    "product at the same or a lower price, unless you untick "
                    "<em>Allow substitutions</em> on the order.</p>",
                ),
            ],
        },
        {
            "slug": "cut-off-times",
            "title": "Order cut-off times",
            "summary": "Orders placed before 10pm are delivered the next day. Sunday "
            "orders and holiday weeks work a little differently.",
            "tags": ["ordering", "cut-off", "delivery"],
            "review_in_days": -12,
            "body": [
                text(
                    "<p>The cut-off for next-day delivery is <strong>10pm</strong>, every "
                    "day from Sunday to Thursday. Orders placed after 10pm are delivered the "
                    "day after next.</p>"
                    "<h2>Weekends</h2>"
                    "<p>We deliver Monday to Saturday. Orders placed on Friday after 10pm or "
                    "on Saturday are delivered on Monday.</p>"
                ),
                callout(
                    "warning",
                    "Specialty items",
                    "<p>Whole fish, specialty cheeses and some imported goods need 48 "
                    "hours' notice; the product page says so under the price.</p>",
                ),
            ],
        },
        {
            "slug": "change-or-cancel-an-order",
            "title": "Changing or cancelling an order",
            "summary": "You can change quantities, add items or cancel an order until the "
            "cut-off time the evening before delivery.",
            "tags": ["ordering", "cancel"],
            "related": ["cut-off-times"],
            "body": [
                text(
                    "<p>Open <strong>Orders</strong>, choose the order and select "
                    "<strong>Edit</strong>. You can change quantities, add or remove lines "
                    "and move the delivery window until 10pm the evening before.</p>"
                    "<p>To cancel, choose <strong>Cancel order</strong>. Nothing is charged "
                    "for a cancelled order.</p>"
                    "<h2>After the cut-off</h2>"
                    "<p>Once we start picking your order we can no longer change it online. "
                    "Contact support as early as you can: we can often still remove an "
                    "item or refuse it at the door with a full credit.</p>"
                ),
            ],
        },
        {
            "slug": "standing-orders",
            "title": "Setting up a standing order",
            "summary": "Have the same products delivered every week without reordering. "
            "Pause or change a standing order at any time.",
            "tags": ["ordering", "standing order"],
            "votes": (9, 3, ["Can I skip one week without pausing everything?"]),
            "body": [
                steps(
                    (
                        "Start from a cart or a past order",
                        "<p>Add what you need every week, "
                        "then choose <strong>Make this a standing order</strong>.</p>",
                    ),
                    (
                        "Pick the days",
                        "<p>Choose one or more delivery days and a window for each.</p>",
                    ),
                    (
                        "Check each week",
                        "<p>Every standing order becomes a normal order two "
                        "days before delivery, so you can still adjust that week's "
                        "quantities.</p>",
                    ),
                ),
                questions(
                    (
                        "Can I skip a week?",
                        "<p>Yes. Open the standing order and choose "
                        "<strong>Skip</strong> next to the date.</p>",
                    ),
                    (
                        "What if a product is discontinued?",
                        "<p>We email you a week ahead "
                        "with a suggested replacement; nothing changes until you accept "
                        "it.</p>",
                    ),
                ),
            ],
        },
        {
            "slug": "minimum-order-and-fees",
            "title": "Minimum order value and delivery fees",
            "summary": "Delivery is free above $150. Below that, a $12 fee applies; the "
            "minimum order is $60.",
            "tags": ["ordering", "fees"],
            "body": [
                text(
                    "<p>The minimum order is <strong>$60</strong> before tax. Orders of "
                    "<strong>$150</strong> or more are delivered free; smaller orders pay "
                    "a $12 delivery fee.</p>"
                    "<p>Early windows (5am to 7am) carry a $5 surcharge on orders under "
                    "$300, because they need an extra driver on most routes.</p>"
                ),
            ],
        },
    ],
}
