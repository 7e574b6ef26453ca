from django.urls import path

from . import admin_views

app_name = "liveblog_admin"
urlpatterns = [
    path("", admin_views.index, name="index"),
    path("<int:page_id>/", admin_views.post, name="post"),
    path("<int:page_id>/ket-thuc/", admin_views.end, name="end"),
    path("cap-nhat/<int:update_id>/sua/", admin_views.edit, name="edit"),
    path("cap-nhat/<int:update_id>/xoa/", admin_views.delete, name="delete"),
    path("cap-nhat/<int:update_id>/<str:field>/", admin_views.toggle, name="toggle"),
]
