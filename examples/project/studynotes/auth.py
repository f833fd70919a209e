"""Chapter 6: sign-up, login with hashed passwords, remember-me, logout by POST."""

from urllib.parse import urlsplit

from flask import Blueprint, Flask, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_user, logout_user
from flask_wtf import FlaskForm
from sqlalchemy import select
from wtforms import BooleanField, PasswordField, StringField
from wtforms.validators import DataRequired, EqualTo, Length, Regexp

from .extensions import db, login_manager
from .models import User

bp = Blueprint("auth", __name__, url_prefix="/auth")


# --8<-- [start:forms]
class SignupForm(FlaskForm):
    username = StringField("아이디", validators=[
        DataRequired("아이디를 입력하세요."),
        Regexp(r"^[a-z0-9_]{3,40}$", message="영문 소문자, 숫자, _로 3~40자를 쓰세요.")])
    password = PasswordField("비밀번호", validators=[
        DataRequired("비밀번호를 입력하세요."), Length(min=10, message="10자 이상으로 정하세요.")])
    confirm = PasswordField("비밀번호 확인", validators=[
        EqualTo("password", message="두 비밀번호가 다릅니다.")])


class LoginForm(FlaskForm):
    username = StringField("아이디", validators=[DataRequired("아이디를 입력하세요.")])
    password = PasswordField("비밀번호", validators=[DataRequired("비밀번호를 입력하세요.")])
    remember = BooleanField("로그인 상태 유지")
# --8<-- [end:forms]


# --8<-- [start:loader]
@login_manager.user_loader
def load_user(user_id: str) -> User | None:
    """Flask-Login keeps only the id in the session; this turns it back into a User."""
    return db.session.get(User, int(user_id))
# --8<-- [end:loader]


# --8<-- [start:signup]
@bp.route("/signup", methods=["GET", "POST"])
def signup():
    form = SignupForm()
    if form.validate_on_submit():
        if db.session.scalar(select(User).where(User.username == form.username.data)):
            form.username.errors.append("이미 쓰이는 아이디입니다.")
        else:
            user = User(username=form.username.data)
            user.set_password(form.password.data)  # only the hash is stored
            db.session.add(user)
            db.session.commit()
            login_user(user)
            flash("가입했습니다. 환영합니다!", "success")
            return redirect(url_for("notes.list_notes"), code=303)
    status = 422 if form.errors else 200
    return render_template("auth/signup.html", form=form), status
# --8<-- [end:signup]


# --8<-- [start:login]
def safe_next(target: str | None) -> str:
    """Only same-site paths: `?next=https://evil.example/` must not become an open redirect."""
    if target and target.startswith("/") and not target.startswith("//") and not urlsplit(target).netloc:
        return target
    return url_for("notes.list_notes")


@bp.route("/login", methods=["GET", "POST"])
def login():
    form = LoginForm()
    if form.validate_on_submit():
        user = db.session.scalar(select(User).where(User.username == form.username.data))
        if user is not None and user.check_password(form.password.data):
            login_user(user, remember=form.remember.data)
            flash("로그인했습니다.", "success")
            return redirect(safe_next(request.args.get("next")), code=303)
        # One message for "no such user" and "wrong password": do not reveal which.
        form.form_errors.append("아이디 또는 비밀번호가 맞지 않습니다.")
    status = 422 if form.errors else 200
    return render_template("auth/login.html", form=form), status


@bp.post("/logout")
def logout():
    # POST only (with the CSRF token): a GET link could log people out from another site.
    if current_user.is_authenticated:
        logout_user()
        flash("로그아웃했습니다.", "info")
    return redirect(url_for("main.index"), code=303)
# --8<-- [end:login]


def init_app(app: Flask) -> None:
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message = "먼저 로그인하세요."
    app.register_blueprint(bp)
