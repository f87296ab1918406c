"""corroborate: read many outlets' coverage of one event and line up what each source claims."""

__version__ = "0.1.0"
