"""Drop-in functions shaped like other extractors' APIs, running on pith."""
