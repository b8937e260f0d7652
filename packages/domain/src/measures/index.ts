// Measures: instruments as data, scoring, bands, caseness, reliable change and episode outcomes.
