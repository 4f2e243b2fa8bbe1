"""The pyvis page: entities coloured and shaped by class, sized by mentions, typed relations labelled."""

from __future__ import annotations

import html
from pathlib import Path

from pyoxigraph import Quad

from kg.atomic import write_atomic

CLASS_STYLE: dict[str, tuple[str, str, str]] = {
    # class: (colour, shape, 中文)
    "Enterprise": ("#e6194b", "dot", "企业"),
    "AdministrativeArea": ("#3cb44b", "square", "行政区域"),
    "Zone": ("#4363d8", "diamond", "园区"),
    "Project": ("#f58231", "triangle", "项目"),
    "Policy": ("#911eb4", "star", "政策"),
    "Organization": ("#42d4f4", "hexagon", "机构"),
    "Event": ("#f032e6", "triangleDown", "活动"),
    "Industry": ("#9a6324", "ellipse", "产业"),
}


def render_page(quads: list[Quad], *, title: str = "GovKG") -> str:
    """The page's HTML for a graph: self-contained (vis.js in-lined), every document string escaped."""
    from pyvis.network import Network

    from kg.network import to_networkx

    graph = to_networkx(quads)
    net = Network(height="800px", width="100%", directed=True, cdn_resources="in_line")
    for node, data in sorted(graph.nodes(data=True)):
        colour, shape, zh_class = CLASS_STYLE[data["cls"]]
        tooltip = f"{zh_class} {data['cls']}: {data['label']}"
        if data["aliases"]:
            tooltip += " / " + "、".join(data["aliases"])
        net.add_node(node, label=data["label"], title=html.escape(tooltip), color=colour, shape=shape,
                     size=8 + 4 * min(10, data["mentions"]))
    for a, b, data in sorted(graph.edges(data=True), key=lambda e: (e[0], e[1], e[2]["kind"])):
        if data["kind"] == "relatedTo":
            net.add_edge(a, b, color="#cccccc", width=0.5, arrows="", title="relatedTo")
        else:
            net.add_edge(a, b, label=data["kind"], title=data["kind"], width=2)
    net.toggle_physics(True)
    page = net.generate_html(notebook=False)
    legend = "".join(
        f'<span style="color:{c}">■ {html.escape(zh)} {cls}</span> ' for cls, (c, _, zh) in CLASS_STYLE.items()
    )
    return page.replace("<body>", f"<body><h1>{html.escape(title)}</h1><div>{legend}</div>", 1)


def write_page(quads: list[Quad], path: str | Path, *, title: str = "GovKG") -> None:
    """Render the page and write it atomically."""
    write_atomic(path, render_page(quads, title=title))
