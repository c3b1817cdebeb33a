"""The demo topic "Account and team members" and its articles."""

from .markup import callout, steps, text

TOPIC = {
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
            "summary": "Close your account yourself from your account page: we erase your "
            "details, messages and files. Invoices stay, as tax law requires.",
            "tags": ["account"],
            "body": [
                text(
                    "<p>Cancel any standing orders first: we send a final invoice for "
                    "outstanding deliveries and refund any remaining credit.</p>"
                    "<h2>Close the account yourself</h2><ol><li>Sign in and open "
                    "<strong>Your details</strong> (your account page).</li><li>Under "
                    "<strong>Close my account</strong>, choose the button and enter your "
                    "password again (or sign in once more, if you use a one-time code), so "
                    "we know it is you.</li><li>Read what closing does, "
                    "tick the box and choose <strong>Close my account for good</strong>."
                    "</li></ol><p>You are signed out straight away and can no longer sign "
                    "in. If you want a copy of your data, download it from your account "
                    "page before you close it.</p>"
                    "<h2>What we erase and what we keep</h2><p>We erase your name, email "
                    "addresses, phone number and business name, what you wrote in your "
                    "tickets and the files you sent, and the emails and notifications we "
                    "kept for you. Your tickets' numbers, dates and ratings stay, with no "
                    "name on them, so our service figures still add up. This cannot be "
                    "undone.</p><p>We keep invoices for seven years, as tax law requires. "
                    "Can't sign in any more? Contact support and ask us to erase your "
                    "account: a support admin does the same for you.</p>"
                ),
            ],
        },
    ],
}
