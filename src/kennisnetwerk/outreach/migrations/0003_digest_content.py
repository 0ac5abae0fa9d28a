"""Digest bodies are shared per run and content (DigestContent); items belong to the content,
not to each mail. Items of earlier mails are not carried over: they only served the "never an
item twice" check of runs that are composed already."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("outreach", "0002_outbox_sending_status"),
    ]

    operations = [
        migrations.DeleteModel(name="DigestItem"),
        migrations.CreateModel(
            name="DigestContent",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("key", models.CharField(max_length=500, verbose_name="messages")),
                ("subject", models.CharField(max_length=250, verbose_name="subject")),
                ("text_body", models.TextField(verbose_name="plain text")),
                ("html_body", models.TextField(verbose_name="HTML")),
                (
                    "run",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="contents",
                        to="outreach.digestrun",
                        verbose_name="digest run",
                    ),
                ),
            ],
            options={
                "verbose_name": "digest content",
                "verbose_name_plural": "digest contents",
                "constraints": [
                    models.UniqueConstraint(fields=("run", "key"), name="outreach_content_unique_key")
                ],
            },
        ),
        migrations.AddField(
            model_name="outboxmail",
            name="content",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="mails",
                to="outreach.digestcontent",
                verbose_name="content",
            ),
        ),
        migrations.AlterField(
            model_name="outboxmail",
            name="text_body",
            field=models.TextField(blank=True, verbose_name="plain text"),
        ),
        migrations.AlterField(
            model_name="outboxmail",
            name="html_body",
            field=models.TextField(blank=True, verbose_name="HTML"),
        ),
        migrations.CreateModel(
            name="DigestItem",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("position", models.PositiveSmallIntegerField(verbose_name="position")),
                (
                    "content",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="items",
                        to="outreach.digestcontent",
                    ),
                ),
                (
                    "message",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="digest_items",
                        to="outreach.message",
                    ),
                ),
            ],
            options={
                "verbose_name": "digest item",
                "verbose_name_plural": "digest items",
                "ordering": ["content", "position"],
                "constraints": [
                    models.UniqueConstraint(fields=("content", "message"), name="outreach_item_unique")
                ],
            },
        ),
    ]
