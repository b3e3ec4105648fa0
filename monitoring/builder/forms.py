from django import forms

from monitoring.builder.services import question_problems
from monitoring.models import Question, Questionnaire


class QuestionnaireForm(forms.ModelForm):
    class Meta:
        model = Questionnaire
        fields = ["title", "respondent", "intro"]
        widgets = {"intro": forms.Textarea(attrs={"rows": 2})}
        labels = {"intro": "Пояснение для отвечающих"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["respondent"].required = True


class QuestionForm(forms.ModelForm):
    class Meta:
        model = Question
        fields = ["section", "text", "kind", "choices", "low_label", "high_label", "topic", "required"]
        widgets = {"choices": forms.Textarea(attrs={"rows": 3})}
        labels = {"topic": "Что измеряет (для сводных таблиц)"}

    def clean(self):
        cleaned = super().clean()
        for problem in question_problems(cleaned.get("kind", ""), cleaned.get("choices", "")):
            self.add_error("choices", problem)
        return cleaned
