"""The audit trail: every change to people, consents, pairs, roadmaps, indicators, targets, reports and roles is
recorded by django-auditlog (who, when, before and after) with the place it belongs to, so a district curator reads
the district's trail and a school curator the school's. Apps register their models in `AppConfig.ready()`."""
