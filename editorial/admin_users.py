"""The admin's users listing sorted by name in Vietnamese order: Wagtail sorts by
"Tên" (last_name, the given name) then "Họ và tên đệm" (first_name), as a Vietnamese
directory does; the collation puts "Đức" before "Y" (language.collation)."""

from wagtail.users.views.users import IndexView, UserViewSet

from language.collation import VietnameseOrderingMixin


class VietnameseUserIndexView(VietnameseOrderingMixin, IndexView):
    collated_fields = ("last_name", "first_name")


class VietnameseUserViewSet(UserViewSet):
    index_view_class = VietnameseUserIndexView
