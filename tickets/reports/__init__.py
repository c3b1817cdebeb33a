"""Support reports in the Wagtail admin: volume, status, response times and SLA, satisfaction,
agents and categories, for a period and filters. The figures are database aggregates
(figures.py) over the measures defined once in measures.py."""
