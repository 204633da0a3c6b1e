"""Dutch letter rules as pure functions: names, aanhef, address block, postcodes, dates, quotes.

Import the module you need (composer.dutch.dates, .names, …): the package itself
imports nothing, so checking a postcode does not load babel.
"""
