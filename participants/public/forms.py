from django import forms
from django.utils import timezone

from mentoring_portal.lib.forms import OwnIds
from participants.models import ContentPlanItem, News, PublicPage
from participants.public.blocks import PUBLIC_BLOCKS


class PublicPageForm(forms.ModelForm):
    blocks = forms.MultipleChoiceField(label="Что показывать", required=False, widget=forms.CheckboxSelectMultiple)

    class Meta:
        model = PublicPage
        fields = ["is_published", "blocks", "contact"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["blocks"].choices = [(b.key, b.label) for b in PUBLIC_BLOCKS]


class NewsForm(forms.ModelForm):
    class Meta:
        model = News
        fields = ["title", "rubric", "published_on", "text"]
        widgets = {"published_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                   "text": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["published_on"].initial = timezone.localdate()


class PlanItemForm(OwnIds, forms.ModelForm):
    """Beside the news form on the settings page (both have a rubric and a title): ids of its own."""

    id_prefix = "plan"

    class Meta:
        model = ContentPlanItem
        fields = ["rubric", "title", "due", "responsible"]
        widgets = {"due": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}
