"""How much people may send with a ticket, and what the help desk sends back: each limit
defined here, once.

Models, forms, serializers, error messages and help texts all take their numbers from here; the
checks and their messages read them as they run (`limits.NAME`). docs/tickets.md, "Limits", lists
them with their values, and a test keeps that table true. A ticket's subject and description
lengths are the Ticket model's (tickets/models/tickets.py); a rating's comment length is the
Feedback model's.
"""

# The text of a reply or an internal note, in characters (the Message model's validators).
MESSAGE_MIN_LENGTH = 1
MESSAGE_MAX_LENGTH = 2000

# Why staff changed a ticket, in characters: the length of the history's change-reason column.
# Changing it needs a migration (makemigrations makes it).
REASON_MAX_LENGTH = 100
# A custom field's value (the contact form's extra fields), as staff correct it.
EXTRA_FIELD_MAX_LENGTH = 1000

# Files sent with one message or one new ticket, and the size of each, in megabytes (MiB).
MAX_FILES = 5
MAX_FILE_SIZE_MB = 10

# The largest picture a file may be once decoded, in megapixels (width × height / 1,000,000): what
# a browser shown it inline has to hold in memory, whatever the file's size.
MAX_IMAGE_MEGAPIXELS = 40

# New tickets one customer may open in an hour, by any way in (web, contact pages, API, email).
NEW_TICKETS_PER_HOUR = 10

# Replies one customer may send in an hour, by any way in (web, API, email); staff have no limit.
REPLIES_PER_HOUR = 30

# Receipts of new tickets an address nobody has confirmed may get in an hour (an account email
# intake made for a stranger, never signed in to). Those receipts never repeat what the ticket
# says; beyond the limit its tickets open without one, so the help desk relays no one's text.
UNCONFIRMED_RECEIPTS_PER_HOUR = 3

# People copied on one ticket (its CCs): the contact form, the ticket page, the admin, the API
# and email intake (the Cc addresses of a message beyond it are left out) stop here.
CC_MAX = 10
