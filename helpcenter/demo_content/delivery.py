"""The demo topic "Delivery" and its articles."""

from .markup import callout, code, text

TOPIC = {
    "slug": "delivery",
    "title": "Delivery",
    "icon": "truck",
    "description": "Delivery windows, tracking the driver, instructions and missed drops.",
    "category": "Delivery problem",
    "articles": [
        {
            "slug": "delivery-windows",
            "title": "Delivery windows explained",
            "summary": "Every delivery arrives within the two-hour window you chose. "
            "Here is how windows work and what happens when a driver runs late.",
            "tags": ["delivery", "window"],
            "votes": (31, 4, ["Please add more windows after 2pm for bars."]),
            "review_in_days": 20,
            "related": ["track-your-delivery", "missed-delivery"],
            "body": [
                text(
                    "<p>You choose a two-hour window for each delivery, between 5am and "
                    "3pm. The driver arrives at any time inside it; you get a text with a "
                    "30-minute estimate when they are two stops away.</p>"
                    "<h2>When a driver runs late</h2>"
                    "<p>If traffic or a long stop pushes the driver past your window, you "
                    "get a text with the new arrival time. Deliveries more than an hour "
                    "late are free: the delivery fee is credited automatically.</p>"
                ),
                callout(
                    "success",
                    "Tip",
                    "<p>Choose a window that ends at least an hour before your prep "
                    "starts. Fridays and the days before holidays are the busiest.</p>",
                ),
            ],
        },
        {
            "slug": "track-your-delivery",
            "title": "Tracking your delivery",
            "summary": "Follow your driver on a map on the day of delivery, and get texts "
            "when they are close.",
            "tags": ["delivery", "tracking"],
            "body": [
                text(
                    "<p>On the day of delivery, open the order and choose <strong>Track"
                    "</strong>. The map shows the driver's position and the stops before "
                    "yours.</p><p>Texts go to the phone number on your delivery address. "
                    "To send them to someone else, edit the address and change its "
                    "contact phone.</p>"
                ),
            ],
        },
        {
            "slug": "delivery-instructions",
            "title": "Leaving instructions for drivers",
            "summary": "Tell drivers about back entrances, loading bays, gate codes or "
            "where to leave goods when you are closed.",
            "tags": ["delivery", "instructions"],
            "body": [
                text(
                    "<p>Each delivery address has an <strong>Instructions</strong> field "
                    "that every driver sees on arrival. Good instructions say where to park, "
                    "which door to use and who signs for the order.</p>"
                ),
                callout(
                    "warning",
                    "Unattended deliveries",
                    "<p>We only leave chilled or frozen goods unattended in a cold room or "
                    "a lockable fridge you have told us about. Otherwise the driver calls "
                    "you and waits up to ten minutes.</p>",
                ),
                code(
                    "text",
                    "Example:\nUse the alley entrance behind the bakery, ring the bell.\n"
                    "Gate code 4821. Chilled goods in the walk-in on the left.",
                ),
            ],
        },
        {
            "slug": "missed-delivery",
            "title": "What happens if you miss a delivery",
            "summary": "If nobody can receive the order, the driver calls you, waits ten "
            "minutes, then takes it back. You can ask for a redelivery the same day.",
            "tags": ["delivery", "missed"],
            "body": [
                text(
                    "<p>If nobody answers the door, the driver calls the contact number "
                    "and waits ten minutes. After that, dry goods can be left in a safe "
                    "place you have named; chilled and frozen goods go back to the "
                    "depot.</p><h2>Redelivery</h2><p>Call or message support before 1pm "
                    "for a same-day redelivery ($15), or choose a window the next day at no "
                    "charge. Goods that went back to the depot are not charged.</p>"
                ),
            ],
        },
        {
            "slug": "holiday-delivery-schedule",
            "title": "Holiday delivery schedule",
            "summary": "Which days we deliver around public holidays, and the earlier "
            "cut-offs that apply the week before.",
            "tags": ["delivery", "holidays", "cut-off"],
            "scheduled_in_days": 7,
            "body": [
                text(
                    "<p>We deliver on every public holiday except New Year's Day, "
                    "Thanksgiving and Christmas Day. In holiday weeks the cut-off moves to "
                    "<strong>6pm</strong>, two days before delivery.</p>"
                ),
            ],
        },
    ],
}
