"""kg/io"""
