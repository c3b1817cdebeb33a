"""Wagtail's sidebar and keyboard shortcuts dialog, kept (supportsite.admin_chrome)."""

from django import template

from supportsite import admin_chrome

register = template.Library()


@register.simple_tag(takes_context=True)
def admin_sidebar(context):
    return admin_chrome.sidebar(context)


@register.simple_tag(takes_context=True)
def admin_shortcuts_dialog(context):
    return admin_chrome.shortcuts_dialog(context)
