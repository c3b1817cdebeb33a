"""The StreamField blocks an article's body is written with.

Headings inside the body start at h2 (the article title is the page's h1), so the outline stays in
order whatever the editor builds.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock

TEXT_FEATURES = ["h2", "h3", "bold", "italic", "link", "document-link", "ol", "ul", "code"]
INLINE_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "code"]


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("kind"),
        choices=[
            ("info", _("Note")),
            ("success", _("Tip")),
            ("warning", _("Warning")),
            ("error", _("Important")),
        ],
        default="info",
    )
    title = blocks.CharBlock(label=_("title"), required=False, max_length=120)
    text = blocks.RichTextBlock(label=_("text"), features=INLINE_FEATURES)

    class Meta:
        icon = "warning"
        label = _("Callout")
        template = "helpcenter/blocks/callout.html"


class FigureBlock(blocks.StructBlock):
    image = ImageBlock(label=_("image"))
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "helpcenter/blocks/figure.html"


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(label=_("video URL"), help_text=_("A YouTube or Vimeo link."))
    title = blocks.CharBlock(
        label=_("title"),
        max_length=120,
        help_text=_(
            "Describes the video for screen readers, and names the link shown if "
            "the video cannot be embedded."
        ),
    )
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=250)

    class Meta:
        icon = "media"
        label = _("Video")
        template = "helpcenter/blocks/video.html"


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("step"), max_length=160)
    text = blocks.RichTextBlock(label=_("details"), features=INLINE_FEATURES, required=False)


class StepsBlock(blocks.StructBlock):
    steps = blocks.ListBlock(StepBlock(), min_num=1, label=_("steps"))

    class Meta:
        icon = "list-ol"
        label = _("Numbered steps")
        template = "helpcenter/blocks/steps.html"


class CodeBlock(blocks.StructBlock):
    language = blocks.ChoiceBlock(
        label=_("language"),
        required=False,
        choices=[
            ("text", _("Plain text")),
            ("bash", "Shell"),
            ("csv", "CSV"),
            ("json", "JSON"),
            ("python", "Python"),
            ("http", "HTTP"),
        ],
    )
    code = blocks.TextBlock(label=_("code"))

    class Meta:
        icon = "code"
        label = _("Code")
        template = "helpcenter/blocks/code.html"


class QuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("question"), max_length=255)
    answer = blocks.RichTextBlock(label=_("answer"), features=INLINE_FEATURES)


class QuestionsBlock(blocks.StructBlock):
    """Questions and answers shown as an accordion (native <details>, so no script is needed)."""

    questions = blocks.ListBlock(QuestionBlock(), min_num=1, label=_("questions"))

    class Meta:
        icon = "help"
        label = _("Questions and answers")
        template = "helpcenter/blocks/questions.html"


class ArticleBodyBlock(blocks.StreamBlock):
    text = blocks.RichTextBlock(label=_("Text"), features=TEXT_FEATURES, icon="pilcrow")
    callout = CalloutBlock()
    image = FigureBlock()
    video = VideoBlock()
    steps = StepsBlock()
    code = CodeBlock()
    questions = QuestionsBlock()


def questions_in(body):
    """(question, answer as stored rich text) pairs from an article body's question blocks."""
    return [
        (item["question"], item["answer"].source)
        for block in body
        if block.block_type == "questions"
        for item in block.value["questions"]
    ]
