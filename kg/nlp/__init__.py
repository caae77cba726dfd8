"""kg/nlp"""
