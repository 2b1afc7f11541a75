"""``{% review_queue_panel %}``: what awaits review, on the admin home (templates/admin/index.html)."""

from django import template

from config.editorial.review_queue import PANEL_LENGTH, review_queue

register = template.Library()


@register.inclusion_tag("admin/editorial/review_queue_panel.html", takes_context=True)
def review_queue_panel(context):
    queue = review_queue(context["request"].user, PANEL_LENGTH)
    return {"queue": queue, "more": queue.count > len(queue.items)}
