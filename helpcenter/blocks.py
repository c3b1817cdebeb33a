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
        label=_("Type"),
        help_text=_("Sets the box's colour and icon."),
        choices=[
            ("info", _("Note")),
            ("success", _("Tip")),
            ("warning", _("Warning")),
            ("error", _("Important")),
        ],
        default="info",
    )
    title = blocks.CharBlock(
        label=_("Heading"),
        required=False,
        max_length=120,
        help_text=_("Optional: a few words shown in bold above the message."),
    )
    text = blocks.RichTextBlock(label=_("Message"), features=INLINE_FEATURES)

    class Meta:
        icon = "warning"
        label = _("Callout")
        help_text = _("A highlighted box beside the text: a note, a tip or a warning.")
        template = "helpcenter/blocks/callout.html"


class FigureBlock(blocks.StructBlock):
    image = ImageBlock(label=_("Image"))
    caption = blocks.CharBlock(
        label=_("Caption"),
        required=False,
        max_length=250,
        help_text=_("Optional: shown under the image."),
    )

    class Meta:
        icon = "image"
        label = _("Image")
        help_text = _("A picture or screenshot, with a description for those who cannot see it.")
        template = "helpcenter/blocks/figure.html"


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(label=_("Video link"), help_text=_("A YouTube or Vimeo link."))
    title = blocks.CharBlock(
        label=_("Video title"),
        max_length=120,
        help_text=_(
            "Describes the video for screen readers, and names the link shown if "
            "the video cannot be embedded."
        ),
    )
    caption = blocks.CharBlock(
        label=_("Caption"),
        required=False,
        max_length=250,
        help_text=_("Optional: shown under the video."),
    )

    class Meta:
        icon = "media"
        label = _("Video")
        help_text = _("A video shown in the article, from YouTube or Vimeo.")
        template = "helpcenter/blocks/video.html"


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(
        label=_("Step"),
        max_length=160,
        help_text=_("What to do, in a few words: “Open your order”."),
    )
    text = blocks.RichTextBlock(
        label=_("Details"),
        features=INLINE_FEATURES,
        required=False,
        help_text=_("Optional: how to do it, or what the customer will see."),
    )

    class Meta:
        label = _("Step")


class StepsBlock(blocks.StructBlock):
    steps = blocks.ListBlock(StepBlock(), min_num=1, label=_("Steps"))

    class Meta:
        icon = "list-ol"
        label = _("Numbered steps")
        help_text = _("Instructions to follow in order; each step is numbered for the reader.")
        template = "helpcenter/blocks/steps.html"


class CodeBlock(blocks.StructBlock):
    language = blocks.ChoiceBlock(
        label=_("Language"),
        required=False,
        help_text=_("Colours the code for that language; leave empty for plain text."),
        choices=[
            ("text", _("Plain text")),
            ("bash", "Shell"),
            ("csv", "CSV"),
            ("json", "JSON"),
            ("python", "Python"),
            ("http", "HTTP"),
        ],
    )
    code = blocks.TextBlock(label=_("Code"), help_text=_("Shown exactly as typed."))

    class Meta:
        icon = "code"
        label = _("Code")
        help_text = _("Commands, file contents or data shown in a fixed-width font.")
        template = "helpcenter/blocks/code.html"


class QuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(
        label=_("Question"),
        max_length=255,
        help_text=_("As a customer would ask it: “Can I change my delivery day?”"),
    )
    answer = blocks.RichTextBlock(label=_("Answer"), features=INLINE_FEATURES)

    class Meta:
        label = _("Question")


class QuestionsBlock(blocks.StructBlock):
    """Questions and answers shown as an accordion (native <details>, so no script is needed)."""

    questions = blocks.ListBlock(QuestionBlock(), min_num=1, label=_("Questions"))

    class Meta:
        icon = "help"
        label = _("Questions and answers")
        help_text = _(
            "Each question opens to show its answer; search engines can show them as an FAQ."
        )
        template = "helpcenter/blocks/questions.html"


class ArticleBodyBlock(blocks.StreamBlock):
    text = blocks.RichTextBlock(
        label=_("Text"),
        features=TEXT_FEATURES,
        icon="pilcrow",
        help_text=_("Paragraphs, lists and links. Headings start at level 2 (the title is 1)."),
    )
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
