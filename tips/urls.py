from django.urls import path

from . import views

app_name = "tips"

urlpatterns = [
    path("gui-tin-cho-toa-soan/", views.send_tip, name="send"),
    path("gui-tin-cho-toa-soan/da-gui/", views.tip_sent, name="sent"),
]
