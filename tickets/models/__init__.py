from .catalog import CannedResponse, Category
from .deflection import Deflection
from .feedback import Feedback
from .messages import Attachment, Message
from .orders import Order, OrderLine
from .tickets import Ticket, TicketCounter, TicketReadState

__all__ = [
    "Attachment",
    "CannedResponse",
    "Category",
    "Deflection",
    "Feedback",
    "Message",
    "Order",
    "OrderLine",
    "Ticket",
    "TicketCounter",
    "TicketReadState",
]
