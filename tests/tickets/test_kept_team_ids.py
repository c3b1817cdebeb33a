"""Which teams an agent is in is read once and kept between requests (tickets.permissions), yet
joining or leaving a team, from either side, counts on the next request."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import TeamFactory
from tests.utils import fresh
from tickets.permissions import team_ids

pytestmark = pytest.mark.django_db


def read(user):
    with CaptureQueriesContext(connection) as queries:
        ids = team_ids(user)
    return ids, len(queries)


def test_the_second_request_reads_no_teams(agent):
    team = TeamFactory(members=[agent])

    assert read(fresh(agent)) == ({team.pk}, 1)
    assert read(fresh(agent)) == ({team.pk}, 0)


def test_joining_a_team_counts_at_once(agent):
    team = TeamFactory()
    assert read(fresh(agent))[0] == set()

    team.members.add(agent)

    assert read(fresh(agent))[0] == {team.pk}


def test_leaving_a_team_from_the_agents_side_counts_at_once(agent):
    team = TeamFactory(members=[agent])
    read(fresh(agent))

    agent.teams.remove(team)

    assert read(fresh(agent))[0] == set()


def test_a_deleted_team_is_no_longer_theirs(agent):
    team = TeamFactory(members=[agent])
    read(fresh(agent))

    team.delete()

    assert read(fresh(agent))[0] == set()
