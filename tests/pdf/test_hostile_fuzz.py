"""Fuzzing in the suite (issue 8): hypothesis mutates the sample page (values → NaN/±Inf/
huge/negative/wrong types/deep nesting/lone surrogates/long strings, keys dropped or added,
next chains rewired …) and runs the loader, layout, preflight and the export in-process,
each case under a 20 s alarm. Every case must end as a clean refusal (one well-formed line
per problem), a preflight refusal, or a PDF (qpdf-checked on a sample). The CI profile runs
300 cases (BANMIAN_FUZZ_CASES overrides); bench/fuzz.py runs thousands in subprocesses."""
from __future__ import annotations

import json
import os
import random
import signal
import sys
from pathlib import Path

import pytest

hypothesis = pytest.importorskip("hypothesis")     # the test extra (pyproject); not our code
from hypothesis import HealthCheck, given, settings, strategies as st  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
from bench import fuzz as fz  # noqa: E402  (bench/fuzz.py: the shared mutators)

pytestmark = pytest.mark.pdf

CASES = int(os.environ.get("BANMIAN_FUZZ_CASES", "300"))
OPS = ["value", "long", "drop", "add", "next", "swap_ids", "pages", "columns", "geometry", "master",
       "story_twice"]
SAMPLE = fz.sample_path().read_text("utf-8")
SEEN: dict[str, int] = {}


@st.composite
def mutated_layouts(draw):
    seed = draw(st.integers(0, 2 ** 32 - 1))
    ops = draw(st.lists(st.sampled_from(OPS), min_size=1, max_size=3))
    rng = random.Random(seed)
    data = json.loads(SAMPLE)
    for op in ops:
        fz.mutate_once(data, rng, op)
    return fz.to_text(data)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    d = tmp_path_factory.mktemp("fuzz")
    old = os.environ.get("BANMIAN_HOME")
    os.environ["BANMIAN_HOME"] = str(d / "home")     # the image cache: photos convert once
    yield fz.prepare_workdir(d / "page")
    if old is None:
        os.environ.pop("BANMIAN_HOME", None)
    else:
        os.environ["BANMIAN_HOME"] = old


class _Hang(Exception):
    pass


def _alarm(signum, frame):
    raise _Hang("a case ran over 20 s")


@settings(max_examples=CASES, deadline=None, database=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                 HealthCheck.function_scoped_fixture])
@given(text=mutated_layouts())
def test_mutated_sample_layouts_never_crash(workdir, text):
    n = sum(SEEN.values())
    old = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(20)
    try:
        outcome = fz.run_case(text, workdir, export=True, qpdf=(n % 5 == 0))
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
    SEEN[outcome] = SEEN.get(outcome, 0) + 1
    assert outcome in ("refused", "preflight", "exported", "laid_out"), outcome


def test_the_fuzzer_reached_every_stage():
    """Run after the fuzz test (file order): the mutations are not all refused at the door."""
    if sum(SEEN.values()) < CASES:
        pytest.skip("run together with test_mutated_sample_layouts_never_crash")
    assert SEEN.get("refused", 0) > CASES // 3, SEEN
    assert SEEN.get("exported", 0) + SEEN.get("preflight", 0) >= 10, SEEN
