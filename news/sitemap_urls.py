from django.urls import path

from news.news_sitemap import news_sitemap

urlpatterns = [
    path("sitemap-news.xml", news_sitemap, name="news_sitemap"),
]
