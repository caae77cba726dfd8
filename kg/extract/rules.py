"""The sentence rules: :class:`SentenceRules` reads one sentence's marked spans (actors, triggers, time
expressions) with the grammar words of its language (``data/lang/<code>/lang.json``) and answers who did
it (:mod:`~kg.extract.arguments`, on event nouns :mod:`~kg.extract.possessor`, across sentences :mod:`~kg.extract.coref`), when (:mod:`~kg.extract.dates`), where and how many
(:mod:`~kg.extract.places`) and how sure (:mod:`~kg.extract.modality`); :class:`~kg.extract.sentence.RulesBase`
holds the sentence and the helpers they share.
"""

from __future__ import annotations

from kg.extract.arguments import ArgumentRules
from kg.extract.coref import CorefRules
from kg.extract.dates import DateRules
from kg.extract.modality import ModalityRules
from kg.extract.places import PlaceRules
from kg.extract.possessor import PossessorRules
from kg.extract.sentence import RulesBase, sentences_of


class SentenceRules(ArgumentRules, PossessorRules, CorefRules, DateRules, PlaceRules, ModalityRules, RulesBase):
    """Argument, time, place and modality assignment for the triggers of one sentence."""


__all__ = ["SentenceRules", "sentences_of"]
