"""연습 문제: 지금 파이썬이 패키지를 설치하는 site-packages 폴더와 가상 환경 여부를 출력합니다."""

import sys
import sysconfig


def install_dir() -> str:
    # "purelib"는 순수 파이썬 패키지가 설치되는 폴더입니다.
    return sysconfig.get_paths()["purelib"]


def report() -> str:
    inside = sys.prefix != sys.base_prefix
    where = "가상 환경" if inside else "시스템 파이썬"
    return f"{where}의 site-packages: {install_dir()}"


if __name__ == "__main__":
    print(report())
