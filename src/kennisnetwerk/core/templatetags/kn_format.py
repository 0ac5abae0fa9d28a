"""Template filters for the one formatting helper (``core.formatting``):

    {{ initiative.budget|kn_money }}          € 250.000,50
    {{ figure|kn_number }}  {{ x|kn_number:1 }}  1.250 · 12,5
    {{ action.deadline|kn_date }}             7 dec. 2026
    {{ session.starts_at|kn_date:"long" }}    7 december 2026 ("full": maandag 7 december 2026)
    {{ session.starts_at|kn_datetime:"full" }} maandag 7 december 2026, 14:30
    {{ session.ends_at|kn_time }}             16:00
    {{ c.people|kn_count:"person" }}          1 persoon · 2 personen
    {{ share|kn_percent }}                    45 %

An empty value gives "—", so ``|default:"—"`` is not needed."""

from django import template

from kennisnetwerk.core import formatting

register = template.Library()


@register.filter
def kn_money(value):
    return formatting.format_money(value)


@register.filter
def kn_number(value, decimals=None):
    return formatting.format_number(value, None if decimals in (None, "") else int(decimals))


@register.filter
def kn_percent(value, decimals=0):
    return formatting.format_percent(value, int(decimals))


@register.filter
def kn_date(value, style="short"):
    return formatting.format_date(value, style)


@register.filter
def kn_datetime(value, style="short"):
    return formatting.format_datetime(value, style)


@register.filter
def kn_time(value):
    return formatting.format_time(value)


@register.filter
def kn_count(value, noun):
    return formatting.format_count(value, noun)
