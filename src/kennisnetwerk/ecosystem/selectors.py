from django.db.models import QuerySet

from .models import Organisation


def organisation_list() -> QuerySet[Organisation]:
    return Organisation.objects.select_related("municipality")
