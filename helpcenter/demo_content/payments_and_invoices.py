"""The demo topic "Payments and invoices" and its articles."""

from .markup import callout, code, questions, text

TOPIC = {
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
}
