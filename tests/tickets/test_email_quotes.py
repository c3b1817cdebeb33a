"""What the person wrote, without the history their mail client quoted nor their signature."""

import pytest

from tickets.intake.quotes import html_to_text, strip_reply

NEW = "The limes arrived, thank you!"


@pytest.mark.parametrize(
    "history",
    [
        "On Sat, Nov 21, 2026 at 9:02\u202fAM Help Center <support@example.com> wrote:\n> Hi",
        "On Sat, Nov 21, 2026 at 9:02 AM Help Center <\nsupport+tkt1-ab@example.com> wrote:\n> Hi",
        "On 11/21/26 9:02 AM, Help Center wrote:\n> Hi",
        "Le sam. 21 nov. 2026 à 09:02, Help Center <support@example.com> a écrit :\n> Bonjour",
        "Am Sa., 21. Nov. 2026 um 09:02 Uhr schrieb Help Center <support@example.com>:\n> Hallo",
        "El sáb, 21 nov 2026 a las 9:02, Help Center (<support@example.com>) escribió:\n> Hola",
        "-----Original Message-----\nFrom: Help Center\nSent: Saturday\nSubject: Ticket",
        "________________________________\nFrom: Help Center <support@example.com>\n"
        "Sent: Saturday, November 21, 2026 9:02 AM\nTo: Maria\nSubject: [Help Center] Ticket",
        "From: Help Center <support@example.com>\nDate: Saturday, November 21, 2026\nTo: Maria",
        "##- Please type your reply above this line -##\n\nSam replied to your ticket:",
        "> ##- Please type your reply above this line -##\n> Sam replied",
    ],
)
def test_quoted_history_is_cut(history):
    assert strip_reply(f"{NEW}\n\n{history}\n> more\n> and more\n") == NEW


@pytest.mark.parametrize(
    "signature",
    [
        "-- \nMaria Lopez\nLopez Taqueria",
        "--\nMaria",
        "Sent from my iPhone",
        "Sent from my Galaxy",
        "Get Outlook for iOS<https://aka.ms/o0ukef>",
        "Sent from Mail for Windows",
    ],
)
def test_signatures_are_cut(signature):
    assert strip_reply(f"{NEW}\n\n{signature}\n") == NEW


def test_text_that_merely_mentions_from_or_on_is_kept():
    text = "From: the kitchen, on Monday.\nOn second thought, send 3 cases.\nThanks"
    assert strip_reply(text) == text


def test_inline_answers_between_quotes_are_kept_and_trailing_quotes_dropped():
    text = "> Which day suits you?\nTuesday morning.\n> Any gate code?\n1234\n> Thanks\n>\n"
    assert strip_reply(text) == "> Which day suits you?\nTuesday morning.\n> Any gate code?\n1234"


def test_outlook_placeholders_for_signature_images_are_removed():
    assert strip_reply(f"{NEW}\n\nRaj\n[cid:image001.png@01DB3C5F.2A6B1F40]\n") == f"{NEW}\n\nRaj"


def test_html_becomes_lines_and_paragraphs():
    html = (
        "<html><head><style>p{color:red}</style><script>track()</script></head><body>"
        "<div>Hello,</div><div><br></div><div>Line one<br>Line two</div>"
        "<p>Para &amp; more&nbsp;text</p><ul><li>one</li><li>two</li></ul></body></html>"
    )
    assert html_to_text(html) == "Hello,\n\nLine one\nLine two\n\nPara & more text\n\none\ntwo"


def test_html_quote_containers_are_dropped():
    gmail = (
        '<div dir="ltr">Sounds good.</div><br><div class="gmail_quote">'
        '<div class="gmail_attr">On Sat wrote:</div><blockquote>old</blockquote></div>'
    )
    apple = '<div>Sounds good.</div><blockquote type="cite"><div>old</div></blockquote>'
    outlook = (
        '<div>Sounds good.</div><div id="appendonsend"></div><hr>'
        '<div id="divRplyFwdMsg"><b>From:</b> Help Center</div><div>old message</div>'
    )
    for html in (gmail, apple, outlook):
        assert html_to_text(html) == "Sounds good."
