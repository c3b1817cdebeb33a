"""The demo tickets: who wrote, about what, and what happened next (played by tickets.demo)."""

from ..choices import Priority, Status

# (customer, subject, description, category, priority, justification, order index, story)
# A story is a list of steps: ("reply"|"note", who, body), ("status", status, reason),
# ("assign", agent), ("confirm",), ("rate", stars, comment).
TICKETS = [
    (
        "customer",
        "Missing avocados from this morning's delivery",
        "Our 6am delivery arrived without the case of avocados we ordered. We need them for lunch "
        "service today; can someone send them out or credit us?",
        "Order issue",
        Priority.HIGH,
        "We run out of guacamole by noon without them.",
        0,
        [
            ("assign", "agent"),
            (
                "reply",
                "agent",
                "I'm sorry about that. The case was left at the "
                "depot; a driver is bringing it now and should be with you by 10:30.",
            ),
            ("reply", "customer", "Thanks, it just arrived."),
            ("status", Status.RESOLVED, "Replacement delivered"),
            ("confirm",),
            ("rate", 5, "Fast and friendly, thank you!"),
        ],
    ),
    (
        "customer",
        "Tomatoes arrived bruised",
        "About a third of the Roma tomatoes in the case were bruised and soft. Photos attached in "
        "my next message if needed.",
        "Product quality",
        Priority.MEDIUM,
        "",
        1,
        [
            ("assign", "agent2"),
            ("reply", "agent2", "Could you send a photo of the case label? Then I can refund you."),
            ("status", Status.WAITING_ON_CUSTOMER, "Asked for photos"),
        ],
    ),
    (
        "customer",
        "Invoice shows the wrong tax rate",
        "Invoice for last week's orders applies 10.25% tax on items that should be tax-exempt "
        "(unprepared food). Please correct it.",
        "Payment issue",
        Priority.MEDIUM,
        "",
        None,
        [
            ("assign", "agent"),
            (
                "note",
                "agent",
                "Checked with finance: the exemption flag was off on "
                "this account since the migration.",
            ),
            (
                "reply",
                "agent",
                "You're right, the exemption was missing. A corrected invoice is on its way.",
            ),
            ("status", Status.RESOLVED, "Corrected invoice sent"),
            ("rate", 4, "Sorted, but it took a couple of days."),
        ],
    ),
    (
        "customer",
        "Can I add a second delivery address?",
        "We're opening a second location next month. Can both addresses live on one account?",
        "Account support",
        Priority.LOW,
        "",
        None,
        [
            (
                "reply",
                "agent2",
                "Yes! Go to Account, Delivery addresses and add the new one. Each order "
                "then asks which address to deliver to.",
            ),
            ("status", Status.RESOLVED, "Answered"),
            ("confirm",),
        ],
    ),
    (
        "customer",
        "Driver could not find our back entrance",
        "The driver called three times and ended up leaving the order at the front door during "
        "service. Can you add a note about the alley entrance?",
        "Delivery problem",
        Priority.MEDIUM,
        "",
        2,
        [
            ("assign", "agent"),
            (
                "reply",
                "agent",
                "I've added delivery instructions to your address: "
                "'Use the alley entrance behind the bakery, ring the bell.'",
            ),
            ("status", Status.CLOSED, "Instructions added"),
        ],
    ),
    (
        "customer",
        "Card payment declined but money was taken",
        "My card was charged $312.40 but the order says payment failed. Please check before we "
        "get charged twice.",
        "Payment issue",
        Priority.URGENT,
        "Our account is nearly overdrawn and payroll is tomorrow.",
        3,
        [
            ("assign", "agent"),
            (
                "note",
                "agent",
                "Payment provider shows an authorisation hold, not a "
                "capture. It should drop off in 1-3 days.",
            ),
        ],
    ),
    (
        "customer",
        "Question about the holiday schedule",
        "Will you deliver on the Friday after "
        "Thanksgiving? We're open that day and need a produce drop.",
        "General inquiry",
        Priority.LOW,
        "",
        None,
        [],
    ),
    (
        "customer",
        "Chicken thighs delivered above safe temperature",
        "The chicken arrived at 46°F according to our probe thermometer. We refused it; please "
        "credit the order and tell us when a replacement can come.",
        "Product quality",
        Priority.URGENT,
        "Food safety: we can't serve it.",
        4,
        [
            ("assign", "agent2"),
            (
                "reply",
                "agent2",
                "Thank you for refusing it. Credit issued and a "
                "replacement is on tomorrow's first route.",
            ),
        ],
    ),
    (
        "customer",
        "Want to change standing order quantities",
        "Please change our standing Tuesday order from 2 to 3 cases of limes.",
        "Order issue",
        Priority.LOW,
        "",
        None,
        [
            ("reply", "agent", "Done: from next Tuesday you'll get 3 cases."),
            ("status", Status.RESOLVED, "Updated"),
            ("reply", "customer", "Actually, can we make it 4 for the first week only?"),
        ],
    ),
    (
        "customer",
        "Login code email takes a long time",
        "The sign-in code email sometimes takes 5+ minutes to arrive. Is there a way to use a "
        "password instead?",
        "Account support",
        Priority.LOW,
        "",
        None,
        [
            (
                "reply",
                "agent2",
                "You can set a password under Account, Password. Codes should arrive in "
                "seconds; we're checking with our email provider.",
            ),
            ("status", Status.WAITING_ON_CUSTOMER, "Suggested a password"),
        ],
    ),
    (
        "customer2",
        "Wrong brand of rice delivered",
        "We ordered basmati but received jasmine rice. Can you swap it on the next delivery?",
        "Order issue",
        Priority.MEDIUM,
        "",
        6,
        [
            ("assign", "agent"),
            (
                "reply",
                "agent",
                "Sorry about the mix-up! The swap is booked on "
                "Thursday's delivery; the driver will collect the jasmine rice.",
            ),
            ("status", Status.RESOLVED, "Swap booked"),
            ("rate", 3, "Fine, but this is the second time."),
        ],
    ),
    (
        "customer2",
        "Need copies of last quarter's invoices",
        "Our accountant needs all invoices from July to September as PDFs.",
        "Payment issue",
        Priority.LOW,
        "",
        None,
        [
            (
                "reply",
                "agent",
                "I've emailed a ZIP with all 13 invoices to the billing address on file.",
            ),
            ("status", Status.CLOSED, "Sent invoices"),
        ],
    ),
    (
        "customer2",
        "Delivery arrived two hours late",
        "Our window was 7-9am and the truck came at 11:10. "
        "We had to buy produce at retail to open.",
        "Delivery problem",
        Priority.HIGH,
        "We lost sales and had to buy stock elsewhere.",
        7,
        [
            ("assign", "agent"),
            ("note", "agent", "Route 14 had a breakdown. Offer the retail receipts as credit."),
            (
                "reply",
                "agent",
                "I'm sorry. The truck broke down on the way. If you send "
                "the receipts for what you bought, we'll credit the full amount.",
            ),
            ("status", Status.WAITING_ON_CUSTOMER, "Waiting for receipts"),
        ],
    ),
    (
        "customer2",
        "How do substitutions work?",
        "When something is out of stock, do you substitute automatically or leave it out?",
        "General inquiry",
        Priority.LOW,
        "",
        None,
        [],
    ),
    (
        "customer2",
        "Milk expired two days after delivery",
        "The four gallons of whole milk had a best-by date only two days away. "
        "We expect at least a week.",
        "Product quality",
        Priority.MEDIUM,
        "",
        8,
        [("assign", "agent2"), ("status", Status.IN_PROGRESS, "Checking with the dairy")],
    ),
    (
        "customer2",
        "Add my manager as a user",
        "Can my store manager have her own login to place orders on our account?",
        "Account support",
        Priority.LOW,
        "",
        None,
        [("status", Status.IN_PROGRESS, "Looking into multi-user access")],
    ),
    (
        "customer2",
        "Refund not received yet",
        "You approved a $58.40 refund two weeks ago and it's still not on my card.",
        "Payment issue",
        Priority.HIGH,
        "It has been two weeks already.",
        None,
        [
            ("assign", "agent"),
            (
                "reply",
                "agent",
                "The refund was sent on the 3rd; banks can take up "
                "to 10 working days. Here's the reference: RF-22871.",
            ),
            ("status", Status.RESOLVED, "Refund reference given"),
            ("confirm",),
            ("rate", 2, "Still waiting, but thanks for the reference."),
        ],
    ),
    (
        "customer2",
        "Damaged box of to-go containers",
        "One of the packs of to-go boxes was crushed. Not urgent, just let us know.",
        "Order issue",
        Priority.LOW,
        "",
        9,
        [("assign", "agent")],
    ),
    (
        "applicant",
        "Question about becoming a driver",
        "I'd like to know if you hire delivery drivers part-time.",
        "General inquiry",
        Priority.LOW,
        "",
        None,
        [
            (
                "reply",
                "agent",
                "We do! Drivers apply through our careers page; support can't take "
                "applications here, I'm afraid.",
            ),
            ("status", Status.RESOLVED, "Pointed to careers page"),
            ("confirm",),
        ],
    ),
]


