"""The tickets app's models, a module per concept; import them from here."""

from .catalog import CannedResponse, Category
from .deflection import Deflection
from .feedback import Feedback
from .messages import Attachment, Message
from .notifications import EmailDelivery, InboundEmail, Notification
from .orders import Order, OrderLine
from .sla import BusinessHours, Holiday, SLAPolicy
from .tickets import Ticket, TicketCounter, TicketReadState

__all__ = [
    "Attachment",
    "BusinessHours",
    "CannedResponse",
    "Category",
    "Deflection",
    "EmailDelivery",
    "Feedback",
    "Holiday",
    "InboundEmail",
    "Message",
    "Notification",
    "Order",
    "OrderLine",
    "SLAPolicy",
    "Ticket",
    "TicketCounter",
    "TicketReadState",
]
