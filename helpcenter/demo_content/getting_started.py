"""The demo topic "Getting started" and its articles."""

from .markup import callout, steps, text

TOPIC = {
    "slug": "getting-started",
    "title": "Getting started",
    "icon": "book",
    "description": "How ordering, delivery and billing work, from your first order on.",
    "category": "General inquiry",
    "articles": [
        {
            "slug": "how-the-service-works",
            "title": "How the service works",
            "summary": "Order by 10pm, get a two-hour delivery window the next day, pay by "
            "card or on account. The basics in two minutes.",
            "tags": ["basics"],
            "votes": (14, 1, []),
            "body": [
                text(
                    "<p>We deliver fresh produce, meat, dairy, dry goods and packaging to "
                    "restaurants, cafés and independent shops. You order online or in the "
                    "app, choose a two-hour delivery window, and a driver brings everything "
                    "to your door, chilled goods in insulated crates.</p>"
                    "<h2>A typical week</h2>"
                    "<p>Most customers place one or two orders a week and set up a "
                    '<a href="/ordering/standing-orders/">standing order</a> for the '
                    "things they always need, like limes, onions or to-go boxes. Orders "
                    "placed before 10pm arrive the next day; anything later goes out the "
                    "day after.</p>"
                ),
                steps(
                    (
                        "Build your order",
                        "<p>Search the catalogue or reorder from a past "
                        "order. Prices shown are what you pay, before tax.</p>",
                    ),
                    (
                        "Choose a delivery window",
                        "<p>Pick any two-hour window between 5am "
                        "and 3pm. Early windows fill up first on Fridays.</p>",
                    ),
                    (
                        "Check it in",
                        "<p>When the driver arrives, count the cases and check "
                        "chilled items before signing. Anything missing or damaged? Report it "
                        "the same day for a credit.</p>",
                    ),
                ),
                callout(
                    "success",
                    "New here?",
                    "<p>Your first three deliveries are free, whatever the order value.</p>",
                ),
            ],
        },
        {
            "slug": "delivery-area",
            "title": "Where we deliver",
            "summary": "We deliver across the city and the inner suburbs. Check whether "
            "your address is covered and what to do if it is not yet.",
            "tags": ["delivery", "basics"],
            "body": [
                text(
                    "<p>We deliver to every address inside the city limits and to the "
                    "suburbs within 25 miles of our depot. Enter your ZIP code on the sign-up "
                    "page to check a specific address.</p>"
                    "<h2>If you are just outside the area</h2>"
                    "<p>We add new routes every few months, starting with the areas where "
                    "most customers ask. Contact support with your address and we will "
                    "tell you when a route reaches you. Customers on a route's edge may get "
                    "fewer delivery windows to choose from.</p>"
                ),
            ],
        },
    ],
}
