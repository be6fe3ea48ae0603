"""`python -m generator release`: the archive in the forms that libraries and repositories keep.

Into `dist/`: a web archive (WACZ) of the built site, a BagIt bag with an RO-Crate for research
repositories, the offline site ZIP, the open data as a Frictionless data package, `.zenodo.json`
and `SHA256SUMS` (README, "Preserving this archive").

Two kinds of module live here. `identity`, `zenodo` and `coverage` use nothing but the standard
library and the site's own packages: the site build may import them (the citation block shows
the DOI). The others (`capture`, `webarchive`, `crate`, `bag`, `run`) import the release-only
packages (warcio, wacz, rocrate, bagit, roc-validator); only the release command and its tests
import them, so the site builds without those installed.
"""
