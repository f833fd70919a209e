"""연습 문제: float 변환기는 소수점이 있는 값만 받습니다. 정수 주소도 받으려면 규칙을 하나 더 둡니다."""

from flask import Flask

app = Flask(__name__)


@app.get("/price/<int:amount>")          # /price/3
@app.get("/price/<float:amount>")        # /price/3.5, /price/3.0
def price(amount):
    return {"amount": float(amount)}
