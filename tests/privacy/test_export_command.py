import pytest
from django.core.management import CommandError, call_command

from privacy.models import PrivacyAction
from tests.factories import open_ticket

from .conftest import unzipped


def test_the_command_writes_the_zip_and_logs_the_export(tmp_path, customer, capsys):
    ticket = open_ticket(customer, subject="Late delivery again")
    target = tmp_path / "data.zip"

    call_command("export_personal_data", customer.email.upper(), str(target))

    _files, data = unzipped(target.read_bytes())
    assert data["account"]["email"] == customer.email
    assert [t["number"] for t in data["tickets"]] == [ticket.number]
    action = PrivacyAction.objects.get()
    assert action.actor is None and action.subject_user_id == customer.pk
    assert action.details["via"] == "command" and action.details["tickets"] == 1
    assert "1 tickets" in capsys.readouterr().out


def test_an_unknown_address_is_an_error_and_writes_nothing(tmp_path, db):
    with pytest.raises(CommandError, match="No account"):
        call_command("export_personal_data", "nobody@example.com", str(tmp_path / "x.zip"))
    assert not (tmp_path / "x.zip").exists()
    assert not PrivacyAction.objects.exists()


def test_an_unwritable_path_is_an_error(tmp_path, customer):
    with pytest.raises(CommandError, match="Could not write"):
        call_command("export_personal_data", customer.email, str(tmp_path / "no" / "x.zip"))
