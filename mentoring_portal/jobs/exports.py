"""Exports made by a background job: the file goes to the default storage (shared by the web and the worker
machines; S3-compatible storage through django-storages works the same) and waits in «Мои выгрузки» until it
expires (EXPORT_KEEP_HOURS, `manage.py purge_uploads`)."""

from __future__ import annotations

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from mentoring_portal.lib.exports import Exporter
from mentoring_portal.lib.replica import from_replica


def export_to_storage(job, exporter: Exporter, obj) -> dict:
    job.report(20, "формирование файла")
    # A report or an export reads the replica when there is one that has what its user saved (lib/replica.py).
    with from_replica(after=job.payload.get("primary_position")):
        content = exporter.render(obj)
    job.report(90, "сохранение")
    path = default_storage.save(f"exports/{job.pk}.{exporter.extension}", ContentFile(content))
    return {"path": path, "filename": f"{exporter.filename(obj)}.{exporter.extension}", "label": exporter.label,
            "content_type": exporter.content_type, "rows": getattr(exporter, "count", None), "size": len(content)}
