from django.http import Http404

from mentoring_portal.lib.exports import find_exporter
from participants.access import require_capability
from roadmaps.access import roadmap_view
from roadmaps.exports import GROUP


@roadmap_view()
def roadmap_export(request, roadmap, identifier: str):
    exporter = find_exporter(GROUP, identifier)
    if exporter is None:
        raise Http404
    require_capability(request, request.capabilities, exporter.capability)
    return exporter.response(roadmap)
