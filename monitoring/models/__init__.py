from monitoring.models.campaigns import Campaign, ReportStatus, SchoolReport
from monitoring.models.indicators import Indicator, ManualValue, Method, Project, Target
from monitoring.models.questionnaires import (
    Answer,
    Invitation,
    Question,
    QuestionKind,
    Questionnaire,
    QuestionnaireKind,
    QuestionnaireStatus,
    Respondent,
)
from monitoring.rounds.models import Round, RoundStage
from monitoring.schedules.models import CampaignSchedule

__all__ = [
    "CampaignSchedule",
    "Answer", "Campaign", "Indicator", "Invitation", "ManualValue", "Method", "Project", "Question", "Questionnaire",
    "QuestionnaireKind", "QuestionKind", "QuestionnaireStatus", "Respondent", "ReportStatus", "Round", "RoundStage",
    "SchoolReport", "Target",
]
