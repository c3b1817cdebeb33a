"""The demo topic "Missing, damaged or wrong items" and its articles."""

from .markup import callout, questions, steps, text

TOPIC = {
    "slug": "missing-or-damaged-items",
    "title": "Missing, damaged or wrong items",
    "icon": "box",
    "description": "What to do when something is missing, damaged, spoiled or not what "
    "you ordered.",
    "category": "Order issue",
    "articles": [
        {
            "slug": "report-missing-items",
            "title": "Reporting missing items",
            "summary": "Report missing items on the day of delivery from the order page. "
            "We credit them or bring them out on the next route.",
            "tags": ["missing items", "credit", "refund"],
            "votes": (
                27,
                6,
                [
                    "I couldn't find the report button on my phone.",
                    "Credit took three days to show up.",
                ],
            ),
            "related": ["damaged-or-spoiled-goods", "refunds-and-credits"],
            "body": [
                steps(
                    (
                        "Count the cases before signing",
                        "<p>The delivery note lists every "
                        "case. Write what is missing on the note and ask the driver to "
                        "initial it.</p>",
                    ),
                    (
                        "Report it on the order",
                        "<p>Open the order, choose <strong>Report a "
                        "problem</strong>, then <strong>Missing</strong>, and tick the lines. "
                        "You can do this until midnight on the day of delivery.</p>",
                    ),
                    (
                        "Choose a credit or a redelivery",
                        "<p>A credit appears on your "
                        "account straight away and on your next invoice. A redelivery comes "
                        "on the next route, usually the same afternoon.</p>",
                    ),
                ),
                callout(
                    "info",
                    "Reported late?",
                    "<p>Contact support with the order number. We check the depot's "
                    "loading photos and credit anything that did not leave the depot.</p>",
                ),
            ],
        },
        {
            "slug": "damaged-or-spoiled-goods",
            "title": "Damaged or spoiled goods",
            "summary": "Refuse damaged goods at the door, or report them within 24 hours "
            "with a photo. You get a full refund as a credit.",
            "tags": ["damaged", "quality", "refund", "credit"],
            "category": "Product quality",
            "votes": (18, 5, ["What counts as damaged for produce? Some bruising is normal."]),
            "review_in_days": -3,
            "body": [
                text(
                    "<p>You never pay for goods that arrive damaged or spoiled. The "
                    "quickest way is to refuse them at the door: the driver notes it and "
                    "the credit is automatic.</p><h2>Found it later?</h2><p>Report it "
                    "within 24 hours from the order page with a photo of the product and "
                    "of the case label. We refund the full price as a credit, or as a "
                    "refund to your card if you ask.</p>"
                ),
                questions(
                    (
                        "Do I need to keep the damaged goods?",
                        "<p>Keep them until we reply "
                        "(usually within a few hours). For food safety, dispose of anything "
                        "spoiled once you have photographed it.</p>",
                    ),
                    (
                        "Some bruising on produce: is that damage?",
                        "<p>Light marks on a "
                        "few pieces are normal. If more than about 10% of a case is unusable, "
                        "report it and we credit the whole case.</p>",
                    ),
                ),
            ],
        },
        {
            "slug": "cold-chain",
            "title": "Temperature-controlled products",
            "summary": "How we keep chilled and frozen goods cold, and what to do if "
            "something arrives above a safe temperature.",
            "tags": ["quality", "temperature", "food safety"],
            "category": "Product quality",
            "body": [
                text(
                    "<p>Chilled goods travel at 34–40°F and frozen goods at 0°F or below, "
                    "in insulated crates with ice packs. Drivers log the crate temperature "
                    "at each stop.</p>"
                ),
                callout(
                    "error",
                    "Food safety first",
                    "<p>If chilled meat, fish or dairy reads above 41°F with your probe "
                    "thermometer, refuse it. We credit it and send a replacement on the "
                    "next route.</p>",
                ),
            ],
        },
        {
            "slug": "wrong-items",
            "title": "Received the wrong item",
            "summary": "If we delivered a different product or size, we swap it on the "
            "next route and collect the wrong one.",
            "tags": ["wrong item", "refund"],
            "body": [
                text(
                    "<p>Report it from the order page under <strong>Report a problem"
                    "</strong>, <strong>Wrong item</strong>. Keep the wrong product "
                    "unopened: the next driver collects it and brings the right one. If you "
                    "used it anyway, we charge the lower of the two prices.</p>"
                ),
            ],
        },
    ],
}
