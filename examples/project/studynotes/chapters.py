"""The chapter table: which feature modules and files each chapter of the track adds.

`create_app` registers the modules of every chapter up to the one it is asked for, so the app
as of chapter N is the same code with only the first N rows switched on. The build packs the
files of rows 1..N into the chapter's download.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Chapter:
    number: int
    slug: str
    title: str
    modules: tuple[str, ...]  # studynotes.<module>.init_app(app) is called for each, in order
    files: tuple[str, ...]  # paths relative to examples/project/ that this chapter adds


# --8<-- [start:table]
CHAPTERS: tuple[Chapter, ...] = (
    Chapter(1, "setup", "프로젝트 준비", ("health",), (
        "README.md", "requirements.txt", ".env.example", ".gitignore",
        "studynotes/__init__.py", "studynotes/chapters.py", "studynotes/config.py",
        "studynotes/health.py",
    )),
    Chapter(2, "structure", "앱 구조", ("main",), (
        "studynotes/main.py", "studynotes/templates/base.html", "studynotes/templates/index.html",
        "studynotes/templates/about.html",
    )),
    Chapter(3, "templates", "템플릿", ("filters",), (
        "studynotes/filters.py", "studynotes/templates/_macros.html", "studynotes/static/style.css",
    )),
    Chapter(4, "database", "데이터베이스", ("database", "notes"), (
        "studynotes/extensions.py", "studynotes/models.py", "studynotes/database.py",
        "studynotes/permissions.py", "studynotes/notes.py",
        "studynotes/templates/notes/list.html", "studynotes/templates/notes/detail.html",
        "migrations/alembic.ini", "migrations/env.py", "migrations/script.py.mako",
        "migrations/README", "migrations/versions/0001_notes_tags_comments.py",
    )),
    Chapter(5, "forms", "폼과 CSRF", ("editor",), (
        "studynotes/forms.py", "studynotes/editor.py", "studynotes/templates/notes/form.html",
    )),
    Chapter(6, "auth", "회원 가입과 로그인", ("auth",), (
        "studynotes/auth.py", "studynotes/templates/auth/signup.html",
        "studynotes/templates/auth/login.html",
    )),
    Chapter(7, "errors", "권한과 오류 처리", ("errors",), (
        "studynotes/errors.py", "studynotes/templates/errors/error.html",
    )),
    Chapter(8, "api", "JSON API", ("api",), ("studynotes/api.py",)),
    Chapter(9, "tokens", "API 인증과 요청 제한", ("tokens",), (
        "studynotes/tokens.py", "studynotes/ratelimit.py",
    )),
    Chapter(10, "uploads", "파일 업로드", ("uploads",), (
        "studynotes/uploads.py", "studynotes/templates/notes/_attachments.html",
        "migrations/versions/0002_attachments.py",
    )),
    Chapter(11, "testing", "테스트", (), (
        "pytest.ini", "tests/conftest.py", "tests/test_notes.py", "tests/test_api.py",
    )),
    Chapter(12, "deploy", "배포", ("deploy",), (
        "studynotes/deploy.py", "wsgi.py", "gunicorn.conf.py", "deploy/nginx.conf",
        "Dockerfile", ".dockerignore",
    )),
)
# --8<-- [end:table]

LAST_CHAPTER = CHAPTERS[-1].number


def modules_up_to(chapter: int) -> list[str]:
    """The feature modules of chapters 1..chapter, in the order they are registered."""
    if not 1 <= chapter <= LAST_CHAPTER:
        raise ValueError(f"chapter must be 1..{LAST_CHAPTER}, not {chapter}")
    return [module for row in CHAPTERS[:chapter] for module in row.modules]


def files_up_to(chapter: int) -> list[str]:
    """The project files a reader has after chapter `chapter`."""
    return [path for row in CHAPTERS[:chapter] for path in row.files]
