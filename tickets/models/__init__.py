"""The tickets app's models, a module per concept; import them from here."""

from .catalog import CannedResponse, Category
from .deflection import Deflection
from .feedback import Feedback
from .inbound_email import InboundEmail
from .messages import Attachment, Message
from .orders import Order, OrderLine
from .participants import TicketCC
from .saved_views import SavedView
from .sla import BusinessHours, Holiday, SLAPolicy
from .tags import Tag, TagColour
from .teams import Team
from .tickets import Ticket, TicketCounter, TicketReadState

__all__ = [
    "Attachment",
    "BusinessHours",
    "CannedResponse",
    "Category",
    "Deflection",
    "Feedback",
    "Holiday",
    "InboundEmail",
    "Message",
    "Order",
    "OrderLine",
    "SLAPolicy",
    "SavedView",
    "Tag",
    "TagColour",
    "Team",
    "Ticket",
    "TicketCC",
    "TicketCounter",
    "TicketReadState",
]
