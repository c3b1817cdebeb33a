"""Wagtail's sidebar, keyboard shortcuts dialog and scripts' configuration, kept
(supportsite.admin_chrome)."""

from django import template

from supportsite import admin_chrome

register = template.Library()


@register.simple_tag(takes_context=True)
def admin_sidebar(context):
    return admin_chrome.sidebar(context)


@register.simple_tag(takes_context=True)
def admin_shortcuts_dialog(context):
    return admin_chrome.shortcuts_dialog(context)


@register.simple_tag(takes_context=True)
def admin_config(context):
    return admin_chrome.wagtail_config(context)
