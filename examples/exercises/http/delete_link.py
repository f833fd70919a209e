"""연습 문제: 글 삭제를 GET 링크로 만든 앱(버그)과 POST 폼으로 고친 앱을 비교합니다."""

from flask import Flask, abort

POSTS = {1: "첫 글", 2: "둘째 글"}

buggy = Flask("buggy")


@buggy.get("/posts/<int:post_id>/delete")  # 버그: 안전한 메서드로 상태를 바꿉니다.
def delete_by_link(post_id):
    POSTS.pop(post_id, None)
    return {"posts": sorted(POSTS)}


fixed = Flask("fixed")


@fixed.post("/posts/<int:post_id>/delete")  # 폼의 <form method="post">로만 지울 수 있습니다.
def delete_by_form(post_id):
    if POSTS.pop(post_id, None) is None:
        abort(404)
    return {"posts": sorted(POSTS)}


if __name__ == "__main__":
    # 링크를 따라다니는 크롤러나 미리 가져오기는 GET만 보냅니다.
    print(buggy.test_client().get("/posts/1/delete").get_json())  # {'posts': [2]}: 크롤러가 글을 지웠습니다.
    print(fixed.test_client().get("/posts/2/delete").status_code)  # 405: GET으로는 지울 수 없습니다.
    print(fixed.test_client().post("/posts/2/delete").get_json())  # {'posts': []}