# More customers, so the queue looks like a real team's: (key, name, business).
MORE_CUSTOMERS = [
    ("golden.wok", "Mei Chen", "Golden Wok"),
    ("harbor.deli", "Tom Becker", "Harbor Deli"),
    ("casa.verde", "Lucia Romero", "Casa Verde Market"),
]

MORE_TICKETS = [
    (
        # Maria's manager at Lopez Taqueria: Maria sees it too (their organisation's switch).
        "manager",
        "Walk-in cooler door seal for the Tuesday drop",
        "General inquiry",
        Priority.LOW,
        [
            ("assign", "agent"),
            ("reply", "agent", "We can bring a seal on Tuesday's truck; the driver will fit it."),
        ],
    ),
    (
        "golden.wok",
        "Bok choy wilted on arrival",
        "Product quality",
        Priority.MEDIUM,
        [
            ("assign", "agent"),
            ("reply", "agent", "Sorry! Credit issued; we'll check the cold chain on your route."),
            ("status", Status.RESOLVED, "Credited"),
            ("rate", 4, ""),
        ],
    ),
    (
        "golden.wok",
        "Order confirmation never arrived",
        "Account support",
        Priority.LOW,
        [("status", Status.IN_PROGRESS, "Checking email logs")],
    ),
    (
        "golden.wok",
        "Charged a delivery fee on a free-delivery order",
        "Payment issue",
        Priority.MEDIUM,
        [("assign", "agent"), ("status", Status.WAITING_ON_CUSTOMER, "Asked for order number")],
    ),
    (
        "golden.wok",
        "Need an earlier delivery window on Saturdays",
        "Delivery problem",
        Priority.LOW,
        [],
    ),
    (
        "golden.wok",
        "Frying oil jug leaked in the van",
        "Order issue",
        Priority.HIGH,
        [
            ("assign", "agent"),
            ("reply", "agent", "Replacement is on its way, and we've credited the cleaning time."),
            ("status", Status.CLOSED, "Replaced"),
        ],
    ),
    (
        "harbor.deli",
        "Missing two cases of tomatoes",
        "Order issue",
        Priority.HIGH,
        [("assign", "agent"), ("status", Status.IN_PROGRESS, "Checking depot")],
    ),
    (
        "harbor.deli",
        "Can we pay by bank transfer?",
        "Payment issue",
        Priority.LOW,
        [
            (
                "reply",
                "agent",
                "Yes: the bank details are on every invoice. Use the invoice number as "
                "the reference.",
            ),
            ("status", Status.RESOLVED, "Answered"),
            ("confirm",),
            ("rate", 5, "Perfect."),
        ],
    ),
    (
        "harbor.deli",
        "Driver blocked our loading bay for an hour",
        "Delivery problem",
        Priority.MEDIUM,
        [("note", "agent", "Talk to the route lead about the drop time.")],
    ),
    (
        "harbor.deli",
        "Queso fresco past its date",
        "Product quality",
        Priority.URGENT,
        [
            ("assign", "agent"),
            (
                "reply",
                "agent",
                "Please don't use it; a fresh batch comes today and you've been credited.",
            ),
            ("status", Status.RESOLVED, "Credited and replaced"),
            ("rate", 5, "Great response time."),
        ],
    ),
    (
        "casa.verde",
        "Password reset link expired",
        "Account support",
        Priority.LOW,
        [
            ("reply", "agent2", "Links last three days; I've sent you a fresh one."),
            ("status", Status.RESOLVED, "Resent link"),
        ],
    ),
    ("casa.verde", "Price of limes went up without notice", "General inquiry", Priority.LOW, []),
    (
        "casa.verde",
        "Half the cilantro was yellow",
        "Product quality",
        Priority.MEDIUM,
        [
            ("assign", "agent2"),
            ("reply", "agent2", "Could you send a photo?"),
            ("status", Status.WAITING_ON_CUSTOMER, "Asked for a photo"),
        ],
    ),
    (
        "casa.verde",
        "Need invoices split per store",
        "Payment issue",
        Priority.MEDIUM,
        [("assign", "agent"), ("status", Status.IN_PROGRESS, "Talking to billing")],
    ),
    (
        "casa.verde",
        "Delivery left outside in the rain",
        "Delivery problem",
        Priority.HIGH,
        [
            ("assign", "agent"),
            (
                "reply",
                "agent",
                "That should never happen. We've credited the "
                "boxes that got wet and added a note to leave deliveries inside.",
            ),
            ("status", Status.CLOSED, "Credited"),
        ],
    ),
]
