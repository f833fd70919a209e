"""The data loader: valid data loads, and the project's data matches the registries and the platform."""

import http
from pathlib import Path

import pytest

from studysite.reference_data import COMMON_METHODS, load_reference

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures"


def test_valid_fixture_loads():
    reference = load_reference(FIXTURES / "valid")
    assert [s.code for s in reference.status_codes] == [200, 404]
    assert reference.status(404).related == (200,)
    assert reference.method("GET").cacheable == "yes"
    assert reference.method("PROPFIND").common is False


# The malformed-data cases live in tests/test_bad_input.py.


# --- The project's real data against the registries and the platform -----------------------

@pytest.fixture(scope="module")
def reference():
    return load_reference(ROOT)


def test_every_iana_status_code_is_present(reference):
    codes = [s.code for s in reference.status_codes]
    assert len(codes) == 63
    assert {306, 418, 510} <= set(codes)
    assert reference.status(306).status == reference.status(418).status == "unused"
    assert reference.status(510).status == "obsolete"


def test_every_python_http_status_is_present(reference):
    codes = {s.code for s in reference.status_codes}
    assert {member.value for member in http.HTTPStatus} <= codes


def test_phrases_follow_the_current_registry(reference):
    assert reference.status(413).phrase == "Content Too Large"
    assert reference.status(422).phrase == "Unprocessable Content"
    assert reference.status(306).phrase == reference.status(418).phrase == "(Unused)"


def test_every_iana_method_is_present(reference):
    names = [m.method for m in reference.methods]
    assert len(names) == 40
    assert names[0] == "ACL" and names[-1] == "VERSION-CONTROL"
    assert {member.value for member in http.HTTPMethod} <= set(names)


# RFC 9110 §9.2.1 (safe) and §9.2.2 (idempotent); PATCH: RFC 5789 §2.
EXPECTED_FLAGS = {
    "GET": (True, True), "HEAD": (True, True), "OPTIONS": (True, True), "TRACE": (True, True),
    "PUT": (False, True), "DELETE": (False, True),
    "POST": (False, False), "CONNECT": (False, False), "PATCH": (False, False),
}


def test_common_method_flags_match_rfc_9110(reference):
    assert set(EXPECTED_FLAGS) == set(COMMON_METHODS)
    for name, flags in EXPECTED_FLAGS.items():
        method = reference.method(name)
        assert (method.safe, method.idempotent) == flags, name
        assert method.description and method.example_request and method.example_response


def test_flask_examples_in_data_compile(reference):
    snippets = [(f"status {s.code}", s.flask) for s in reference.status_codes if s.flask]
    snippets += [(f"method {m.method}", m.flask) for m in reference.methods if m.flask]
    assert snippets
    for name, source in snippets:
        compile(source, name, "exec")
