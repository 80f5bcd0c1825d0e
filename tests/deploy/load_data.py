"""Data for the load tests, written to (and read back from) the deployed database in a
subprocess with the production settings (``python -m tests.deploy.load_data <command>``); each
command prints one JSON line.

ready PREFIX N   N new wards of thị xã Sa Pa, each with its officer, its head (an API token) and
                 a complete draft dossier of one collective candidate in the Sa Pa 2020 campaign
meeting          one more such dossier, submitted and appraised, on the docket of a new council
                 meeting (four members present), with the members' API tokens
facts JSON       for {"dossiers": [...], "meeting": id}: each dossier's state, its submission
                 rounds and audit entries; the meeting's votes and ballot audit entries
"""

from __future__ import annotations

import json
import sys
from datetime import date, datetime
from zoneinfo import ZoneInfo

import django

django.setup()

import time_machine  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402

from thidua.campaigns.models import Campaign  # noqa: E402
from thidua.core.models import AuditEntry  # noqa: E402
from thidua.demo.scenario import appraise, upload_missing_documents  # noqa: E402
from thidua.nominations.models import Candidate, Dossier, SubmissionRound  # noqa: E402
from thidua.org.models import ApiToken, Role, RoleAssignment, Unit, UnitKind  # noqa: E402

VN = ZoneInfo("Asia/Ho_Chi_Minh")
OPEN_DAY = datetime(2020, 10, 20, 10, 0, tzinfo=VN)  # the Sa Pa 2020 campaign takes dossiers
VOTERS = ("thuky", "hoidong1", "chutich", "hoidong2")
users = get_user_model().objects


def campaign() -> Campaign:
    return Campaign.objects.get(
        title__startswith="Đợt thi đua chào mừng Kỷ niệm 70 năm", parent__isnull=True
    )


def token(username: str) -> str:
    return ApiToken.issue(users.get(username=username), "load")[1]


def ready(prefix: str, count: int) -> list[dict]:
    sapa = campaign()
    collective = Candidate.objects.filter(dossier__campaign=sapa, unit__isnull=False).first()
    assert collective is not None, "the demo has no collective candidate to copy"
    made = []
    with time_machine.travel(OPEN_DAY, tick=False):
        for n in range(count):
            unit = Unit.objects.create(
                name=f"Xã Thử Tải {prefix} {n + 1}", kind=UnitKind.UBND_XA, parent=sapa.issuer
            )
            officer = users.create_user(f"{prefix}canbo{n}", password=None)
            head = users.create_user(f"{prefix}truong{n}", password=None)
            RoleAssignment.objects.create(user=officer, role=Role.CAN_BO_DON_VI, unit=unit)
            RoleAssignment.objects.create(user=head, role=Role.THU_TRUONG, unit=unit)
            dossier = Dossier.objects.create(campaign=sapa, unit=unit)
            Candidate.objects.create(
                dossier=dossier,
                unit=unit,
                award_form=collective.award_form,
                summary="Tập thể hoàn thành xuất sắc nhiệm vụ",
            )
            upload_missing_documents(dossier, officer)
            made.append(
                {"dossier": dossier.pk, "head": head.username, "token": token(head.username)}
            )
    return made


def meeting() -> dict:
    from thidua.council import services as council
    from thidua.council.models import CouncilMember
    from thidua.nominations import services as nominations

    (one,) = ready("hop", 1)
    dossier = Dossier.objects.get(pk=one["dossier"])
    with time_machine.travel(OPEN_DAY, tick=False):
        nominations.submit(actor=users.get(username=one["head"]), dossier=dossier)
    appraise(Dossier.objects.get(pk=dossier.pk), users.get(username="noivu"))
    secretary = users.get(username="thuky")
    held = council.create_meeting(
        actor=secretary,
        campaign=campaign(),
        held_on=date(2020, 11, 5),
        place="Phòng họp số 2",
        mode="electronic",
    )
    present = CouncilMember.objects.filter(council=held.council, user__username__in=VOTERS)
    council.set_attendance(
        actor=secretary, meeting=held, present_member_ids=set(present.values_list("pk", flat=True))
    )
    return {
        "meeting": held.pk,
        "items": list(held.items.values_list("pk", flat=True)),
        "tokens": {username: token(username) for username in VOTERS},
    }


def audits(action: str, label: str, pk: int) -> int:
    return AuditEntry.objects.filter(action=action, object_type=label, object_id=str(pk)).count()


def facts(wanted: dict) -> dict:
    from thidua.council.models import Vote

    found: dict = {"dossiers": {}}
    for pk in wanted.get("dossiers", []):
        dossier = Dossier.objects.get(pk=pk)
        found["dossiers"][str(pk)] = {
            "status": dossier.status,
            "round": dossier.round,
            "version": dossier.version,
            "rounds": SubmissionRound.objects.filter(dossier=dossier).count(),
            "audits": audits("nominations.dossier.submitted", "nominations.dossier", pk),
        }
    if "meeting" in wanted:
        pk = wanted["meeting"]
        found["votes"] = Vote.objects.filter(item__meeting_id=pk).count()
        found["ballot_audits"] = audits("council.ballot.cast", "council.meeting", pk)
    return found


if __name__ == "__main__":
    command, *args = sys.argv[1:]
    if command == "ready":
        result: object = ready(args[0], int(args[1]))
    elif command == "meeting":
        result = meeting()
    else:
        result = facts(json.loads(args[0]))
    print(json.dumps(result))
