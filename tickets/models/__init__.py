from .catalog import CannedResponse, Category
from .deflection import Deflection
from .feedback import Feedback
from .messages import Attachment, Message
from .notifications import EmailDelivery, InboundEmail, Notification
from .orders import Order, OrderLine
from .tickets import Ticket, TicketCounter, TicketReadState

__all__ = [
    "Attachment",
    "CannedResponse",
    "Category",
    "Deflection",
    "EmailDelivery",
    "Feedback",
    "InboundEmail",
    "Message",
    "Notification",
    "Order",
    "OrderLine",
    "Ticket",
    "TicketCounter",
    "TicketReadState",
]
