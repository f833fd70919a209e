"""앱 팩토리 패턴: 설정을 받아 앱을 만들어 돌려주는 함수입니다.

실행: flask --app factory run --debug   (flask가 create_app()을 자동으로 찾습니다)
"""
from flask import Blueprint, Flask

bp = Blueprint("main", __name__)


@bp.get("/")
def index():
    return {"message": "팩토리로 만든 앱입니다"}


def create_app(test_config=None):
    app = Flask(__name__)
    # 기본 설정: 실제 배포에서는 환경 변수 등에서 비밀 키를 읽어 옵니다.
    app.config.from_mapping(SECRET_KEY="dev")
    if test_config is not None:
        # 테스트마다 다른 설정을 넣을 수 있는 것이 팩토리의 장점입니다.
        app.config.update(test_config)
    app.register_blueprint(bp)
    return app
