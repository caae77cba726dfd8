"""kg/lang"""
