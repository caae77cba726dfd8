"""``python -m kg.serve SOURCE ...``: the same as ``kg serve SOURCE ...``."""

from .cli import serve

if __name__ == "__main__":  # pragma: no cover - a console entry
    serve(prog_name="python -m kg.serve")
