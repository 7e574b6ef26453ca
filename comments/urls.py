from django.urls import path

from . import views

app_name = "comments"
urlpatterns = [
    path("gui/<int:page_id>/", views.post_comment, name="post"),
    path("ma/<int:page_id>/", views.form_token, name="token"),
    path("huy-theo-doi/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
