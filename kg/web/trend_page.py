"""The chart page of `kg trend -o FILE.html`: one self-contained, offline HTML file drawn with plotly.js.

Plotly is used because its Python package ships plotly.js, so the whole library is in-lined into the page (no
network, works from ``file://``), it draws lines with dashes and markers, bars and error bars (a range target as
5–5.5), and shows a hover label per point, where the evidence sentence goes. A series is a line per issuer over
the years, targets dashed with open diamonds and actuals solid with dots; a cross-section (one year) is a bar per
issuer. Every string taken from a document is HTML-escaped before plotly sees it (its labels understand a few
tags, so an unescaped sentence could add a link), the figure reaches the page as JSON in a
``<script type="application/json">`` block, and a Content-Security-Policy allows only the page's own two
scripts (by hash) and no host at all.
"""

from __future__ import annotations

import html
import json
import textwrap
from functools import cache

from kg.explore.trend import KIND_ZH, TrendRow
from kg.rdf.measures import Concept
from kg.web.viz import _inline_script, _script_hash, json_for_html

PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2", "#7f7f7f",
           "#bcbd22")
BOOT = ("var d=JSON.parse(document.getElementById('kg-trend-data').textContent);"
        "Plotly.newPlot('kg-chart',d.data,d.layout,{displaylogo:false,responsive:true});"
        "document.body.setAttribute('data-state','ready');")
CSS = """
body { font-family: "WenQuanYi Micro Hei", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", system-ui,
  sans-serif; font-size: 14px; color: #222; margin: 0; }
header { padding: 6px 12px; border-bottom: 1px solid #ddd; background: #fafafa; }
h1 { font-size: 18px; margin: 0; }
.kg-hint { color: #666; font-size: 12px; margin: 2px 0 0; }
#kg-chart { height: 62vh; min-height: 360px; }
table { border-collapse: collapse; margin: 8px 12px 24px; font-size: 13px; }
th, td { border-bottom: 1px solid #eee; padding: 3px 8px; text-align: left; vertical-align: top; }
td.kg-evidence { max-width: 640px; color: #444; }
"""


@cache
def _plotly_js() -> str:
    from plotly.offline import get_plotlyjs

    return _inline_script(get_plotlyjs())


def _label(text: str) -> str:
    """Document text for a plotly label: <, > and & escaped (plotly reads a few tags and decodes those entities;
    it does not decode &quot;, and a quote outside a tag is plain text)."""
    return html.escape(text, quote=False)


def _hover(row: TrendRow) -> str:
    """The hover label of a point: who, when, what, and the sentence wrapped, every document string escaped."""
    sentence = "<br>".join(_label(line) for line in textwrap.wrap(row.evidence, 36))
    kind = f"{KIND_ZH.get(row.kind, row.kind)} {row.kind.lower()}"
    value = f"{row.value_text} {row.unit}{row.qualifier}"
    return (f"<b>{_label(row.issuer)}</b> {row.year} {kind}: {_label(value)}<br>"
            f"{_label(row.metric)}<br>{sentence}")


def _error(rows: list[TrendRow]) -> dict | None:
    """Error bars from each value up to the top of its range (none when no row is a range)."""
    if all(r.value_max is None for r in rows):
        return None
    return {"type": "data", "symmetric": False, "arrayminus": [0] * len(rows),
            "array": [float(r.value_max - r.value) if r.value_max is not None else 0 for r in rows]}


