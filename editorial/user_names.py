"""What the admin calls a person. Names are stored in Vietnamese order: "Họ và tên đệm"
(family and middle names, ``first_name``) then "Tên" (the given name, ``last_name``).
Vietnamese address people by the given name, "Hoa", never by "Lê Thị"; Wagtail's sidebar
greets ``user.first_name``, which here is the family name."""

from wagtail.admin.ui import sidebar


def given_name(user):
    """The given name ("Tên"); else the last word of what was typed; else the username."""
    last = (getattr(user, "last_name", "") or "").strip()
    if last:
        return last
    first = (getattr(user, "first_name", "") or "").split()
    return first[-1] if first else user.get_username()


class GivenNameMainMenuModule(sidebar.MainMenuModule):
    """The sidebar's account menu, naming the user by the given name."""

    def js_args(self):
        menu_items, account_menu_items, account = super().js_args()
        return [menu_items, account_menu_items, {**account, "name": given_name(self.user)}]


def register():
    # sidebar_props (wagtailadmin_tags) looks the class up on the module at each request;
    # the telepath adapter is found through the subclass's MRO.
    sidebar.MainMenuModule = GivenNameMainMenuModule
