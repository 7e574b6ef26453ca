from wagtail import hooks

from security import admin_csp


@hooks.register("insert_global_admin_js")
def start_widgets_without_inline_scripts():
    return admin_csp.global_admin_js()
