"""What the provider demo says about its credentials (codes ``demo.credentials.*``)."""

from __future__ import annotations

from assessor_app.i18n import Message, Plural

ISSUED = Plural("demo.credentials.issued",
                "Micro-credentials: {issued} issued now, {held} held in all; {waiting} competent assessment "
                "waits",
                "Micro-credentials: {issued} issued now, {held} held in all; {waiting} competent assessments "
                "wait", count="waiting")
WAITING = Plural("demo.credentials.waiting", "  {n} waits: {reason}", "  {n} wait: {reason}")
LINKS = Message("demo.credentials.links",
                "A credential in the console: {page}\n  and as a verifier sees it: {public}")
