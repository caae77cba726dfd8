"""The notebook path: kg.load/kg.build results display in Jupyter (IPython's display machinery, a real
kernel through nbclient when it is installed, and the inline view in a headless browser, offline)."""

from __future__ import annotations

import html
import re

import pandas as pd
import pytest

import kg
from kg.analytics.example import example_graph
from kg.result import BuildResult


@pytest.fixture(scope="module")
def loaded(samples_build):
    _result, out = samples_build
    return kg.load(out / "graph.ttl"), out


def test_load_returns_the_same_kind_of_object(loaded, samples_build):
    g, out = loaded
    assert isinstance(g, BuildResult) and g.documents == 4
    assert g.summary()["events"] == samples_build[0].summary()["events"]
    assert isinstance(kg.load(out), BuildResult)  # an output folder works too
    with pytest.raises(FileNotFoundError):
        kg.load(out / "missing.ttl")


def test_event_table_and_sparql(loaded):
    g, _out = loaded
    df = g.events
    assert isinstance(df, pd.DataFrame) and len(df) == g.summary()["edges"]
    n = g.query("SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a kg:Event }")
    assert list(n.columns) == ["n"] and int(n.iloc[0, 0]) == df["event_id"].nunique()


def test_analytics_methods_return_frames(loaded):
    g, _out = loaded
    assert g.resolve("Filipina") == "PHL" and g.resolve("Jokowi") == "IDN" and g.resolve("Jokowi", by="actor") == "joko_widodo"
    nb = g.neighbors("Indonesia")
    assert list(nb.columns[:4]) == ["actor", "name", "hops", "events"] and len(nb) > 0
    tl = g.timeline("Indonesia", freq="week")
    assert list(tl.columns) == ["period", "start", "events", "goldstein", "q1", "q2", "q3", "q4"] and tl["events"].sum() > 0
    assert set(g.activity().columns) >= {"events", "pagerank", "betweenness"}
    assert len(g.dyads("cooperation", top=3)) == 3
    assert g.communities() and isinstance(g.brokers(), pd.DataFrame)
    assert g.paths("Hamas", "Indonesia")[0]["nodes"][0] == "NSA:HAMAS"
    assert set(g.ego("Indonesia", hops=1)) >= {"IDN", "EGY"}
    assert g.stats()["documents"] == 4


def test_methods_on_the_hand_built_graph():
    g = BuildResult(graph=example_graph())
    # by code, the Putin-Raisi call belongs to Russia-Iran: 4 events, 22.8 Goldstein
    top = g.dyads("cooperation", top=1).iloc[0]
    assert (top["a"], top["b"], top["events"], top["goldstein"]) == ("IRN", "RUS", 4, 22.8)
    assert g.timeline("Putin", "Iran")["events"].tolist() == [1, 2, 1]
    assert g.timeline("Putin", "Iran", by="actor").empty  # Putin met Raisi, not Iran
    assert g.neighbors("Qatar", since="2024-05")["actor"].tolist() == ["USA"]


def _formatted(obj) -> dict:
    """What Jupyter receives for ``obj`` as a cell's value: IPython's display formatter."""
    from IPython.core.formatters import DisplayFormatter

    data, _meta = DisplayFormatter().format(obj)
    return data


def test_view_displays_as_an_isolated_offline_iframe(loaded):
    g, _out = loaded
    view = g.view("Indonesia", hops=1)
    data = _formatted(view)
    frame = data["text/html"]
    assert frame.startswith('<iframe sandbox="allow-scripts"') and "allow-same-origin" not in frame
    page = html.unescape(re.search(r'srcdoc="([^"]*)"', frame).group(1))
    assert page == view.html and "kg event-graph view" in page and "kgGraph" in page and "Indonesia" in page
    assert not re.search(r"<script[^>]+src=", page, re.I)
    assert not re.search(r"(?:src|href)\s*=\s*[\"']?(?:https?:)?//", page, re.I)
    assert "text/plain" in data and "kg view" in data["text/plain"]


def test_view_of_a_period_and_the_summary_table(loaded, tmp_path):
    g, _out = loaded
    everything, august = g.view(), g.view(since="2024-08")
    assert len(august.html) < len(everything.html)
    assert "<table>" in _formatted(g)["text/html"]
    saved = august.save(tmp_path / "aug.html")
    assert saved.read_text(encoding="utf-8") == august.html


def test_view_renders_inside_the_iframe_with_no_network(browser, loaded):
    g, _out = loaded
    page = browser.new_page()
    requests = []
    page.route("**/*", lambda route: route.abort())
    page.on("request", lambda r: requests.append(r.url))
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.set_content("<html><body><h1>notebook</h1>" + g.view("Indonesia")._repr_html_() + "</body></html>")
    frame = next(f for f in page.frames if f != page.main_frame)
    frame.wait_for_function("window.network !== undefined && window.network.body.nodeIndices.length > 0", timeout=15000)
    assert frame.evaluate("window.network.body.nodeIndices.length") >= 3
    # sandboxed: the view cannot reach the notebook page
    assert frame.evaluate("(() => { try { return window.parent.document.title, 'reached'; } catch (e) { return 'blocked'; } })()") == "blocked"
    assert errors == [] and [u for u in requests if not u.startswith(("about:", "data:"))] == []
    page.close()


def test_a_real_notebook_runs(loaded, tmp_path):
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    _g, out = loaded
    cells = [
        f"import kg\ng = kg.load({str(out / 'graph.ttl')!r})\ng.events.shape",
        "g.neighbors('Indonesia')",
        "g.view('Indonesia')",
    ]
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
    nbclient.NotebookClient(nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}).execute()
    outputs = [c.outputs for c in nb.cells]
    assert all(o and o[0]["output_type"] == "execute_result" for o in outputs), outputs
    assert "EGY" in outputs[1][0]["data"]["text/html"]
    assert outputs[2][0]["data"]["text/html"].startswith('<iframe sandbox="allow-scripts"')
