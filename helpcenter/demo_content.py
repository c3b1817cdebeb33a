"""The demo help center's words: topics, articles and FAQ of a grocery delivery service for
restaurants and shops. Read by helpcenter.demo; the body helpers build StreamField raw data."""


def text(html):
    return {"type": "text", "value": html}


def callout(kind, title, html):
    return {"type": "callout", "value": {"kind": kind, "title": title, "text": html}}


def steps(*items):
    return {
        "type": "steps",
        "value": {"steps": [{"title": title, "text": html} for title, html in items]},
    }


def questions(*items):
    return {
        "type": "questions",
        "value": {"questions": [{"question": q, "answer": a} for q, a in items]},
    }


def code(language, source):
    return {"type": "code", "value": {"language": language, "code": source}}


# Each topic: slug, title, icon, description, ticket category of its articles, articles.
# Each article: slug, title, summary, tags, body, and optional flags: review_in_days (negative:
# already due), restricted, draft, scheduled_in_days, related (slugs), votes (yes, no, comments).
TOPICS = [
    {
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
    },
    {
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
                            "<p>Use your email and password, or ask for a one-time "
                            "code by email.</p>",
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
    },
    {
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
    },
    {
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
    },
    {
        "slug": "payments-and-invoices",
        "title": "Payments and invoices",
        "icon": "receipt",
        "description": "Payment methods, invoices, refunds and credits, tax exemption.",
        "category": "Payment issue",
        "articles": [
            {
                "slug": "payment-methods",
                "title": "Payment methods we accept",
                "summary": "Pay by card at checkout, by ACH direct debit, or on account with "
                "monthly invoices once approved.",
                "tags": ["payments", "card"],
                "body": [
                    text(
                        "<p>We accept Visa, Mastercard and American Express, and ACH direct "
                        "debit from a US bank account. Cards are charged when the order is "
                        "delivered, not when you place it: you only pay for what arrived.</p>"
                        "<p>Established customers can apply to pay on account; see "
                        '<a href="/payments-and-invoices/account-terms/">account terms</a> '
                        "(you need to be signed in to read it).</p>"
                    ),
                ],
            },
            {
                "slug": "refunds-and-credits",
                "title": "Refunds and credits: how long they take",
                "summary": "Credits appear on your account at once. Card refunds take 3 to 5 "
                "business days; ACH refunds up to 7.",
                "tags": ["refund", "credit", "payments"],
                "votes": (
                    24,
                    9,
                    [
                        "My refund took longer than 5 days.",
                        "Please explain the difference between a credit and a refund at the top.",
                    ],
                ),
                "related": ["report-missing-items", "understand-your-invoice"],
                "body": [
                    text(
                        "<p>When we owe you money, for missing or damaged items, a late "
                        "delivery or a pricing error, we give it back in one of two ways:</p>"
                        "<ul><li><strong>Account credit</strong>: appears at once and is "
                        "taken off your next invoice or card payment automatically.</li>"
                        "<li><strong>Refund</strong>: money back to the card or bank account "
                        "you paid with. Ask support for a refund instead of a credit at any "
                        "time.</li></ul>"
                        "<h2>How long a refund takes</h2>"
                        "<p>Card refunds reach you in 3 to 5 business days, ACH refunds in up "
                        "to 7. The refund shows on your statement with the order number.</p>"
                    ),
                    callout(
                        "warning",
                        "A pending charge is not a payment",
                        "<p>If a card payment failed but you see a pending amount, that is an "
                        "authorisation hold. It disappears by itself within 1 to 3 days and is "
                        "never collected.</p>",
                    ),
                ],
            },
            {
                "slug": "understand-your-invoice",
                "title": "Understanding your invoice",
                "summary": "What each line on your weekly invoice means: deliveries, credits, "
                "fees and tax.",
                "tags": ["invoice", "payments"],
                "votes": (7, 4, ["Invoice PDF is hard to read on mobile."]),
                "body": [
                    text(
                        "<p>Invoices are issued every Monday for the previous week's "
                        "deliveries. Each delivery is a section with its lines, followed by "
                        "credits, fees and the tax on taxable items.</p>"
                        "<h2>Credits</h2><p>Credits show as negative lines with the order they "
                        "relate to, so you can match them to what you reported.</p>"
                    ),
                    questions(
                        (
                            "Why is there tax on some food?",
                            "<p>Unprepared food is exempt, but "
                            "packaging, cleaning supplies and some drinks are taxable.</p>",
                        ),
                        (
                            "Can I get invoices per location?",
                            "<p>Yes: each delivery address "
                            "can have its own billing contact; see team members and "
                            "locations.</p>",
                        ),
                    ),
                ],
            },
            {
                "slug": "tax-exempt-purchases",
                "title": "Tax-exempt purchases",
                "summary": "Upload your resale or exemption certificate once and we stop "
                "charging sales tax on eligible items.",
                "tags": ["tax", "invoice"],
                "review_in_days": -30,
                "body": [
                    text(
                        "<p>Go to <strong>Account</strong>, <strong>Tax</strong> and upload your "
                        "certificate as a PDF. We check it within one business day; from then "
                        "on, eligible lines are invoiced without tax.</p><p>If an invoice "
                        "charged tax after your certificate was approved, contact support and "
                        "we issue a corrected invoice.</p>"
                    ),
                ],
            },
            {
                "slug": "export-invoices",
                "title": "Exporting invoices to your accounting software",
                "summary": "Download invoices as CSV for QuickBooks, Xero or a spreadsheet; "
                "here is the column layout.",
                "tags": ["invoice", "export", "accounting"],
                "body": [
                    text(
                        "<p>On <strong>Invoices</strong>, choose a date range and "
                        "<strong>Export CSV</strong>. Every line of every invoice becomes a row; "
                        "amounts are in dollars with two decimals.</p>"
                    ),
                    code(
                        "csv",
                        "invoice,date,order,product,quantity,unit_price,tax,amount\n"
                        'INV-2231,2026-11-02,LT-10421,"Limes, 200 count",2,38.00,0.00,76.00\n'
                        'INV-2231,2026-11-02,LT-10421,"Paper to-go boxes, 200",1,31.00,3.18,34.18',
                    ),
                ],
            },
            {
                "slug": "account-terms",
                "title": "Paying on account: terms and credit limits",
                "summary": "For approved customers: how net-30 terms, credit limits and "
                "statements work.",
                "tags": ["payments", "account terms"],
                "restricted": True,
                "body": [
                    text(
                        "<p>Customers on account receive one statement a month and pay within "
                        "30 days by ACH or check. Your credit limit is shown under "
                        "<strong>Account</strong>, <strong>Billing</strong>; orders that would "
                        "take you over it are held until a payment arrives.</p>"
                        "<h2>Raising your limit</h2><p>After six months of on-time payments you "
                        "can ask for a higher limit. Contact support with your expected monthly "
                        "spend.</p>"
                    ),
                ],
            },
        ],
    },
    {
        "slug": "account-and-team",
        "title": "Account and team members",
        "icon": "person",
        "description": "Signing in, team members, locations and account settings.",
        "category": "Account support",
        "articles": [
            {
                "slug": "team-members",
                "title": "Adding team members",
                "summary": "Invite your chefs and managers so they can order, receive "
                "deliveries or see invoices, each with the right permissions.",
                "tags": ["account", "team"],
                "votes": (11, 2, []),
                "body": [
                    steps(
                        (
                            "Open Account, Team",
                            "<p>Only the account owner and admins see this page.</p>",
                        ),
                        (
                            "Invite by email",
                            "<p>Enter their email and choose a role: "
                            "<strong>Orderer</strong> (places orders), <strong>Receiver</strong> "
                            "(signs for deliveries) or <strong>Admin</strong> (everything, "
                            "including invoices).</p>",
                        ),
                        (
                            "They accept",
                            "<p>They get an email, set a password and can start right away.</p>",
                        ),
                    ),
                    callout(
                        "info",
                        "Leaving staff",
                        "<p>Remove team members who leave on their last day: their access "
                        "stops at once and past orders keep their name.</p>",
                    ),
                ],
            },
            {
                "slug": "sign-in-with-a-code",
                "title": "Signing in with a one-time code",
                "summary": "No password? Ask for a code by email and sign in with it. Codes "
                "work once and expire after 15 minutes.",
                "tags": ["account", "sign in"],
                "body": [
                    text(
                        "<p>On the sign-in page, choose <strong>Send me a sign-in code"
                        "</strong>. Type the code from the email; it works once and expires "
                        "after 15 minutes.</p><p>If the email takes more than a few minutes, "
                        "check your spam folder and add support@example.com to your contacts. "
                        "You can also set a password under <strong>Account</strong>.</p>"
                    ),
                ],
            },
            {
                "slug": "delivery-addresses",
                "title": "Managing delivery addresses and locations",
                "summary": "Add every location you run to one account; each order asks which "
                "address to deliver to.",
                "tags": ["account", "locations", "delivery"],
                "category": "Account support",
                "body": [
                    text(
                        "<p>Go to <strong>Account</strong>, <strong>Delivery addresses</strong> "
                        "and add a location. Each address has its own delivery instructions, "
                        "contact phone and, if you like, its own billing contact.</p><p>Team "
                        "members can be limited to some locations, so a kitchen only sees its "
                        "own orders.</p>"
                    ),
                ],
            },
            {
                "slug": "notification-settings",
                "title": "Choosing which notifications you get",
                "summary": "Turn order, delivery and invoice emails and texts on or off for "
                "each team member.",
                "tags": ["account", "notifications"],
                "draft": True,
                "body": [
                    text(
                        "<p>Each team member chooses their own notifications under "
                        "<strong>Account</strong>, <strong>Notifications</strong>: order "
                        "confirmations, delivery texts, invoice emails.</p>"
                    ),
                ],
            },
            {
                "slug": "close-your-account",
                "title": "Closing your account",
                "summary": "Cancel standing orders, settle the last invoice and ask us to close "
                "the account. Your invoices stay downloadable for seven years.",
                "tags": ["account"],
                "body": [
                    text(
                        "<p>Cancel any standing orders first, then contact support and ask us "
                        "to close the account. We send a final invoice for outstanding "
                        "deliveries and refund any remaining credit.</p><p>We keep invoices "
                        "for seven years, as tax law requires; you can still download them by "
                        "asking support.</p>"
                    ),
                ],
            },
        ],
    },
]

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
