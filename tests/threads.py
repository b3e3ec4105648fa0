"""Things done at the same instant from several threads (each with its own database connection), for the tests of
what two people — or two clicks — do at once."""

import threading

from django.db import connections


def at_once(*calls) -> list:
    """Runs the calls in threads released together; returns what each raised (None where it did not)."""
    start, raised = threading.Barrier(len(calls)), [None] * len(calls)

    def run(index, call):
        try:
            start.wait()
            call()
        except Exception as exc:  # noqa: BLE001 - returned to the test
            raised[index] = exc
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return raised
