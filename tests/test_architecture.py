"""The direction of imports between our apps, as docs/architecture.md writes it down."""

import ast
import re
from pathlib import Path

from django.conf import settings

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
