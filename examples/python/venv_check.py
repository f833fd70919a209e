"""지금 실행 중인 파이썬이 가상 환경(venv) 안에 있는지 알려 줍니다.

사용법: python examples/python/venv_check.py
"""
import sys


def in_virtualenv() -> bool:
    # venv 안에서는 sys.prefix가 가상 환경 폴더를, sys.base_prefix가 원래 파이썬을 가리킵니다.
    return sys.prefix != sys.base_prefix


def report() -> str:
    if in_virtualenv():
        return f"가상 환경 안입니다: {sys.prefix}"
    return f"가상 환경 밖입니다(시스템 파이썬): {sys.prefix}"


if __name__ == "__main__":
    print(report())
    print(f"파이썬 실행 파일: {sys.executable}")
