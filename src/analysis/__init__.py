"""Arabic media discourse analysis: framing markers and source attribution.

Modules, in the order data flows: ``corpus`` (documents and structure, raw offsets),
``normalize`` (normalised text with an offset map), ``codebook`` and ``markers`` (framing),
``attribution`` (sources), ``stats`` (per-outlet tables), ``validate`` (scores against the
hand coding), ``plotting`` (figures), ``pipeline`` (streaming, all cores, Dask) and ``cli``.
"""
__version__ = "0.1.0"