def figure(rows: list[TrendRow], concept: Concept, *, cross_section: bool) -> dict:
    """The plotly figure (data and layout) for the rows: lines over years, or bars for one year."""
    traces = []
    issuers = sorted({r.issuer for r in rows})
    colour = {name: PALETTE[k % len(PALETTE)] for k, name in enumerate(issuers)}
    units = sorted({r.unit for r in rows})
    for kind in ("Target", "Actual"):
        mine = [r for r in rows if r.kind == kind]
        if not mine:
            continue
        if cross_section:
            traces.append({
                "type": "bar", "name": f"{KIND_ZH[kind]} {kind.lower()}", "x": [r.issuer for r in mine],
                "y": [float(r.value) for r in mine], "text": [r.value_text for r in mine], "textposition": "outside",
                "hovertext": [_hover(r) for r in mine], "hoverinfo": "text", "error_y": _error(mine),
                "marker": {"color": "#4363d8" if kind == "Target" else "#3cb44b",
                           "pattern": {"shape": "/" if kind == "Target" else ""}},
            })
            continue
        for issuer in issuers:
            series = [r for r in mine if r.issuer == issuer]
            if not series:
                continue
            traces.append({
                "type": "scatter", "mode": "lines+markers", "name": f"{issuer} {KIND_ZH[kind]}",
                "x": [r.year for r in series], "y": [float(r.value) for r in series],
                "hovertext": [_hover(r) for r in series], "hoverinfo": "text", "error_y": _error(series),
                "line": {"color": colour[issuer], "dash": "dash" if kind == "Target" else "solid"},
                "marker": {"symbol": "diamond-open" if kind == "Target" else "circle", "size": 9,
                           "color": colour[issuer]},
            })
    for trace in traces:
        if trace["error_y"] is None:
            del trace["error_y"]
    title = f"{concept.label_zh} {concept.label_en}"
    layout = {
        "title": {"text": _label(title)},
        "hovermode": "closest", "hoverlabel": {"align": "left"},
        "barmode": "group", "showlegend": True, "legend": {"orientation": "v"},
        "xaxis": {"title": {"text": "地区 issuer" if cross_section else "年份 year"},
                  **({} if cross_section else {"dtick": 1 if len({r.year for r in rows}) <= 15 else 5,
                                               "tickformat": "d"})},
        "yaxis": {"title": {"text": _label(" / ".join(units) or concept.label_en)}},
        "margin": {"t": 50, "l": 60, "r": 20, "b": 90 if cross_section else 50},
        "font": {"family": '"WenQuanYi Micro Hei", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif'},
    }
    return {"data": traces, "layout": layout}


def _table(rows: list[TrendRow]) -> str:
    head = "".join(f"<th>{h}</th>" for h in ("地区 issuer", "年份 year", "类型 kind", "数值 value", "单位 unit",
                                                 "限定 qualifier", "报告 report", "证据 evidence"))
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in (
            r.issuer, str(r.year), f"{KIND_ZH.get(r.kind, r.kind)} {r.kind.lower()}", r.value_text, r.unit,
            r.qualifier, r.report.rsplit("/", 1)[-1])) + f'<td class="kg-evidence">{html.escape(r.evidence)}</td></tr>'
        for r in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def trend_page(rows: list[TrendRow], concept: Concept, *, cross_section: bool, subtitle: str = "") -> str:
    """The complete HTML of the chart page for the rows."""
    plotly_js = _plotly_js()
    data = json.loads(json.dumps(figure(rows, concept, cross_section=cross_section)))
    csp = (f"default-src 'none'; script-src {_script_hash(plotly_js)} {_script_hash(BOOT)}; "
           "style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'")
    title = f"{concept.label_zh} {concept.label_en}"
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{html.escape(csp)}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="GovKG kg trend">\n'
        f"<title>{html.escape(title)}</title>\n<style>{CSS}</style>\n</head>\n"
        '<body data-state="loading">\n<header>\n'
        f"<h1>{html.escape(title)}</h1>\n"
        f'<p class="kg-hint">{html.escape(subtitle)} 虚线◇为目标，实线●为实际；区间以误差线表示。悬停查看原句。'
        " Dashed ◇ targets, solid ● actuals; a range is drawn as an error bar. Hover a point for its sentence.</p>\n"
        '</header>\n<div id="kg-chart"></div>\n'
        f"{_table(rows)}\n"
        f'<script type="application/json" id="kg-trend-data">{json_for_html(data)}</script>\n'
        f"<script>{plotly_js}</script>\n<script>{BOOT}</script>\n</body>\n</html>\n"
    )
