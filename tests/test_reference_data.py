"""The data loader: valid data passes, and every problem becomes one `file:line: field: problem` line."""

import http
import textwrap
from pathlib import Path

import pytest

from reference_data import COMMON_METHODS, load_reference
from yaml_lines import DataError

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures"

GOOD_STATUS = (FIXTURES / "valid/data/status_codes.yml").read_text(encoding="utf-8")
GOOD_METHODS = (FIXTURES / "valid/data/methods.yml").read_text(encoding="utf-8")


def write_data(root: Path, status: str = GOOD_STATUS, methods: str = GOOD_METHODS) -> Path:
    (root / "data").mkdir()
    (root / "data/status_codes.yml").write_text(textwrap.dedent(status), encoding="utf-8")
    (root / "data/methods.yml").write_text(textwrap.dedent(methods), encoding="utf-8")
    return root


def problems_for(root: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_reference(root)
    return [str(p) for p in caught.value.problems]


def test_valid_fixture_loads():
    reference = load_reference(FIXTURES / "valid")
    assert [s.code for s in reference.status_codes] == [200, 404]
    assert reference.status(404).related == (200,)
    assert reference.method("GET").cacheable == "yes"
    assert reference.method("PROPFIND").common is False


# Each case: a replacement applied to the good status file, and the exact problem lines.
STATUS_CASES = {
    "unknown related code": (
        ("related: [200]", "related: [200, 499]"),
        ["data/status_codes.yml:25: 404.related: unknown status code 499"],
    ),
    "code outside its class": (
        ("class: client_error", "class: server_error"),
        ["data/status_codes.yml:17: 404.class: 404 does not belong to class server_error"],
    ),
    "unknown class": (
        ("class: client_error", "class: client"),
        [
            "data/status_codes.yml:17: 404.class: unknown value 'client' "
            "(allowed: informational, successful, redirection, client_error, server_error)"
        ],
    ),
    "duplicate code": (
        ("- code: 404", "- code: 200"),
        [
            "data/status_codes.yml:12: 200.related: unknown status code 404",
            "data/status_codes.yml:14: 200.code: duplicate status code (first at line 1)",
            "data/status_codes.yml:17: 200.class: 200 does not belong to class client_error",
        ],
    ),
    "wrong type": (
        ("cacheable: true\n  summary: 서버가", "cacheable: maybe\n  summary: 서버가"),
        ["data/status_codes.yml:21: 404.cacheable: expected true or false, got str 'maybe'"],
    ),
    "empty Korean title": (
        ("title_ko: 찾을 수 없음", 'title_ko: ""'),
        ["data/status_codes.yml:16: 404.title_ko: must not be empty"],
    ),
    "malformed spec URL": (
        ("https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5", "http//rfc9110"),
        ["data/status_codes.yml:20: 404.spec_url: malformed URL 'http//rfc9110' (expected https://host/path)"],
    ),
    "missing required field": (
        ("  phrase: Not Found\n", ""),
        ["data/status_codes.yml:14: 404.phrase: required field is missing"],
    ),
    "duplicate key": (
        ("  phrase: Not Found\n", "  phrase: Not Found\n  phrase: Missing\n"),
        ["data/status_codes.yml:16: phrase: duplicate key (first at line 15)"],
    ),
    "unknown field": (
        ("  phrase: Not Found\n", "  phrase: Not Found\n  colour: red\n"),
        ["data/status_codes.yml:16: 404.colour: unknown field"],
    ),
    "YAML syntax error": (
        ("related: [200]", "related: [200"),
        ["data/status_codes.yml:26: yaml: syntax error: expected ',' or ']', but got ':'"],
    ),
}


@pytest.mark.parametrize("case", STATUS_CASES, ids=list(STATUS_CASES))
def test_bad_status_data_is_reported_with_file_and_line(tmp_path, case):
    (old, new), expected = STATUS_CASES[case]
    assert old in GOOD_STATUS
    write_data(tmp_path, status=GOOD_STATUS.replace(old, new, 1))
    assert problems_for(tmp_path) == expected


def test_method_problems_are_reported_together(tmp_path):
    methods = GOOD_METHODS.replace("safe: true", "safe: yes please", 1).replace(
        "  summary: 리소스의 속성을 조회합니다.", "  summary: 리소스의 속성을 조회합니다.\n  cacheable: \"yes\""
    )
    write_data(tmp_path, methods=methods)
    assert problems_for(tmp_path) == [
        "data/methods.yml:2: GET.safe: expected true or false, got str 'yes please'",
        "data/methods.yml:27: PROPFIND.cacheable: only the nine common methods carry this field",
    ]


def test_non_utf8_file_is_reported(tmp_path):
    write_data(tmp_path)
    (tmp_path / "data/methods.yml").write_bytes(b"- method: GET\n  title_ko: \xc1\xb6\xc8\xb8\n")
    assert problems_for(tmp_path) == ["data/methods.yml:2: file: not valid UTF-8"]


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
    assert len(names) == 39
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
