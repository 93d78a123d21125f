"""Export: the graph out as RDF files (and, later, other stores and tools)."""
