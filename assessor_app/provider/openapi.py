"""The provider's OpenAPI 3.0 description, served at /openapi.json (and fuzzed in the tests)."""

from __future__ import annotations

from typing import Any

RETRY_AFTER = {"Retry-After": {"description": "seconds to wait before trying again",
                               "schema": {"type": "integer", "minimum": 1}}}
#: the largest number a numeric header or query parameter may be written with (19 ASCII digits)
MAX_NUMBER = 10**19 - 1


def _error(description: str, *, retry: bool = False) -> dict[str, Any]:
    answer: dict[str, Any] = {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
    if retry:
        answer["headers"] = RETRY_AFTER
    return answer


def _json(description: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _header(description: str, *, required: bool = True, integer: bool = False,
            pattern: str | None = None) -> dict[str, Any]:
    schema: dict[str, Any] = ({"type": "integer", "minimum": 0, "maximum": MAX_NUMBER} if integer
                              else {"type": "string"})
    if pattern:
        schema["pattern"] = pattern
    return {"in": "header", "required": required, "description": description, "schema": schema}


def _param(name: str, spec: dict[str, Any]) -> dict[str, Any]:
    return {"name": name, **spec}


TUS = _param("Tus-Resumable", _header("tus protocol version", pattern="^1\\.0\\.0$"))
UPLOAD_ID = {"name": "upload_id", "in": "path", "required": True, "schema": {"type": "string"}}
AUTH: list[dict[str, list[str]]] = [{"bearer": []}]
ERRORS = {"400": _error("malformed request: a number not written in the ASCII digits 0-9 (at most 19), "
                         "a header given twice, JSON that is not an object"),
          "401": _error("no valid token or signature"),
          "403": _error("device not enrolled or revoked"), "404": _error("not found"),
          "408": _error("the request head (or a JSON body) did not arrive in time; the connection is closed"),
          "409": _error("conflict"), "412": _error("wrong tus version"),
          "413": _error("too large"), "414": _error("the request URL is too long; the connection is closed"),
          "415": _error("wrong content type"),
          "422": _error("invalid field"), "423": _error("upload busy"),
          "429": _error("too many attempts from this address, or too many unfinished uploads for this "
                        "workstation: try again after Retry-After", retry=True),
          "431": _error("too many request headers, or too many bytes of them; the connection is closed"),
          "460": _error("checksum mismatch (tus checksum extension)"),
          "503": _error("the provider's own fault (its disk, folder or database, or an unexpected error "
                        "named by an incident id): try again after Retry-After; for an upload's result, "
                        "asking again retries the import", retry=True),
          "507": _error("the provider's disk cannot store the upload or chunk now: try again after "
                        "Retry-After", retry=True)}
#: what any request may be answered, whatever its operation (the connection's limits, the provider's faults)
ANY = ("408", "414", "431", "503")


def _errors(*codes: str) -> dict[str, Any]:
    return {c: ERRORS[c] for c in (*codes, *ANY)}


def openapi_document() -> dict[str, Any]:
    string = {"type": "string"}
    return {
        "openapi": "3.0.3",
        "info": {"title": "Assessor provider", "version": "1.0.0",
                 "description": "Receives sealed evidence bundles from enrolled workshop workstations "
                                "over tus 1.0 and returns receipts signed with the provider key."},
        "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
            "schemas": {
                "Error": {"type": "object", "required": ["error"], "properties": {
                    "error": string, "code": string, "incident": string}},
                "Envelope": {"type": "object", "required": ["payload", "payloadType", "signatures"],
                             "description": "DSSE envelope"},
                "Workshop": {"type": "object", "required": ["id", "name", "country"], "properties": {
                    "id": string, "name": string, "country": string, "address": string}},
                "Assessor": {"type": "object", "required": ["id", "name", "qualification",
                                                            "qualification_expires", "workshops", "revoked"],
                             "properties": {
                                 "id": string, "name": string, "qualification": string,
                                 "qualification_ref": string, "qualification_expires": string,
                                 "workshops": {"type": "array", "items": string},
                                 "revoked": {"type": "boolean"},
                                 "revoked_reason": {"type": "string", "nullable": True},
                                 "keys": {"type": "array", "items": {"type": "object"}}}},
            },
        },
        "paths": {
            "/health": {"get": {"operationId": "health", "responses": {
                "200": _json("the provider is up", {"type": "object", "required": ["status"],
                                                    "properties": {"status": string,
                                                                   "provider_key_id": string}}),
                **_errors()}}},
            "/provider-key": {"get": {"operationId": "providerKey", "responses": {
                "200": _json("the provider's Ed25519 public key", {
                    "type": "object", "required": ["key_id", "public_key"],
                    "properties": {"key_id": string, "public_key": string}}),
                **_errors()}}},
            "/enroll": {"post": {
                "operationId": "enroll",
                "requestBody": {"required": True, "content": {"application/json": {"schema": {
                    "type": "object",
                    "description": "the code names the workshop; workshop_id, when sent, must be that one",
                    "required": ["code", "device_public_key", "signature"],
                    "properties": {"code": string, "workshop_id": string,
                                   "device_public_key": string, "signature": string}}}}},
                "responses": {"201": _json("enrolled into the workshop of the code", {
                    "type": "object", "required": [
                    "device_id", "workshop_id", "provider_key_id", "provider_public_key"], "properties": {
                    "device_id": string, "workshop_id": string, "workshop_name": string,
                    "workshop": {"$ref": "#/components/schemas/Workshop"}, "provider_key_id": string,
                    "provider_public_key": string}}),
                    **_errors("400", "401", "403", "409", "413", "422", "429")}}},
            "/assessors/bind": {"post": {
                "operationId": "bindAssessorKey", "security": AUTH,
                "requestBody": {"required": True, "content": {"application/json": {"schema": {
                    "type": "object", "required": ["assessor_id", "code", "public_key", "signature"],
                    "properties": {"assessor_id": string, "code": string, "public_key": string,
                                   "signature": string}}}}},
                "responses": {"201": _json("the assessor's key is bound to their record", {
                    "type": "object", "required": ["assessor"],
                    "properties": {"assessor": {"$ref": "#/components/schemas/Assessor"}}}),
                    **_errors("400", "401", "403", "409", "413", "422", "429")}}},
            "/status": {"get": {
                "operationId": "status", "security": AUTH,
                "responses": {"200": _json("this workstation's standing, its workshop and its assessors", {
                    "type": "object", "required": ["device", "workshop", "assessors"], "properties": {
                        "device": {"type": "object"},
                        "workshop": {"$ref": "#/components/schemas/Workshop"},
                        "assessors": {"type": "array",
                                      "items": {"$ref": "#/components/schemas/Assessor"}}}}),
                    **_errors("401", "403")}}},
            "/auth/token": {"post": {
                "operationId": "token",
                "requestBody": {"required": True, "content": {"application/json": {"schema": {
                    "type": "object", "required": ["key_id", "timestamp", "nonce", "signature"],
                    "properties": {"key_id": string, "timestamp": {"type": "integer"}, "nonce": string,
                                   "signature": string}}}}},
                "responses": {"200": _json("a short-lived bearer token", {
                    "type": "object", "required": ["token", "expires_in"],
                    "properties": {"token": string, "token_type": string,
                                   "expires_in": {"type": "integer"}}}),
                    **_errors("400", "401", "403", "413", "422", "429")}}},
            "/bundles": {"get": {
                "operationId": "listBundles", "security": AUTH,
                "parameters": [{"name": "after", "in": "query", "schema": string},
                               {"name": "limit", "in": "query",
                                "schema": {"type": "integer", "minimum": 1, "maximum": 1000}}],
                "responses": {"200": _json("bundles held that the calling workstation sealed", {
                    "type": "object", "required": ["bundles"], "properties": {
                        "bundles": {"type": "array", "items": {"type": "object", "properties": {
                            "bundle_id": string, "manifest_sha256": string}}},
                        "next": {"type": "string", "nullable": True}}}),
                    **_errors("400", "401", "403", "422")}}},
            "/bundles/{bundle_id}/receipt": {"get": {
                "operationId": "receipt", "security": AUTH,
                "parameters": [{"name": "bundle_id", "in": "path", "required": True, "schema": string}],
                "responses": {"200": _json("the signed receipt", {
                    "type": "object", "required": ["bundle_id", "manifest_sha256", "receipt"],
                    "properties": {"bundle_id": string, "manifest_sha256": string,
                                   "receipt": {"$ref": "#/components/schemas/Envelope"}}}),
                    **_errors("401", "403", "404")}}},
            "/reconcile": {"post": {
                "operationId": "reconcile", "security": AUTH,
                "requestBody": {"required": True, "content": {"application/json": {"schema": {
                    "type": "object", "required": ["digest"], "properties": {"digest": string}}}}},
                "responses": {"200": _json("whether the sets agree", {
                    "type": "object", "required": ["match", "count", "digest"],
                    "properties": {"match": {"type": "boolean"}, "count": {"type": "integer"},
                                   "digest": string}}),
                    **_errors("400", "401", "403", "413", "422")}}},
            "/moderation/feedback": {"get": {
                "operationId": "moderationFeedback", "security": AUTH,
                "parameters": [{"name": "limit", "in": "query",
                                "schema": {"type": "integer", "minimum": 1, "maximum": 100}}],
                "responses": {"200": _json(
                    "this workstation's undelivered moderation feedback, oldest first, in a DSSE envelope "
                    "signed by the provider key (payload: device_key_id, provider_key_id, issued_us and "
                    "items of id, created_us and the feedback document); more: another page waits", {
                        "type": "object", "required": ["feedback", "count", "more"], "properties": {
                            "feedback": {"$ref": "#/components/schemas/Envelope"},
                            "count": {"type": "integer"}, "more": {"type": "boolean"}}}),
                    **_errors("400", "401", "403")}}},
            "/moderation/feedback/ack": {"post": {
                "operationId": "acknowledgeModerationFeedback", "security": AUTH,
                "requestBody": {"required": True, "content": {"application/json": {"schema": {
                    "type": "object", "required": ["ids"],
                    "description": "the ids of feedback items this workstation has stored durably",
                    "properties": {"ids": {"type": "array", "minItems": 1, "maxItems": 1000, "items": {
                        "type": "integer", "minimum": 1, "maximum": 2**63 - 1}}}}}}},
                "responses": {"200": _json(
                    "acknowledged: this workstation's items (not sent again); unknown: ids that are not "
                    "this workstation's feedback, left untouched", {
                        "type": "object", "required": ["acknowledged", "unknown"], "properties": {
                            "acknowledged": {"type": "array", "items": {"type": "integer"}},
                            "unknown": {"type": "array", "items": {"type": "integer"}}}}),
                    **_errors("400", "401", "403", "413", "422")}}},
            "/credentials/eligibility": {"get": {
                "operationId": "eligibility", "security": AUTH,
                "responses": {"200": _json(
                    "the whole eligibility list in a DSSE envelope signed by the provider key (payload: "
                    "type, issued_us, as_of_us and learners: learner id -> checklist id -> credential and "
                    "issued date; revoked credentials left out)", {
                        "type": "object", "required": ["eligibility", "learners", "as_of_us"], "properties": {
                            "eligibility": {"$ref": "#/components/schemas/Envelope"},
                            "learners": {"type": "integer"}, "as_of_us": {"type": "integer"}}}),
                    **_errors("401", "403")}}},
            "/files": {
                "options": {"operationId": "tusOptions", "responses": {"204": {
                    "description": "tus capabilities (Tus-Version, Tus-Extension, Tus-Max-Size, "
                                   "Tus-Checksum-Algorithm)"}, **_errors()}},
                "post": {"operationId": "tusCreate", "security": AUTH, "parameters": [
                    TUS, _param("Upload-Length", _header("archive size in bytes", integer=True)),
                    _param("Upload-Metadata", _header("bundle_id and manifest_sha256, base64"))],
                    "responses": {"201": {"description": "created (or the finished upload of a bundle "
                                                         "already held); see Location"},
                                  **_errors("400", "401", "403", "409", "412", "413", "429", "507")}}},
            "/files/{upload_id}": {
                "parameters": [UPLOAD_ID],
                "head": {"operationId": "tusHead", "security": AUTH, "parameters": [TUS], "responses": {
                    "200": {"description": "Upload-Offset and Upload-Length"},
                    **{c: {"description": f"{ERRORS[c]['description']} (the reason in Assessor-Error)",
                           **({"headers": RETRY_AFTER} if "headers" in ERRORS[c] else {})}
                       for c in ("400", "401", "403", "404", "412", *ANY)}}},
                "patch": {"operationId": "tusPatch", "security": AUTH, "parameters": [
                    TUS, _param("Upload-Offset", _header("where this chunk starts", integer=True)),
                    _param("Upload-Checksum", _header("'sha256 <base64>' or 'sha1 <base64>'",
                                                      required=False))],
                    "requestBody": {"required": True, "content": {"application/offset+octet-stream": {
                        "schema": {"type": "string", "format": "binary"}}}},
                    "responses": {"204": {"description": "chunk stored and confirmed; new Upload-Offset. "
                                                         "After the last chunk the import starts "
                                                         "(Assessor-Import: started): see /result"},
                                  **_errors("400", "401", "403", "404", "409", "412", "413", "415",
                                            "423", "460", "507")}},
                "delete": {"operationId": "tusTerminate", "security": AUTH, "parameters": [TUS],
                           "responses": {"204": {"description": "terminated"},
                                         **_errors("401", "403", "404", "409", "412")}},
                "options": {"operationId": "tusOptionsUpload", "responses": {"204": {
                    "description": "tus capabilities"}, **_errors()}},
            },
            "/files/{upload_id}/result": {"get": {
                "operationId": "uploadResult", "security": AUTH, "parameters": [
                    UPLOAD_ID, {"name": "wait", "in": "query", "description": "seconds to hold the answer "
                                "while the import runs (long poll)",
                                "schema": {"type": "integer", "minimum": 0, "maximum": 60}}],
                "responses": {"200": _json("receiving, importing (ask again after Retry-After), or "
                                           "imported with its receipt", {
                    "type": "object", "required": ["status"], "properties": {
                        "status": string, "bundle_id": string, "receipt": {
                            "oneOf": [{"$ref": "#/components/schemas/Envelope"}], "nullable": True}}}),
                    "422": _json("quarantined, with the reason", {
                        "type": "object", "required": ["status", "reason"],
                        "properties": {"status": string, "reason": string}}),
                    **_errors("400", "401", "403", "404", "503")}}},
        },
    }
