-- Accent folding for full-text search (French and Dutch users type with and without accents).
CREATE EXTENSION IF NOT EXISTS unaccent;
