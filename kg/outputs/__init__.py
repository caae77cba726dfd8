"""kg/outputs"""
