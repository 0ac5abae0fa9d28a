"""Learning questions were answered in one text field by the asker, a coordinator or the core
team. Answers now live in the question's conversation, where every member may answer and
the asker or core team accepts one. This moves each existing answer text into a first post of
the question's thread, written by whoever last set it (from the audit log; otherwise shown as
a removed participant), and marks it as the accepted answer. The question's own field is left
as it was, so nothing is lost either way."""

import html
import re

import nh3
from django.db import migrations


def _paragraphs(text: str) -> str:
    blocks = [b.strip() for b in re.split(r"\n\s*\n", text.replace("\r\n", "\n")) if b.strip()]
    body = "".join(
        "<p>" + "<br>".join(html.escape(line) for line in block.split("\n")) + "</p>"
        for block in blocks
    )
    return nh3.clean(body, tags={"p", "br"}, attributes={})


def forwards(apps, schema_editor):
    LearningQuestion = apps.get_model("learning", "LearningQuestion")
    Thread = apps.get_model("community", "Thread")
    Post = apps.get_model("community", "Post")
    AuditLogEntry = apps.get_model("core", "AuditLogEntry")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type = ContentType.objects.filter(
        app_label="learning", model="learningquestion"
    ).first()
    for question in LearningQuestion.objects.exclude(answer=""):
        thread, _created = Thread.objects.get_or_create(
            kind="question", learning_question=question, defaults={"title": ""}
        )
        if thread.accepted_post_id:
            continue
        author_id = None
        if content_type is not None:
            for entry in AuditLogEntry.objects.filter(
                content_type=content_type, object_id=str(question.pk), actor__isnull=False
            ).order_by("-created_at", "-id"):
                if "answer" in (entry.changes or {}):
                    author_id = entry.actor_id
                    break
        post = Post.objects.create(
            thread=thread,
            author_id=author_id,
            source=question.answer.strip(),
            html=_paragraphs(question.answer),
        )
        # Keep the moment it was answered as the post's time, not the migration's.
        Post.objects.filter(pk=post.pk).update(created_at=question.updated_at)
        thread.accepted_post = post
        thread.last_post_at = question.updated_at
        thread.save(update_fields=["accepted_post", "last_post_at"])


class Migration(migrations.Migration):
    dependencies = [
        ("community", "0002_conversations"),
        ("learning", "0002_programme_documents"),
        ("core", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
