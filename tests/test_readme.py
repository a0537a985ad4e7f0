"""The README's Python example runs as written (docs are tests)."""
import os
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_python_example_runs_and_finds_the_release(tmp_path, monkeypatch):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    code = re.search(r"```python\n(.*?)```", readme, re.S).group(1)
    code = code.replace('"examples/articles"', repr(str(ROOT / "examples" / "articles")))
    monkeypatch.chdir(tmp_path)
    namespace: dict = {}
    exec(compile(code, "README.md", "exec"), namespace)  # noqa: S102 - our own documentation
    rows = namespace["rows"].to_python()
    assert any("qwen" in str(r["model"]).lower() for r in rows)
    assert (tmp_path / "graph.ttl").is_file() and (tmp_path / "graph.html").is_file()
    assert namespace["nx_graph"].number_of_nodes() > 10
    assert os.path.basename(str(namespace["ex"].article.id)).startswith("text-")
