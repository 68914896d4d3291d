"""Synthetic demo data: travellers, a year of crossings, demo officers and journey scenarios.

Not a Django app (it has no models): it fills the border and agencies apps' tables for a
laptop demo. Every person in it is a synthetic recombination of common given and family names;
none is a real traveller. `hudud demo load` runs `load.demo_load`; `hudud demo scenarios`
prints the MRZs of the journeys in shared/journeys.md. See docs/demo-data.md.
"""
