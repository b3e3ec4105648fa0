from monitoring.models.campaigns import Campaign, ReportStatus, SchoolReport
from monitoring.models.indicators import Indicator, ManualValue, Method, Project, Target
from monitoring.models.questionnaires import Answer, Invitation, Question, Questionnaire, QuestionnaireKind
from monitoring.rounds.models import Round, RoundStage
from monitoring.schedules.models import CampaignSchedule

__all__ = [
    "CampaignSchedule",
    "Answer", "Campaign", "Indicator", "Invitation", "ManualValue", "Method", "Project", "Question", "Questionnaire",
    "QuestionnaireKind", "ReportStatus", "Round", "RoundStage", "SchoolReport", "Target",
]
