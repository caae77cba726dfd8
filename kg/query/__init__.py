"""kg/query"""
