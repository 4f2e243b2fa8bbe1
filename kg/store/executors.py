"""Where extraction runs: in this process, in a local process pool, or on a Dask distributed cluster.

Each executor has one method, ``map(tasks)``: tasks in, one DocResult or DocFailure out per task in the
order they finish. Only a bounded window of tasks is in flight, so texts and graphs are never all held.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from itertools import chain, islice

from kg.errors import UsageError
from kg.store.corpus import DocFailure, DocResult, Task, extract_task, worker_pipeline

EXECUTORS = ("local", "dask")


def default_jobs() -> int:
    """All cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def _init_worker(components: tuple[str, ...] | None) -> None:
    """Create the worker's pipeline before the first task (jieba loads once per process)."""
    worker_pipeline(components)


def _failure_of(task: Task, err: BaseException) -> DocFailure:
    """A failure for a task whose worker died or could not run it."""
    return DocFailure(task.source, f"{task.source}: worker failed: {type(err).__name__}: {err}")


class InProcessExecutor:
    """Extraction in this process, one document after another (``--jobs 1``)."""

    def __init__(self, pipeline=None) -> None:
        self.pipeline = pipeline

    def map(self, tasks: Iterable[Task]) -> Iterator[DocResult | DocFailure]:
        """Run each task here, in order."""
        for task in tasks:
            yield extract_task(task, self.pipeline)


class LocalExecutor:
    """A process pool on this machine; workers are forked after the parent has loaded jieba once."""

    def __init__(self, jobs: int, *, components: tuple[str, ...] | None = None, window: int = 4) -> None:
        if jobs < 1:
            raise UsageError(f"--jobs {jobs}: give at least 1 worker process")
        self.jobs = jobs
        self.components = components
        self.window = max(1, window) * jobs

    def map(self, tasks: Iterable[Task]) -> Iterator[DocResult | DocFailure]:
        """Run tasks in the pool, yielding results as they finish."""
        it = iter(tasks)
        first = next(it, None)
        if first is None:
            return  # nothing changed: no pool, no dictionary loading
        it = chain([first], it)
        methods = multiprocessing.get_all_start_methods()
        if "fork" in methods:
            worker_pipeline(self.components)  # forked workers inherit the loaded dictionary
        context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        pending: dict[Future, Task] = {}
        with ProcessPoolExecutor(max_workers=self.jobs, mp_context=context, initializer=_init_worker,
                                 initargs=(self.components,)) as pool:
            try:
                for task in islice(it, self.window):
                    pending[pool.submit(extract_task, task)] = task
                while pending:
                    done, _ = wait(pending, return_when=FIRST_COMPLETED)
                    for fut in done:
                        task = pending.pop(fut)
                        err = fut.exception()
                        yield _failure_of(task, err) if err else fut.result()
                        for nxt in islice(it, 1):
                            pending[pool.submit(extract_task, nxt)] = nxt
            finally:
                for fut in pending:
                    fut.cancel()


class DaskExecutor:
    """Each document a task on a Dask distributed cluster; results are streamed back as they finish.

    ``scheduler`` is the address of a running scheduler (``tcp://host:8786``); an existing
    ``distributed.Client`` may be passed instead. Workers need GovKG installed (``pip install govkg``).
    """

    def __init__(self, scheduler: str | None = None, *, client=None, components: tuple[str, ...] | None = None,
                 window: int = 64) -> None:
        if client is None and not scheduler:
            raise UsageError("--executor dask needs --scheduler ADDRESS, e.g. --scheduler tcp://10.0.0.5:8786")
        self.scheduler = scheduler
        self.client = client
        self.components = components
        self.window = window

    def _client(self):
        """The given client, or a new one connected to the scheduler."""
        try:
            from distributed import Client
        except ImportError:
            raise UsageError("--executor dask needs dask.distributed: pip install 'dask[distributed]'") from None
        if self.client is not None:
            return self.client, False
        try:
            return Client(self.scheduler, timeout="20s"), True
        except OSError as err:
            raise UsageError(f"{self.scheduler}: cannot reach the Dask scheduler ({err}); "
                             "start one with `dask scheduler` or check the address") from None

    def map(self, tasks: Iterable[Task]) -> Iterator[DocResult | DocFailure]:
        """Submit tasks with a bounded window and yield results as they complete."""
        from distributed import as_completed

        client, owned = self._client()
        try:
            it = iter(tasks)
            sources: dict[str, str] = {}
            queue = as_completed()
            for task in islice(it, self.window):
                fut = client.submit(extract_task, task, pure=False)
                sources[fut.key] = task.source
                queue.add(fut)
            for fut in queue:
                source = sources.pop(fut.key, str(fut.key))
                try:
                    yield fut.result()
                except Exception as err:  # noqa: BLE001 - a worker crash fails one document, not the build
                    yield DocFailure(source, f"{source}: worker failed: {type(err).__name__}: {err}")
                fut.release()
                for task in islice(it, 1):
                    new = client.submit(extract_task, task, pure=False)
                    sources[new.key] = task.source
                    queue.add(new)
        finally:
            if owned:
                client.close()


def make_executor(name: str, *, jobs: int | None = None, scheduler: str | None = None, pipeline=None,
                  components: tuple[str, ...] | None = None):
    """The executor named on the command line: local (a pool, or this process for one job) or dask."""
    if name == "dask":
        return DaskExecutor(scheduler, components=components)
    if name != "local":
        raise UsageError(f"--executor {name}: choose one of {', '.join(EXECUTORS)}")
    jobs = jobs or default_jobs()
    if jobs == 1:
        return InProcessExecutor(pipeline)
    return LocalExecutor(jobs, components=components)
