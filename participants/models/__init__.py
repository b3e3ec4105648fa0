from participants.cabinet.models import LinkKind, MentorChoice, ParticipantMessage, PersonalLink
from participants.documents.models import Document, DocumentKind
from participants.letters.models import Letter, LetterCopy
from participants.models.audit import ExportLog
from participants.models.memberships import Membership, Role, RoleAction, RoleChange
from participants.models.organizations import District, HeadCount, Organization, OrganizationKind, Region
from participants.models.pairs import (
    FormVariant,
    Meeting,
    MeetingKind,
    MentoringForm,
    Pair,
    PairStatus,
    PlanTask,
)
from participants.models.registry import (
    Category,
    Consent,
    ConsentGiver,
    MenteeRequest,
    MentorProfile,
    Person,
    consent_problems,
)
from participants.partners.models import Partner, PartnerOffer
from participants.practices.models import Practice, PracticeLevel, PracticeStatus
from participants.programmes.models import Programme, ProgrammeStatus
from participants.public.models import ContentPlanItem, News, PublicPage
from participants.recruitment.models import Audience, Candidate, CandidateStatus, RecruitmentForm, Wish
from participants.routes.models import Competence, Deficit, Diagnostic, RouteStep, StepKind
from participants.target_groups.models import GroupMark, TargetGroup
from participants.training.models import TrainingRecord, TrainingTopic

__all__ = [
    "Category", "Consent", "ConsentGiver", "District", "Document", "DocumentKind", "ExportLog", "FormVariant",
    "HeadCount", "Meeting", "MeetingKind", "News", "PublicPage", "Membership", "MenteeRequest", "MentorProfile", "MentoringForm",
    "Organization", "OrganizationKind", "Pair", "PairStatus", "Partner", "PartnerOffer", "Person",
    "PlanTask", "Programme", "ProgrammeStatus",
    "Region",
    "Practice", "PracticeLevel", "PracticeStatus", "Role", "RoleAction", "RoleChange", "TrainingRecord",
    "TrainingTopic", "consent_problems", "LinkKind", "MentorChoice", "ParticipantMessage", "PersonalLink",
    "ContentPlanItem", "Letter", "LetterCopy", "GroupMark", "TargetGroup",
    "Competence", "Deficit", "Diagnostic", "RouteStep", "StepKind",
    "Audience", "Candidate", "CandidateStatus", "RecruitmentForm", "Wish",
]
