"""The API fuzzed against its own OpenAPI document: schemathesis sends schema-valid and
schema-violating requests to every operation of the real server and runs all its checks (no
5xx, only declared statuses and content types, responses of the declared shapes, valid data
accepted, invalid data refused). Deterministic: derandomized, a fixed number of examples."""

from __future__ import annotations

import httpx
import pytest
import schemathesis
from hypothesis import settings

from bot.app import create_app
from bot.config import Settings
from bot.limits import MAX_BODY

pytestmark = pytest.mark.fuzz

EXAMPLES = 100  # per operation, in the fuzzing phase; the examples and coverage phases add theirs

# Operations are parametrized at collection, before the `server` fixture exists, so the document
# comes from create_app (which loads no index); the first test checks that the server serves
# exactly this document. (schemathesis.pytest.from_fixture would defer loading to the server,
# but fails under pytest 9.2: it reads Function._nodeid, which pytest no longer has.)
DOCUMENT = create_app(Settings()).openapi()
schema = schemathesis.openapi.from_dict(DOCUMENT)
checks = schema.config.checks
checks.update(included_check_names=["all"])
# JSON Schema cannot bound a body's size in bytes (a character is 1 to 6 bytes of JSON), so a
# body within the schema can be over 64 KiB, and one outside it can be refused for its size
# before its fields are read: 413 is right either way, and the test checks that 413 comes
# exactly when the body is over the limit.
for check in (checks.positive_data_acceptance, checks.negative_data_rejection):
    check.expected_statuses = [*check.expected_statuses, "413"]


def test_the_fuzzed_document_is_the_served_one(server):
    assert httpx.get(f"{server}/openapi.json").json() == DOCUMENT


@schema.parametrize()
@settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None)
def test_api_matches_its_schema(case, server):
    response = case.call_and_validate(base_url=server)
    sent = response.request.body or b""
    size = len(sent.encode() if isinstance(sent, str) else sent)
    assert (response.status_code == 413) == (size > MAX_BODY), (size, response.status_code)
