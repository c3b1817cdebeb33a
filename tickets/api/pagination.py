from rest_framework.pagination import PageNumberPagination


class PageOf20(PageNumberPagination):
    """`?page=N`, 20 items a page, with `count`, `next` and `previous`."""

    page_size = 20
