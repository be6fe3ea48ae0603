"""Learning City Knowledge Bank: case files → validated model → bilingual MkDocs site."""
