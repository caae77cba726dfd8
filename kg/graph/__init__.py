"""kg/graph"""
