"""Training the recogniser: the annotated corpus, name substitution, spaCy training.

Nothing here runs at import; ``python -m kg.train`` retrains the shipped models.
"""
