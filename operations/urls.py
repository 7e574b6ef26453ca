from django.urls import path

from operations.health import healthz

urlpatterns = [
    path("healthz/", healthz, name="healthz"),
]
