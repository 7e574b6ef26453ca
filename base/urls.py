from django.urls import path

from base.private_media import original_image

urlpatterns = [
    path("anh-goc/<int:image_id>/<str:filename>", original_image, name="original_image"),
]
