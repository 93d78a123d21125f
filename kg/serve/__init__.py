"""``kg serve``: a SPARQL 1.1 Protocol endpoint over the embedded store.

See ``kg.serve.app`` (HTTP), ``kg.serve.worker`` (query processes with a
timeout) and ``kg.serve.results`` (content negotiation, result formats).
"""

from kg.serve.app import make_server, serve

__all__ = ["make_server", "serve"]
