"""Deterministic synthetic corpus of Korean study notes for the build benchmark.

`write_corpus(target, n)` writes `n` notes under `target/topic-XX/note-YYYY.md` (50 notes per
folder, like a real site's sections) and returns their paths relative to `target`. The same
`n` and `seed` always give byte-identical files, so runs and machines compare like with like.

Each note looks like a real one of this project: headings, 합니다체 prose with particles and
endings (what Korean search has to analyse), mentions of status codes ("404 Not Found") and
methods ("GET") that the cross-link hook turns into links, a table, a Python code block, an
admonition, links to two other notes and, in every tenth note, a Mermaid diagram.

Usage: python bench/corpus.py OUT_DIR [--n 1000] [--seed 6]
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

NOTES_PER_TOPIC = 50

TOPICS = [
    "요청과 응답", "상태 코드", "메서드", "헤더", "캐시", "쿠키", "세션", "토큰", "HTTPS", "라우팅",
    "템플릿", "폼 처리", "데이터베이스", "오류 처리", "배포", "테스트", "보안", "로깅", "비동기", "설정",
]

STATUS = [
    "200 OK", "201 Created", "204 No Content", "301 Moved Permanently", "302 Found",
    "304 Not Modified", "400 Bad Request", "401 Unauthorized", "403 Forbidden", "404 Not Found",
    "405 Method Not Allowed", "409 Conflict", "412 Precondition Failed", "415 Unsupported Media Type",
    "429 Too Many Requests", "500 Internal Server Error", "502 Bad Gateway", "503 Service Unavailable",
]
METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]

# Nouns and the particles/endings that follow them: the forms a Korean reader searches for.
NOUNS = [
    "요청", "응답", "서버", "클라이언트", "브라우저", "쿠키", "세션", "토큰", "헤더", "본문", "리소스",
    "캐시", "경로", "함수", "템플릿", "데이터베이스", "사용자", "비밀번호", "인증", "권한", "주소", "연결",
    "프록시", "표현", "메시지", "상태", "규칙", "예제", "설정", "환경", "오류", "로그", "테스트", "파일",
]
# (after a final consonant, after a vowel): Korean picks the particle by the noun's last syllable.
PARTICLES = [("은", "는"), ("이", "가"), ("을", "를"), ("과", "와"), ("으로", "로"), ("에", "에"),
             ("에서", "에서"), ("의", "의"), ("도", "도"), ("만", "만")]
VERBS = [
    "보냅니다", "받습니다", "저장합니다", "확인합니다", "돌려줍니다", "처리합니다", "만듭니다", "바꿉니다",
    "검사합니다", "기록합니다", "읽습니다", "지웁니다", "전달합니다", "비교합니다", "나타냅니다",
]
ADVERBS = ["먼저", "다시", "항상", "보통", "반드시", "가끔", "곧바로", "차례로", "함께", "따로"]
ADMONITIONS = [("note", "참고"), ("tip", "도움말"), ("warning", "주의"), ("question", "질문")]


def _with_particle(noun: str, rng: random.Random) -> str:
    after_consonant, after_vowel = rng.choice(PARTICLES)
    final = (ord(noun[-1]) - 0xAC00) % 28 if "가" <= noun[-1] <= "힣" else 0
    # A final ㄹ (index 8) takes 로, like a vowel does.
    if after_consonant == "으로" and final == 8:
        return noun + after_vowel
    return noun + (after_consonant if final else after_vowel)


def _sentence(rng: random.Random) -> str:
    words = []
    for _ in range(rng.randint(2, 4)):
        words.append(_with_particle(rng.choice(NOUNS), rng))
    if rng.random() < 0.4:
        words.insert(rng.randrange(len(words)), rng.choice(ADVERBS))
    roll = rng.random()
    if roll < 0.2:
        words.append(f"{rng.choice(STATUS)} 응답을")
    elif roll < 0.4:
        words.append(f"{rng.choice(METHODS)} 요청으로")
    return " ".join(words) + " " + rng.choice(VERBS) + "."


def _paragraph(rng: random.Random) -> str:
    return " ".join(_sentence(rng) for _ in range(rng.randint(3, 6)))


def _table(rng: random.Random) -> str:
    rows = ["| 상태 코드 | 메서드 | 설명 |", "| --- | --- | --- |"]
    for _ in range(rng.randint(3, 5)):
        rows.append(f"| {rng.choice(STATUS)} | `{rng.choice(METHODS)}` | {_sentence(rng)} |")
    return "\n".join(rows)


def _code(rng: random.Random, index: int) -> str:
    method = rng.choice(METHODS[:5])
    status = rng.choice(STATUS).split()[0]
    return "\n".join(
        [
            "```python",
            "from flask import Flask, abort",
            "",
            "app = Flask(__name__)",
            "",
            "",
            f'@app.route("/items/<int:item_id>", methods=["{method}"])',
            f"def handle_{index}(item_id):",
            f"    # 없는 항목이면 {status} 응답을 돌려줍니다.",
            "    if item_id > 100:",
            f"        abort({status})",
            '    return {"id": item_id}',
            "```",
        ]
    )


def _mermaid(rng: random.Random) -> str:
    method = rng.choice(METHODS)
    status = rng.choice(STATUS)
    return "\n".join(
        [
            "```mermaid",
            "sequenceDiagram",
            "    participant B as 브라우저",
            "    participant S as 서버",
            f"    B->>S: {method} /items/1",
            f"    S-->>B: {status}",
            "```",
        ]
    )


def note_path(index: int) -> str:
    return f"topic-{index // NOTES_PER_TOPIC:02d}/note-{index:04d}.md"


def _link(from_index: int, to_index: int) -> str:
    target = note_path(to_index)
    if target.split("/")[0] == note_path(from_index).split("/")[0]:
        return target.split("/")[1]
    return "../" + target


def render_note(index: int, n: int, seed: int) -> str:
    rng = random.Random(f"{seed}:{index}")
    topic = TOPICS[(index // NOTES_PER_TOPIC) % len(TOPICS)]
    parts = [f"# {topic} 노트 {index:04d}", "", _paragraph(rng), ""]
    for section in range(rng.randint(3, 5)):
        noun = rng.choice(NOUNS)
        parts += [f"## {_with_particle(noun, rng)} 다루는 방법 {section + 1}", "", _paragraph(rng), ""]
        if section == 0:
            parts += [_table(rng), ""]
        if section == 1:
            parts += [_code(rng, index), ""]
        if section == 2:
            kind, title = rng.choice(ADMONITIONS)
            parts += [f'!!! {kind} "{title}"', "", "    " + _paragraph(rng), ""]
        if section == 1 and index % 10 == 0:
            parts += [_mermaid(rng), ""]
    others = sorted({rng.randrange(n) for _ in range(2)} - {index})
    if others:
        links = ", ".join(f"[노트 {other:04d}]({_link(index, other)})" for other in others)
        parts += ["## 함께 읽기", "", f"이어서 {links}도 읽어 보세요.", ""]
    return "\n".join(parts)


def write_corpus(target: Path, n: int, seed: int = 6) -> list[str]:
    """Write `n` notes plus one index page under `target`; return the note paths."""
    target.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(n):
        path = note_path(index)
        (target / path).parent.mkdir(parents=True, exist_ok=True)
        (target / path).write_text(render_note(index, n, seed), encoding="utf-8")
        paths.append(path)
    (target / "index.md").write_text(
        f"# 벤치마크 노트\n\n합성 노트 {n}개입니다. 빌드 시간을 재는 데에만 씁니다.\n", encoding="utf-8"
    )
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=6)
    args = parser.parse_args()
    paths = write_corpus(args.out, args.n, args.seed)
    print(f"{len(paths)} notes written to {args.out}")


if __name__ == "__main__":
    main()
