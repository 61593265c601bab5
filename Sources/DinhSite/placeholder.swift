// Site building.
