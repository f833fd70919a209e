"""Chapter 5: forms. Each FlaskForm carries a hidden CSRF token and its validators."""

from flask_wtf import FlaskForm
from wtforms import BooleanField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, ValidationError


# --8<-- [start:note-form]
class NoteForm(FlaskForm):
    title = StringField("제목", validators=[DataRequired("제목을 입력하세요."), Length(max=200)])
    body = TextAreaField("내용", validators=[DataRequired("내용을 입력하세요.")])
    tags = StringField("태그(쉼표로 구분)")
    is_public = BooleanField("모두에게 공개", default=True)

    def validate_tags(self, field):
        names = self.tag_names()
        if len(names) > 5:
            raise ValidationError("태그는 5개까지 붙일 수 있습니다.")
        if any(len(name) > 30 for name in names):
            raise ValidationError("태그 하나는 30자를 넘을 수 없습니다.")

    def tag_names(self) -> list[str]:
        return [name.strip() for name in (self.tags.data or "").split(",") if name.strip()]
# --8<-- [end:note-form]


class CommentForm(FlaskForm):
    author_name = StringField("이름", validators=[DataRequired("이름을 입력하세요."), Length(max=40)])
    body = TextAreaField("댓글", validators=[DataRequired("댓글을 입력하세요."), Length(max=2000)])
