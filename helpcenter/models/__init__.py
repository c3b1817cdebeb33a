"""The help center's page types and records, a module per concept; import them from here."""

from .articles import ArticlePage, ArticleTag, RelatedArticle
from .contact import ContactFormField, ContactPage
from .faq import FAQCategory, FAQItem, FAQPage
from .feedback import ArticleFeedback
from .home import HomePage
from .search_stats import DailySearchCount, UnansweredSearch
from .topics import TopicPage
from .vocabulary import SearchSynonym, SearchTerm

__all__ = [
    "ArticleFeedback",
    "ArticlePage",
    "ArticleTag",
    "ContactFormField",
    "ContactPage",
    "DailySearchCount",
    "FAQCategory",
    "FAQItem",
    "FAQPage",
    "HomePage",
    "RelatedArticle",
    "SearchSynonym",
    "SearchTerm",
    "TopicPage",
    "UnansweredSearch",
]
