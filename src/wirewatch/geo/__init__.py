"""Geography: an offline gazetteer, place resolution and metonymy heuristics."""
