"""kg/lexicon"""
