""" "Was this article helpful?": plain forms, one vote per visitor per article, read by editors."""

import pytest
from django.test import Client
from django.urls import reverse

from helpcenter.models import ArticleFeedback

from .factories import make_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(topic):
    return make_article(topic, title="Delivery windows")


def vote(client, article, **data):
    return client.post(article.url, data)


def test_visitor_votes_no_then_adds_a_comment_without_javascript(client, article):
    page = client.get(article.url).content.decode()
    assert "Was this article helpful?" in page and 'name="helpful" value="no"' in page

    response = vote(client, article, helpful="no")

    assert response.status_code == 302 and response["Location"] == f"{article.url}#feedback"
    page = client.get(article.url).content.decode()
    assert "What was missing or unclear?" in page
    assert '<input type="hidden" name="helpful" value="no">' in page

    vote(client, article, helpful="no", comment="Nothing about Sunday deliveries.")

    feedback = ArticleFeedback.objects.get()
    assert (feedback.helpful, feedback.comment) == (False, "Nothing about Sunday deliveries.")
    assert (
        "Your comment went to the people who write these articles."
        in client.get(article.url).content.decode()
    )


def test_a_yes_vote_offers_an_optional_comment(client, article):
    vote(client, article, helpful="yes")

    page = client.get(article.url).content.decode()
    assert ArticleFeedback.objects.get().helpful is True
    assert "Anything we could add?" in page


def test_one_vote_per_visitor_per_article(client, article):
    vote(client, article, helpful="yes")
    vote(client, article, helpful="no")

    assert ArticleFeedback.objects.get().helpful is False


def test_a_later_vote_without_a_comment_keeps_the_comment(client, article):
    vote(client, article, helpful="no", comment="Too short.")
    vote(client, article, helpful="yes")

    assert ArticleFeedback.objects.get().comment == "Too short."


def test_each_visitor_and_each_article_count_separately(client, article, topic):
    other_article = make_article(topic)
    vote(client, article, helpful="yes")
    vote(client, other_article, helpful="yes")
    vote(Client(), article, helpful="no")

    assert ArticleFeedback.objects.count() == 3


def test_a_signed_in_visitor_votes_with_their_account_on_any_device(customer, article):
    first, second = Client(), Client()
    first.force_login(customer)
    second.force_login(customer)

    vote(first, article, helpful="yes")
    vote(second, article, helpful="no")

    assert list(ArticleFeedback.objects.values_list("visitor", "helpful")) == [
        (f"user:{customer.pk}", False)
    ]


def test_an_anonymous_vote_survives_signing_in_on_the_same_browser(client, customer, article):
    vote(client, article, helpful="no")
    client.force_login(customer)  # keeps the session's data under a new key
    client.logout()

    assert "Thanks for your feedback" not in client.get(article.url).content.decode()
    assert ArticleFeedback.objects.count() == 1


def test_a_too_long_comment_gets_a_message_next_to_it_and_keeps_the_text(client, article):
    vote(client, article, helpful="no")
    comment = "x" * 1001

    response = vote(client, article, helpful="no", comment=comment)

    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_comment_error"' in html
    assert "Please keep your comment to 1000 characters (it has 1001)." in html
    assert f"{comment}</textarea>" in html
    assert ArticleFeedback.objects.get().comment == ""


@pytest.mark.parametrize("answer", ["", "maybe", "<script>"])
def test_an_answer_other_than_yes_or_no_gets_a_message(client, article, answer):
    response = vote(client, article, helpful=answer)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Please answer yes or no." in html
    assert "<script>" not in html.split('id="feedback"')[1].split("</section>")[0]
    assert not ArticleFeedback.objects.exists()


def test_votes_need_the_csrf_token(article):
    client = Client(enforce_csrf_checks=True)

    assert vote(client, article, helpful="yes").status_code == 403
    assert not ArticleFeedback.objects.exists()


def test_restricted_articles_take_votes_from_signed_in_customers_only(client, customer, topic):
    article = make_article(topic, restricted=True)

    response = vote(client, article, helpful="yes")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not ArticleFeedback.objects.exists()

    client.force_login(customer)
    vote(client, article, helpful="yes")
    assert ArticleFeedback.objects.count() == 1


def test_votes_are_rate_limited_per_address(client, article, monkeypatch):
    monkeypatch.setattr("helpcenter.feedback.VOTES_PER_IP", "2/h")

    statuses = [vote(Client(), article, helpful="yes").status_code for _ in range(3)]

    assert statuses == [302, 302, 429]


def test_feedback_report_shows_each_articles_helpful_share(client, editor, topic):
    liked = make_article(topic, title="Liked article")
    disliked = make_article(topic, title="Disliked article")
    make_article(topic, title="Unrated article")
    for n, helpful in enumerate([True, True, True, False]):
        ArticleFeedback.objects.create(page=liked, visitor=f"v{n}", helpful=helpful)
    ArticleFeedback.objects.create(page=disliked, visitor="v1", helpful=False, comment="Wrong.")
    client.force_login(editor)

    html = client.get(reverse("helpcenter_reports:feedback")).content.decode()

    table = html[html.index('<table class="listing') :]
    assert table.index("Disliked article") < table.index("Liked article")  # least helpful first
    assert "75%" in table and "0%" in table
    assert "Unrated article" not in table


def test_comments_report_lists_comments_and_filters_by_article(client, editor, topic):
    first = make_article(topic, title="First")
    second = make_article(topic, title="Second")
    ArticleFeedback.objects.create(
        page=first, visitor="a", helpful=False, comment="Missing Sundays."
    )
    ArticleFeedback.objects.create(
        page=second, visitor="a", helpful=True, comment="Great <b>list</b>."
    )
    ArticleFeedback.objects.create(page=second, visitor="b", helpful=True)
    client.force_login(editor)

    html = client.get(reverse("helpcenter_reports:comments")).content.decode()
    assert "Missing Sundays." in html and "Great &lt;b&gt;list&lt;/b&gt;." in html

    html = client.get(reverse("helpcenter_reports:comments"), {"page": first.pk}).content.decode()
    assert "Missing Sundays." in html and "Great" not in html


def test_the_article_editor_shows_its_helpful_share_and_comments(client, editor, article):
    ArticleFeedback.objects.create(page=article, visitor="a", helpful=True)
    ArticleFeedback.objects.create(
        page=article, visitor="b", helpful=False, comment="Add Sunday times."
    )
    client.force_login(editor)

    html = client.get(reverse("wagtailadmin_pages:edit", args=[article.pk])).content.decode()

    assert "Feedback and health" in html
    assert "50% found it helpful" in html
    assert "Add Sunday times." in html
    assert reverse("helpcenter_reports:comments") + f"?page={article.pk}" in html


def test_feedback_reports_are_not_for_customers_or_agents(client, customer, agent):
    for user in (customer, agent):
        client.force_login(user)
        for name in ("feedback", "comments", "content_health"):
            assert client.get(reverse(f"helpcenter_reports:{name}")).status_code == 302
