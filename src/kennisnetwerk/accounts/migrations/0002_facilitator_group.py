"""The group through which network facilitators get their rights in the administration, with
every current facilitator in it."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Netwerkbegeleiders"
PERMISSIONS = (
    ("needs", "thesaurusgroup", ("add", "change", "delete", "view")),
    ("accounts", "user", ("change", "view")),
    ("geo", "region", ("view",)),
    ("ecosystem", "organisation", ("view",)),
)


def create_group(apps, schema_editor):
    # Permissions are made after all migrations; on a new database they do not exist yet.
    for label in {app for app, _model, _actions in PERMISSIONS}:
        config = apps.get_app_config(label)
        config.models_module = True
        create_permissions(config, apps=apps, verbosity=0)
        config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    User = apps.get_model("accounts", "User")
    group, _created = Group.objects.get_or_create(name=GROUP)
    for app, model, actions in PERMISSIONS:
        group.permissions.add(
            *Permission.objects.filter(
                content_type__app_label=app,
                codename__in=[f"{action}_{model}" for action in actions],
            )
        )
    for user in User.objects.filter(is_staff=True):
        user.groups.add(group)


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("needs", "0002_default_thesaurus"),
        ("geo", "0001_initial"),
        ("ecosystem", "0007_import_job"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
