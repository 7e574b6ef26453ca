"""The direction of imports between our apps, as docs/architecture.md writes it down."""

import ast
import re
from importlib import import_module
from pathlib import Path

from django.conf import settings
from django.utils.module_loading import import_string

ROOT = Path(settings.BASE_DIR)
DOC = ROOT / "docs" / "architecture.md"


def allowed_imports():
    block = re.search(r"```imports\n(.*?)```", DOC.read_text(), re.S).group(1)
    rules = {}
    for line in block.strip().splitlines():
        app, _, deps = line.partition(":")
        rules[app.strip()] = set(deps.split())
    return rules


def our_apps():
    return {p.name for p in ROOT.iterdir() if (p / "__init__.py").exists() and p.name != "tests"}


def modules_of(app):
    for path in sorted((ROOT / app).rglob("*.py")):
        if "migrations" not in path.relative_to(ROOT).parts:
            yield path


def imported_apps(path, apps):
    """Every app a module names in an import (anywhere in the module) or a model look-up."""
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        names = []
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "get_model"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            names = [node.args[0].value.split(".")[0]]
        for name in names:
            top = name.split(".")[0]
            if top in apps:
                yield top, node.lineno


def test_every_app_has_its_place_in_the_written_direction():
    rules = allowed_imports()
    assert our_apps() <= set(rules), (
        f"apps missing from docs/architecture.md: {our_apps() - set(rules)}"
    )


def test_no_app_imports_against_the_written_direction():
    rules, apps = allowed_imports(), our_apps()
    against = []
    for app in sorted(apps):
        for path in modules_of(app):
            for imported, line in imported_apps(path, apps):
                if imported != app and imported not in rules[app]:
                    against.append(f"{path.relative_to(ROOT)}:{line} imports {imported}")
    assert not against, "\n".join(against)


def test_the_direction_has_no_cycle():
    rules = allowed_imports()
    done, visiting = set(), []

    def visit(app):
        assert app not in visiting, f"cycle: {' -> '.join([*visiting, app])}"
        if app in done:
            return
        visiting.append(app)
        for dep in rules.get(app, ()):
            visit(dep)
        visiting.pop()
        done.add(app)

    for app in rules:
        visit(app)


def test_the_project_package_is_configuration_only():
    lines = sum(len(p.read_text().splitlines()) for p in (ROOT / "kontum_site").rglob("*.py"))
    assert lines < 1500, f"kontum_site/ has {lines} lines of Python"


WIRING_SETTINGS = [
    "HOME_SECTION_PROVIDERS",
    "HOME_LIVE_PROVIDERS",
    "DEMO_LOADERS",
    "ROLE_SETUPS",
    "PERIODIC_JOBS",
    "MIDDLEWARE",
    "TAGGIT_TAGS_FROM_STRING",
    "WAGTAILADMIN_USER_LOGIN_FORM",
    "WAGTAILADMIN_USER_PASSWORD_RESET_FORM",
]


def test_every_dotted_path_the_settings_name_imports():
    """The settings wire the apps together by name (docs/architecture.md): a module moved or
    renamed must not leave a name behind that fails only when the job or the page runs."""
    names = []
    for setting in WIRING_SETTINGS:
        value = getattr(settings, setting)
        values = [value] if isinstance(value, str) else value
        names += [item[0] if isinstance(item, tuple) else item for item in values]
    names += [cache["BACKEND"] for cache in settings.CACHES.values()]
    names.append(settings.ROOT_URLCONF + ".urlpatterns")
    names.append(settings.WSGI_APPLICATION)
    for template in settings.TEMPLATES:
        names += template["OPTIONS"].get("context_processors", [])
    broken = []
    for name in names:
        try:
            import_string(name)
        except ImportError as error:
            broken.append(f"{name}: {error}")
    assert not broken, "\n".join(broken)


def test_every_bench_step_imports():
    for name in settings.BENCH_DATASET_STEPS:
        module = import_module(name)
        assert callable(module.build), name


def module_imports(apps):
    """{module: modules of ours it imports}, imports inside functions included."""
    modules = {}
    for app in apps:
        for path in modules_of(app):
            parts = path.relative_to(ROOT).with_suffix("").parts
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            modules[name] = path
    graph = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        targets = set()
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                    base = ".".join([*anchor, *([node.module] if node.module else [])])
                targets.update([base, *(f"{base}.{alias.name}" for alias in node.names)])
            elif isinstance(node, ast.Import):
                targets.update(alias.name for alias in node.names)
        graph[name] = {t for t in targets if t in modules and t != name}
    return graph


def test_no_module_imports_itself_back():
    """No cycle between our modules (Wagtail's own rule): each import goes one way."""
    graph = module_imports(our_apps())
    done, path = set(), []

    def visit(module):
        if module in path:
            raise AssertionError("import cycle: " + " -> ".join([*path, module]))
        if module in done:
            return
        path.append(module)
        for target in sorted(graph[module]):
            visit(target)
        path.pop()
        done.add(module)

    for module in sorted(graph):
        visit(module)
