"""The project's modules import each other in one direction only, and models import no views.

The import graph is read from the source with `ast`, so it holds every import a module makes,
function-level ones included (a cycle hidden inside a function is still a cycle). The apps are the
top-level directories with an `apps.py`; migrations are left out.
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VIEW_LAYER = {
    "admin",
    "api",
    "forms",
    "panels",
    "reports",
    "selectors",
    "templatetags",
    "views",
    "wagtail_hooks",
}


def project_apps(root=ROOT):
    return sorted(path.parent.name for path in root.glob("*/apps.py"))


def module_files(root=ROOT, apps=None):
    """Each module's dotted name and source file, packages named by their `__init__.py`."""
    modules = {}
    for app in apps or project_apps(root):
        for path in sorted((root / app).rglob("*.py")):
            relative = path.relative_to(root).with_suffix("")
            if "migrations" in relative.parts:
                continue
            parts = relative.parts[:-1] if relative.name == "__init__" else relative.parts
            modules[".".join(parts)] = path
    return modules


def imported_modules(name, source, modules, is_package=False):
    """The project modules `source` (module `name`) imports, anywhere in the module.

    `from pkg import name` counts as importing the submodule `pkg.name` when there is one, else
    `pkg`; an import of something deeper than a module counts as importing that module.
    """
    package = name.split(".") if is_package else name.split(".")[:-1]
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            origin = ".".join(base + ([node.module] if node.module else []))
            targets = [
                f"{origin}.{alias.name}" if f"{origin}.{alias.name}" in modules else origin
                for alias in node.names
            ]
        else:
            continue
        for target in targets:
            while target and target not in modules:
                target = target.rpartition(".")[0]
            if target and target != name:
                found.add(target)
    return found


def import_graph(root=ROOT, apps=None):
    modules = module_files(root, apps)
    return {
        name: imported_modules(name, path.read_text(), modules, path.name == "__init__.py")
        for name, path in modules.items()
    }


def cycles(graph):
    """The strongly connected components of more than one module (Tarjan), each sorted."""
    index, low, on_stack, stack, found = {}, {}, set(), [], []
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, successors = work[-1]
            for successor in successors:
                if successor not in index:
                    index[successor] = low[successor] = len(index)
                    stack.append(successor)
                    on_stack.add(successor)
                    work.append((successor, iter(sorted(graph.get(successor, ())))))
                    break
                if successor in on_stack:
                    low[node] = min(low[node], index[successor])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        found.append(sorted(component))
    return sorted(found)


# What wires the apps together, named by settings or the server rather than imported: the URLs,
# the settings, the context processors, the management commands, the WSGI/ASGI entry points.
# They may import any app; no module imports them.
ENTRY_POINTS = (
    "supportsite.asgi",
    "supportsite.context_processors",
    "supportsite.management",
    "supportsite.settings",
    "supportsite.urls",
    "supportsite.wsgi",
)


def is_entry_point(name):
    return any(name == entry or name.startswith(f"{entry}.") for entry in ENTRY_POINTS)


def app_graph(graph):
    """Which apps each app imports, leaving out the entry points' imports."""
    apps = {}
    for module, targets in graph.items():
        if is_entry_point(module):
            continue
        app = module.partition(".")[0]
        apps.setdefault(app, set()).update(
            target.partition(".")[0] for target in targets if not target.startswith(f"{app}.")
        )
        apps[app].discard(app)
    return apps


def is_models_module(name):
    return "models" in name.split(".")


def is_view_layer(name):
    return bool(VIEW_LAYER & set(name.split(".")))


def test_the_project_has_no_import_cycles():
    found = cycles(import_graph())

    assert not found, "Import cycles:\n" + "\n".join(" <-> ".join(cycle) for cycle in found)


def test_the_apps_depend_on_each_other_in_one_direction():
    found = cycles(app_graph(import_graph()))

    assert not found, "Apps importing each other:\n" + "\n".join(" <-> ".join(c) for c in found)


def test_nothing_imports_the_entry_points():
    offences = sorted(
        f"{module} imports {target}"
        for module, targets in import_graph().items()
        if not is_entry_point(module)
        for target in targets
        if is_entry_point(target)
    )

    assert not offences, "\n".join(offences)


def test_app_graph_leaves_out_the_entry_points_and_finds_app_cycles():
    graph = {
        "supportsite.urls": {"tickets.views"},
        "tickets.views": {"helpcenter.search", "tickets.models"},
        "tickets.models": set(),
        "helpcenter.search": {"tickets.models"},
        "helpcenter.views": {"tickets.views"},
    }
    assert app_graph(graph) == {"tickets": {"helpcenter"}, "helpcenter": {"tickets"}}
    assert cycles(app_graph(graph)) == [["helpcenter", "tickets"]]


def test_models_import_no_view_layer_code():
    offences = sorted(
        f"{module} imports {target}"
        for module, targets in import_graph().items()
        if is_models_module(module)
        for target in targets
        if is_view_layer(target)
    )

    assert not offences, "Models importing view-layer code:\n" + "\n".join(offences)


def test_every_app_with_an_apps_module_is_checked():
    assert {"accounts", "helpcenter", "supportsite", "tickets"} <= set(project_apps())


def test_cycle_finder_reports_each_strongly_connected_component():
    graph = {
        "a": {"b"},
        "b": {"c"},
        "c": {"a", "d"},
        "d": {"e"},
        "e": {"d"},
        "f": {"a"},
        "g": {"g"},
    }

    assert cycles(graph) == [["a", "b", "c"], ["d", "e"]]
    assert cycles({"a": {"b"}, "b": {"c"}, "c": set()}) == []


def test_imports_resolve_to_project_modules_anywhere_in_a_module():
    modules = {"shop", "shop.models", "shop.models.orders", "shop.views", "shop.forms"}
    source = (
        "import os\n"
        "from .. import views\n"
        "from ..forms import OrderForm\n"
        "from shop.models import orders, Order\n"
        "def later():\n"
        "    import shop.views.detail\n"
    )

    assert imported_modules("shop.models.carts", source, modules) == {
        "shop.views",
        "shop.forms",
        "shop.models",
        "shop.models.orders",
    }
    assert imported_modules("shop.models", "from .orders import Order", modules, True) == {
        "shop.models.orders"
    }
