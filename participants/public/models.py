"""The public «Наставничество» section of a school or a district (seed 000 1.8 and 2.8, seed 003 10.3 and 11.8): which
blocks the curator shows, and the news he writes. The page itself is built from live data (participants/public)."""

from django.conf import settings
from django.db import models

from mentoring_portal.lib.constraints import exactly_one


class PublicPage(models.Model):
    district = models.OneToOneField("participants.District", on_delete=models.CASCADE, null=True, blank=True,
                                    related_name="public_page")
    organization = models.OneToOneField("participants.Organization", on_delete=models.CASCADE, null=True, blank=True,
                                        related_name="public_page")
    is_published = models.BooleanField("раздел опубликован", default=False)
    blocks = models.JSONField("показываемые блоки", default=list, blank=True)
    contact = models.CharField("контакт для обращений", max_length=300, blank=True,
                               help_text="Без фамилии: должность, телефон, почта. Например: «куратор ЦМН, "
                                         "+7 (39140) 2-11-35, nastavnik@school.ru».")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        app_label = "participants"
        verbose_name = "публичный раздел «Наставничество»"
        verbose_name_plural = "публичные разделы «Наставничество»"
        constraints = [exactly_one("public_page_has_one_place", "district", "organization")]

    def __str__(self) -> str:
        return f"Наставничество · {self.place}"

    @staticmethod
    def version_name(pk: int) -> str:
        """The cache version its rendered page is kept under (lib/versions): bumped on every change of the page,
        its news, or a name it may show."""
        return f"public-page:{pk}"

    @property
    def place(self):
        return self.organization or self.district

    @property
    def url_kind(self) -> str:
        """«o» or «d»: the place's letter in the public addresses (/p/o/<code>/, /p/d/<code>/)."""
        return "o" if self.organization_id else "d"


class News(models.Model):
    page = models.ForeignKey(PublicPage, on_delete=models.CASCADE, related_name="news")
    title = models.CharField("заголовок", max_length=300)
    text = models.TextField("текст")
    published_on = models.DateField("дата")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    rubric = models.CharField("рубрика", max_length=100, blank=True,
                              help_text="Например: «Наставник месяца», «Истории пар», «События»")

    class Meta:
        app_label = "participants"
        verbose_name = "новость"
        verbose_name_plural = "новости"
        ordering = ["-published_on", "-pk"]

    def __str__(self) -> str:
        return self.title


class ContentPlanItem(models.Model):
    """One line of the public section's content plan (seed 001: at least two rubrics, a content plan, five
    publications a year): what, when, who; the news that fulfils it, once published."""

    page = models.ForeignKey(PublicPage, on_delete=models.CASCADE, related_name="plan")
    rubric = models.CharField("рубрика", max_length=100)
    title = models.CharField("что публикуем", max_length=300)
    due = models.DateField("когда")
    responsible = models.CharField("кто готовит", max_length=200, blank=True)
    news = models.ForeignKey(News, on_delete=models.SET_NULL, null=True, blank=True, related_name="plan_items",
                             verbose_name="публикация")

    class Meta:
        app_label = "participants"
        verbose_name = "строка контент-плана"
        verbose_name_plural = "контент-план"
        ordering = ["due", "pk"]

    def __str__(self) -> str:
        return f"{self.due:%d.%m.%Y}: {self.title}"
