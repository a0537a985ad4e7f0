"""One exception tree for the whole package.

Everything `kg` raises on purpose derives from :class:`KGError`, so callers (and the CLI)
can catch one type and still tell the kinds apart.
"""
from __future__ import annotations


class KGError(Exception):
    """Base of every error raised by kg."""


class InputError(KGError):
    """An input file or text could not be read or understood.

    ``source`` names the file (or article id) so a batch can report it and go on.
    """

    def __init__(self, message: str, *, source: str | None = None):
        self.source = source
        super().__init__(f"{source}: {message}" if source else message)


class QueryError(KGError):
    """A SPARQL query failed to parse or run."""


class OntologyError(KGError):
    """A graph does not conform to the ontology or its SHACL shapes."""


class ExportError(KGError):
    """A graph could not be written in the requested form."""


class StoreError(KGError):
    """A persistent store could not be opened or updated."""
