"""kg/store"""
