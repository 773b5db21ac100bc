"""Quote and meeting extraction: a library with no Kafka and no Elasticsearch in it.

The Faust agent, ``newsmon extract``, the evaluation and the benchmark all call
:class:`newsmon.extract.pipeline.Extractor`, so there is exactly one code path.
"""

from newsmon.extract.pipeline import ArticleInput, Extractor

__all__ = ["ArticleInput", "Extractor"]
