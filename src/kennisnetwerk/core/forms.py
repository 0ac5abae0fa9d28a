from django import forms
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .models import AuditAction, AuditLogEntry


class AuditLogFilterForm(forms.Form):
    q = forms.CharField(label=_("Object"), required=False)
    actor = forms.CharField(label=_("Actor"), required=False)
    action = forms.ChoiceField(
        label=_("Action"), required=False, choices=[("", _("All actions")), *AuditAction.choices]
    )
    object_type = forms.ModelChoiceField(
        label=_("Object type"),
        required=False,
        queryset=ContentType.objects.none(),
        empty_label=_("All object types"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        used = AuditLogEntry.objects.values("content_type").distinct()
        self.fields["object_type"].queryset = ContentType.objects.filter(pk__in=used).order_by(
            "model"
        )


def add_service_errors(form: forms.Form, error: ValidationError) -> None:
    """Show a service's ``ValidationError`` on the form: errors about a field of the form at
    that field, the others above the form."""
    if hasattr(error, "error_dict"):
        for name, errors in error.message_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error)
