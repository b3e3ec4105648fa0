from mentoring_portal.jobs.models import Job, JobStatus
from mentoring_portal.once.models import Submission

__all__ = ["Job", "JobStatus", "Submission"]
