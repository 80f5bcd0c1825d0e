"""Load and faults on the deployed server: gunicorn with the production settings and two
workers on PostgreSQL (the folder's ``server``), requests sent over HTTP at the same moment from
threads, through the API with tokens as clients send them.

30 units' heads submit at once, 20 copies of one submission race, council members vote at once
(each sending the ballot twice), and the deadline's edge in Asia/Ho_Chi_Minh. Each time: no
server error, no submission lost, exactly one state change and one audit entry per action, and
the request that loses the race is told what happened (409 with the current state). The data is
made and read back in the deployed database by tests/deploy/load_data.py; the requests carry
the Sa Pa 2020 campaign's date in ``X-Test-Clock`` (tests/deploy/clock_wsgi.py)."""

from __future__ import annotations

import json
import threading
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from .web import Browser

VN = ZoneInfo("Asia/Ho_Chi_Minh")
OPEN_DAY = datetime(2020, 10, 20, 10, 0, tzinfo=VN)  # the Sa Pa 2020 campaign takes dossiers
DEADLINE = date(2020, 10, 25)  # the campaign's dossier deadline (seed_demo)


def data(site, command: str, *args: str):
    return json.loads(
        site.module("tests.deploy.load_data", command, *args).strip().splitlines()[-1]
    )


def api(port: int, token: str, clock: datetime | None = None) -> Browser:
    headers = {"Authorization": f"Bearer {token}"}
    if clock is not None:
        headers["X-Test-Clock"] = clock.isoformat()
    return Browser(port, headers)


def at_once(calls: list) -> list:
    """Send every ``(client, path, body)`` POST from its own thread, released together; the
    ``(status, JSON body)`` of each, in the order of ``calls``."""
    barrier = threading.Barrier(len(calls))
    results: list = [None] * len(calls)

    def run(index: int, client: Browser, path: str, body: dict | None) -> None:
        try:
            barrier.wait()
            response, content = client.request("POST", path, json_body=body)
            results[index] = (response.status, json.loads(content or b"null"))
        except Exception as error:  # noqa: BLE001 - asserted below
            results[index] = error

    threads = [threading.Thread(target=run, args=(i, *call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    errors = [r for r in results if not isinstance(r, tuple)]
    assert not errors, errors
    assert [status for status, _ in results if status >= 500] == []
    return results


def test_thirty_heads_submit_at_the_same_moment(site, server):
    dossiers = data(site, "ready", "ba", "30")
    calls = [
        (api(server, d["token"], OPEN_DAY), f"/api/v1/dossiers/{d['dossier']}/submit", None)
        for d in dossiers
    ]
    responses = at_once(calls)
    assert [status for status, _ in responses] == [200] * 30
    assert {body["status"] for _, body in responses} == {"submitted"}
    facts = data(site, "facts", json.dumps({"dossiers": [d["dossier"] for d in dossiers]}))
    for dossier in dossiers:
        found = facts["dossiers"][str(dossier["dossier"])]
        assert (found["status"], found["round"], found["rounds"], found["audits"]) == (
            "submitted",
            1,
            1,
            1,
        ), dossier


def test_twenty_copies_of_one_submission_make_one(site, server):
    (dossier,) = data(site, "ready", "hai", "1")
    head = api(server, dossier["token"], OPEN_DAY)
    responses = at_once([(head, f"/api/v1/dossiers/{dossier['dossier']}/submit", None)] * 20)
    assert sorted(status for status, _ in responses) == [200] + [409] * 19
    facts = data(site, "facts", json.dumps({"dossiers": [dossier["dossier"]]}))
    found = facts["dossiers"][str(dossier["dossier"])]
    assert (found["status"], found["round"], found["rounds"], found["audits"]) == (
        "submitted",
        1,
        1,
        1,
    )
    for lost in (body for status, body in responses if status == 409):
        assert lost["detail"].startswith("Hồ sơ đã được nộp trước đó lúc 10:00:00 ngày 20/10/2020")
        assert lost["current"]["status"] == "submitted"
        assert lost["current"]["status_label"] == "Đã nộp"
        assert lost["current"]["version"] == found["version"]


def test_council_members_vote_at_the_same_moment_each_ballot_sent_twice(site, server):
    prepared = data(site, "meeting")
    base = f"/api/v1/meetings/{prepared['meeting']}"
    tokens = prepared["tokens"]
    response, content = api(server, tokens["thuky"]).request("POST", f"{base}/open")
    assert response.status == 200 and json.loads(content)["status"] == "voting"
    items = prepared["items"]
    assert items, "the meeting has nothing on its docket"
    body = {"choices": [{"item_id": pk, "approve": True} for pk in items]}
    calls = [(api(server, tokens[u]), f"{base}/ballot", body) for u in tokens for _copy in (1, 2)]
    responses = at_once(calls)
    for index, username in enumerate(tokens):
        pair = responses[2 * index : 2 * index + 2]
        assert sorted(status for status, _ in pair) == [200, 409], username
        won = next(body for status, body in pair if status == 200)
        lost = next(body for status, body in pair if status == 409)
        assert won == {"votes": len(items)}
        assert lost["detail"].startswith("Phiếu của bạn đã được ghi nhận lúc ")
        assert lost["current"]["votes"] == len(items)
    facts = data(site, "facts", json.dumps({"meeting": prepared["meeting"]}))
    assert (facts["votes"], facts["ballot_audits"]) == (len(tokens) * len(items), len(tokens))


def test_the_deadline_edge_in_ho_chi_minh_time(site, server):
    on_time, late = data(site, "ready", "han", "2")
    last_second = datetime.combine(DEADLINE, datetime.min.time(), VN) + timedelta(
        hours=23, minutes=59, seconds=59
    )
    accepted, accepted_body = api(server, on_time["token"], last_second).request(
        "POST", f"/api/v1/dossiers/{on_time['dossier']}/submit"
    )
    refused, refused_body = api(server, late["token"], last_second + timedelta(seconds=2)).request(
        "POST", f"/api/v1/dossiers/{late['dossier']}/submit"
    )
    assert accepted.status == 200 and json.loads(accepted_body)["status"] == "submitted"
    assert refused.status == 422
    assert json.loads(refused_body)["errors"]["__all__"] == [
        f"Đã quá hạn nộp hồ sơ ({DEADLINE:%d/%m/%Y}). Liên hệ Phòng Nội vụ để được gia hạn."
    ]
    facts = data(site, "facts", json.dumps({"dossiers": [on_time["dossier"], late["dossier"]]}))
    found_on_time = facts["dossiers"][str(on_time["dossier"])]
    found_late = facts["dossiers"][str(late["dossier"])]
    assert (found_on_time["status"], found_on_time["rounds"], found_on_time["audits"]) == (
        "submitted",
        1,
        1,
    )
    assert (found_late["status"], found_late["rounds"], found_late["audits"]) == ("draft", 0, 0)
