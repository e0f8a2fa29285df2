"""The notebooks in notebooks/ run top to bottom on the bundled data, so they cannot rot.

Each is executed with nbclient in a fresh kernel (the venv's Python), from the notebooks folder, as a person
would run it; the test then reads the executed outputs: the printed numbers must be the ones the library
gives, and the plots must be there as images. The committed notebooks carry no outputs.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from conftest import ROOT, SAMPLES

NOTEBOOKS = ROOT / "notebooks"
#: Each notebook must run in about a minute; the per-cell timeout is a backstop, not the budget.
BUDGET_SECONDS = 90

pytestmark = pytest.mark.slow


def _execute(name: str):
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    t0 = time.perf_counter()
    nbclient.NotebookClient(nb, timeout=180, kernel_name="python3",
                            resources={"metadata": {"path": str(NOTEBOOKS)}}).execute()
    elapsed = time.perf_counter() - t0
    assert elapsed < BUDGET_SECONDS, f"{name} took {elapsed:.0f} s"
    return nb


def _outputs(nb):
    for cell in nb.cells:
        if cell.cell_type == "code":
            yield from cell.get("outputs", [])


def _text(nb) -> str:
    parts = []
    for out in _outputs(nb):
        if out.get("output_type") == "stream":
            parts.append(out.get("text", ""))
        elif "data" in out:
            parts.append(out["data"].get("text/plain", ""))
            parts.append(out["data"].get("text/html", ""))
    return "\n".join(parts)


def _images(nb) -> int:
    return sum(1 for out in _outputs(nb) if "image/png" in out.get("data", {}))


def _errors(nb) -> list[str]:
    return [f"{o.get('ename')}: {o.get('evalue')}" for o in _outputs(nb) if o.get("output_type") == "error"]


@pytest.mark.parametrize("path", sorted(NOTEBOOKS.glob("*.ipynb")), ids=lambda p: p.name)
def test_notebooks_are_committed_without_outputs(path):
    nbformat = pytest.importorskip("nbformat")
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    assert re.fullmatch(r"\d\d-[a-z0-9-]+\.ipynb", path.name)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert not cell.outputs and cell.execution_count is None, f"{path.name}: strip the outputs"


def test_analyse_one_cv_notebook():
    from gapcheck import analyze

    nb = _execute("01-analyse-one-cv.ipynb")
    assert not _errors(nb), _errors(nb)
    text = _text(nb)
    report = analyze(SAMPLES / "cv_software_engineer.pdf", SAMPLES / "advert_backend_engineer.txt")
    assert f"Match {report.score.match}/100" in text
    assert f"{len(report.gaps)} gaps" in text
    # The DataFrames were displayed: every gap's name is in the gaps table.
    assert all(g.name in text for g in report.gaps)
    assert "1. [" in text  # the three actions
    assert _images(nb) >= 2, "the coverage and gap plots"


def test_screen_listings_notebook():
    pytest.importorskip("gapcheck.screening")
    nb = _execute("02-screen-listings.ipynb")
    assert not _errors(nb), _errors(nb)
    text = _text(nb)
    n = len(list((SAMPLES / "listings").glob("*.txt")))
    assert f"{n} listings screened, {n} scored, 0 errors" in text
    m = re.search(r"best match (\d+)/100 \((.+?)\), median (\d+)/100", text)
    assert m and int(m.group(1)) >= int(m.group(3)) and m.group(2)
    assert re.search(rf"{re.escape(m.group(2))}: Match {m.group(1)}/100", text), "the closer look at the best"
    assert _images(nb) >= 3, "the score distribution, the frequent gaps and the scatter"
