"""The provider's OpenAPI 3.0 description, served at /openapi.json (and fuzzed in the tests)."""

from __future__ import annotations

from typing import Any


def _error(description: str) -> dict[str, Any]:
    return {"description": description,
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}


def _json(description: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _header(description: str, *, required: bool = True, integer: bool = False,
            pattern: str | None = None) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "integer", "minimum": 0} if integer else {"type": "string"}
    if pattern:
        schema["pattern"] = pattern
    return {"in": "header", "required": required, "description": description, "schema": schema}


def _param(name: str, spec: dict[str, Any]) -> dict[str, Any]:
    return {"name": name, **spec}


TUS = _param("Tus-Resumable", _header("tus protocol version", pattern="^1\\.0\\.0$"))
UPLOAD_ID = {"name": "upload_id", "in": "path", "required": True, "schema": {"type": "string"}}
AUTH: list[dict[str, list[str]]] = [{"bearer": []}]
ERRORS = {"400": _error("malformed request"), "401": _error("no valid token or signature"),
          "403": _error("device not enrolled or revoked"), "404": _error("not found"),
          "409": _error("conflict"), "412": _error("wrong tus version"),
          "413": _error("too large"), "415": _error("wrong content type"),
          "422": _error("invalid field"), "423": _error("upload busy"),
          "460": _error("checksum mismatch (tus checksum extension)"),
          "503": _error("the import failed on the provider; asking again retries it"),
          "507": _error("the provider cannot store the chunk")}


def _errors(*codes: str) -> dict[str, Any]:
    return {c: ERRORS[c] for c in codes}


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
                "Error": {"type": "object", "required": ["error"], "properties": {"error": string}},
                "Envelope": {"type": "object", "required": ["payload", "payloadType", "signatures"],
                             "description": "DSSE envelope"},
            },
        },
        "paths": {
            "/health": {"get": {"operationId": "health", "responses": {
                "200": _json("the provider is up", {"type": "object", "required": ["status"],
                                                    "properties": {"status": string,
                                                                   "provider_key_id": string}})}}},
            "/provider-key": {"get": {"operationId": "providerKey", "responses": {
                "200": _json("the provider's Ed25519 public key", {
                    "type": "object", "required": ["key_id", "public_key"],
                    "properties": {"key_id": string, "public_key": string}})}}},
            "/enroll": {"post": {
                "operationId": "enroll",
                "requestBody": {"required": True, "content": {"application/json": {"schema": {
                    "type": "object",
                    "required": ["code", "workshop_id", "workshop_name", "device_public_key", "signature"],
                    "properties": {"code": string, "workshop_id": string, "workshop_name": string,
                                   "device_public_key": string, "signature": string}}}}},
                "responses": {"201": _json("enrolled", {"type": "object", "required": [
                    "device_id", "provider_key_id", "provider_public_key"], "properties": {
                    "device_id": string, "workshop_id": string, "provider_key_id": string,
                    "provider_public_key": string}}),
                    **_errors("400", "401", "403", "409", "413", "422")}}},
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
                    **_errors("400", "401", "403", "413", "422")}}},
            "/bundles": {"get": {
                "operationId": "listBundles", "security": AUTH,
                "parameters": [{"name": "after", "in": "query", "schema": string},
                               {"name": "limit", "in": "query", "schema": {"type": "integer"}}],
                "responses": {"200": _json("bundles held for the caller's workshop", {
                    "type": "object", "required": ["bundles"], "properties": {
                        "bundles": {"type": "array", "items": {"type": "object", "properties": {
                            "bundle_id": string, "manifest_sha256": string}}},
                        "next": {"type": "string", "nullable": True}}}),
                    **_errors("401", "403", "422")}}},
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
            "/files": {
                "options": {"operationId": "tusOptions", "responses": {"204": {
                    "description": "tus capabilities (Tus-Version, Tus-Extension, Tus-Max-Size, "
                                   "Tus-Checksum-Algorithm)"}}},
                "post": {"operationId": "tusCreate", "security": AUTH, "parameters": [
                    TUS, _param("Upload-Length", _header("archive size in bytes", integer=True)),
                    _param("Upload-Metadata", _header("bundle_id and manifest_sha256, base64"))],
                    "responses": {"201": {"description": "created (or the finished upload of a bundle "
                                                         "already held); see Location"},
                                  **_errors("400", "401", "403", "409", "412", "413")}}},
            "/files/{upload_id}": {
                "parameters": [UPLOAD_ID],
                "head": {"operationId": "tusHead", "security": AUTH, "parameters": [TUS], "responses": {
                    "200": {"description": "Upload-Offset and Upload-Length"},
                    **{c: {"description": ERRORS[c]["description"]} for c in ("401", "403", "404", "412")}}},
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
                    "description": "tus capabilities"}}},
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
