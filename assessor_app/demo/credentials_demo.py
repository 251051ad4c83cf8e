"""The provider demo's micro-credentials: the awarding body set, and the cohort's credentials issued.

After the moderation cycle, the demo sets the awarding body (as ``assessor provider awarding-body
set`` does; its public address is the one the demo serves on) and issues every credential the rules
allow now (as ``assessor provider credentials issue --all-eligible`` does, which also covers a
prerequisite issued in the same run). The others wait, each with its reasons: not competent, a hazard
stop, a verdict pending or overturning the outcome, a referral back, a missing prerequisite. Running
the demo again issues only what has become eligible since.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from assessor_app.credentials.data import AwardingBody
from assessor_app.demo import credentials_messages as cm
from assessor_app.demo.assessment import DEMO_AWARDING_BODY
from assessor_app.i18n import Msg
from assessor_app.provider.credentials.awarding import set_awarding_body
from assessor_app.provider.server import ProviderServer

BY = "provider demo"


@dataclass(frozen=True)
class DemoCredentials:
    issued: int  # by this run
    held: int  # credentials the provider holds in all
    waiting: int  # competent assessments without a credential yet
    reasons: dict[str, int]  # refusal code -> how many assessments it stops
    example: str | None  # a credential's id, for the links printed


def demo_body(url: str) -> AwardingBody:
    return AwardingBody(name=DEMO_AWARDING_BODY, legal_id="FI98765432", legal_id_type="vat",
                        address="Demokatu 1, 00100 Helsinki", country="FI", url=url,
                        email="credentials@provider.invalid")


def credentials_demo(server: ProviderServer, line: Callable[[Msg], None]) -> DemoCredentials:
    """Set the awarding body and issue what may be issued; ``line`` tells what happened."""
    service = server.service
    set_awarding_body(service.store, demo_body(server.url), by=BY)
    run = service.credentials.issue_eligible(by=BY)
    reasons = Counter(check.refusals[0].code for check in run.refused if check.refusals)
    held = service.credentials.count()
    example = run.issued[0].row.id if run.issued else service.credentials.newest_id()
    line(cm.ISSUED(issued=len(run.issued), held=held, waiting=len(run.refused)))
    for code, n in sorted(reasons.items(), key=lambda r: (-r[1], r[0])):
        first = next(c for c in run.refused if c.refusals and c.refusals[0].code == code)
        line(cm.WAITING(n=n, reason=first.refusals[0]))
    if example is not None:
        line(cm.LINKS(page=f"{server.url}/console/credentials/{example}",
                      public=f"{server.url}/credentials/{example}"))
    return DemoCredentials(len(run.issued), held, len(run.refused), dict(reasons), example)
