from mentoring_portal.jobs.models import Job, JobStatus

__all__ = ["Job", "JobStatus"]
