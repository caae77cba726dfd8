"""``kg serve``: a read-only SPARQL 1.1 endpoint and the analyst web app over a graph source (a store, a
``kg build`` folder or an RDF export).

- :mod:`kg.serve.cli` the ``serve`` command; :func:`kg.serve.cli.run_server` runs it from Python;
- :mod:`kg.serve.app` HTTP (WSGI, served by waitress): the protocol, the app's files and its API;
- :mod:`kg.serve.engine` worker processes, each with its own Oxigraph copy; timeouts; reloading;
- :mod:`kg.serve.worker`, :mod:`kg.serve.formats`, :mod:`kg.serve.data` what runs in a worker;
- :mod:`kg.serve._kg` every import from the rest of kg.

Importing this package loads nothing heavy (the worker processes import it first thing).
"""
