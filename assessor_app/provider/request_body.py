"""Reading a request's JSON body and its fields: bounded in size and time, every field checked."""

from __future__ import annotations

import asyncio
import json
from typing import Any

from starlette.requests import ClientDisconnect, Request

from assessor_app.provider.limits import optional_header_count
from assessor_app.provider.store import Refused


async def json_object(request: Request) -> dict[str, Any]:
    """The request's JSON object: at most ``max_json_bytes``, arrived within ``json_body_timeout_s``."""
    config = request.app.state.service.store.config
    most = config.max_json_bytes
    declared = optional_header_count(request, "Content-Length")
    if declared is not None and declared > most:
        raise Refused(413, f"a JSON request body may be at most {most} bytes", "body_too_large")
    pieces: list[bytes] = []
    size = 0
    try:
        async with asyncio.timeout(config.json_body_timeout_s):
            async for piece in request.stream():
                size += len(piece)
                if size > most:
                    raise Refused(413, f"a JSON request body may be at most {most} bytes", "body_too_large")
                pieces.append(piece)
    except TimeoutError:
        raise Refused(408, f"the request body did not arrive within {config.json_body_timeout_s:g} s",
                      "body_timeout") from None
    except ClientDisconnect:
        raise Refused(400, "the connection closed before the request body was complete") from None
    try:
        data = json.loads(b"".join(pieces))
    except (ValueError, UnicodeDecodeError):
        raise Refused(400, "the request body is not JSON") from None
    except RecursionError:
        raise Refused(400, "the request body's JSON is nested too deeply") from None
    if not isinstance(data, dict):
        raise Refused(400, "the request body must be a JSON object")
    return data


def field(data: dict[str, Any], name: str, kind: type = str) -> Any:
    value = data.get(name)
    too_long = isinstance(value, str) and len(value) > 4096
    if not isinstance(value, kind) or isinstance(value, bool) or too_long:
        raise Refused(422, f"field {name!r} is missing or not a {kind.__name__}")
    return value
